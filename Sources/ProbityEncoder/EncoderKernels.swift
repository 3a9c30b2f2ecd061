import Foundation

/// The encoder's arithmetic on raw rows of Floats (row-major, `n` rows): the int8 matrix product, LayerNorm, GELU,
/// softmax attention. Written for the optimiser: pointers, 4-wide SIMD, each int8 weight converted once for all the
/// rows of input.
enum EncoderKernels {
    /// `out[t, o] = scale[o] × Σ_i q[o, i] × x[t, i] + bias[o]` for each of `n` rows of `x` and each output in
    /// `outputs`. Two weight rows at a time are dequantised into `buffer` (2 × columns Floats), then multiplied with
    /// four input rows at a time (eight 4-wide accumulators: the registers of a baseline x86-64 or an ARM64 CPU).
    static func dense(
        _ x: UnsafePointer<Float>, rows n: Int, _ layer: DenseLayer, outputs: Range<Int>,
        into out: UnsafeMutablePointer<Float>, buffer: UnsafeMutablePointer<Float>
    ) {
        let w = layer.weight
        let columns = w.columns
        let width = w.rows
        let wide = columns - columns % 4
        let w0 = buffer
        let w1 = buffer + columns
        var o = outputs.lowerBound
        while o < outputs.upperBound {
            let pair = o + 1 < outputs.upperBound
            dequantise(w, row: o, into: w0)
            if pair { dequantise(w, row: o + 1, into: w1) }
            let b0 = layer.bias.values[o]
            let b1 = pair ? layer.bias.values[o + 1] : 0
            var t = 0
            while t + 4 <= n {
                let x0 = x + t * columns
                let x1 = x0 + columns
                let x2 = x1 + columns
                let x3 = x2 + columns
                var a00 = SIMD4<Float>()
                var a01 = SIMD4<Float>()
                var a02 = SIMD4<Float>()
                var a03 = SIMD4<Float>()
                var a10 = SIMD4<Float>()
                var a11 = SIMD4<Float>()
                var a12 = SIMD4<Float>()
                var a13 = SIMD4<Float>()
                var i = 0
                while i < wide {
                    let u = load(w0 + i)
                    let v = load(w1 + i)
                    let y0 = load(x0 + i)
                    let y1 = load(x1 + i)
                    let y2 = load(x2 + i)
                    let y3 = load(x3 + i)
                    a00 += u * y0
                    a01 += u * y1
                    a02 += u * y2
                    a03 += u * y3
                    a10 += v * y0
                    a11 += v * y1
                    a12 += v * y2
                    a13 += v * y3
                    i += 4
                }
                var s00 = a00.sum()
                var s01 = a01.sum()
                var s02 = a02.sum()
                var s03 = a03.sum()
                var s10 = a10.sum()
                var s11 = a11.sum()
                var s12 = a12.sum()
                var s13 = a13.sum()
                while i < columns {
                    s00 += w0[i] * x0[i]
                    s01 += w0[i] * x1[i]
                    s02 += w0[i] * x2[i]
                    s03 += w0[i] * x3[i]
                    s10 += w1[i] * x0[i]
                    s11 += w1[i] * x1[i]
                    s12 += w1[i] * x2[i]
                    s13 += w1[i] * x3[i]
                    i += 1
                }
                out[t * width + o] = s00 + b0
                out[(t + 1) * width + o] = s01 + b0
                out[(t + 2) * width + o] = s02 + b0
                out[(t + 3) * width + o] = s03 + b0
                if pair {
                    out[t * width + o + 1] = s10 + b1
                    out[(t + 1) * width + o + 1] = s11 + b1
                    out[(t + 2) * width + o + 1] = s12 + b1
                    out[(t + 3) * width + o + 1] = s13 + b1
                }
                t += 4
            }
            while t < n {
                let x0 = x + t * columns
                out[t * width + o] = dot(w0, x0, count: columns) + b0
                if pair { out[t * width + o + 1] = dot(w1, x0, count: columns) + b1 }
                t += 1
            }
            o += pair ? 2 : 1
        }
    }

    /// Row `r` of `w` as Floats, its scale applied.
    @inline(__always) static func dequantise(_ w: QuantisedMatrix, row r: Int, into out: UnsafeMutablePointer<Float>) {
        let scale = w.scales[r]
        let values = w.values + r * w.columns
        for i in 0..<w.columns { out[i] = scale * Float(values[i]) }
    }

    @inline(__always) static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var sum = SIMD4<Float>()
        var i = 0
        while i + 4 <= count {
            sum += load(a + i) * load(b + i)
            i += 4
        }
        var total = sum.sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// `y += a × x` over `count` Floats.
    @inline(__always) static func add(_ a: Float, times x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 4 <= count {
            UnsafeMutableRawPointer(y + i).storeBytes(of: load(y + i) + a * load(x + i), as: SIMD4<Float>.self)
            i += 4
        }
        while i < count {
            y[i] += a * x[i]
            i += 1
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    /// Each of `n` rows of `x` (width `width`) normalised to mean 0 and variance 1, then scaled and shifted.
    static func layerNorm(_ x: UnsafeMutablePointer<Float>, rows n: Int, width: Int, _ norm: NormLayer, epsilon: Float) {
        let w = norm.weight.values
        let b = norm.bias.values
        for t in 0..<n {
            let row = x + t * width
            var sum: Float = 0
            for i in 0..<width { sum += row[i] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for i in 0..<width {
                let d = row[i] - mean
                squares += d * d
            }
            let inverse = 1 / (squares / Float(width) + epsilon).squareRoot()
            for i in 0..<width { row[i] = (row[i] - mean) * inverse * w[i] + b[i] }
        }
    }

    /// GELU in the exact (erf) form BERT uses: x × Φ(x).
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { x[i] = 0.5 * x[i] * (1 + erf(x[i] * 0.70710678118654752)) }
    }

    /// Scaled dot-product self-attention over `n` tokens, every token seeing every other (one text, no padding):
    /// for each head, `context = softmax(q kᵀ / √d) v`. `q`, `k`, `v` and `context` are `n` × `width`, `width` being
    /// `heads` × d; `scores` holds `n` Floats.
    static func attention(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, rows n: Int, width: Int, heads: Int,
        into context: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>
    ) {
        let d = width / heads
        let scale = 1 / Float(d).squareRoot()
        for h in 0..<heads {
            let offset = h * d
            for i in 0..<n {
                let qi = q + i * width + offset
                var largest = -Float.infinity
                for j in 0..<n {
                    scores[j] = dot(qi, k + j * width + offset, count: d) * scale
                    largest = max(largest, scores[j])
                }
                var total: Float = 0
                for j in 0..<n {
                    scores[j] = exp(scores[j] - largest)
                    total += scores[j]
                }
                let ci = context + i * width + offset
                for c in 0..<d { ci[c] = 0 }
                for j in 0..<n { add(scores[j] / total, times: v + j * width + offset, to: ci, count: d) }
            }
        }
    }
}
