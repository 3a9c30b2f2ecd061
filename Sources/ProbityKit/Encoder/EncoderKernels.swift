import Foundation

/// The encoder's arithmetic on raw rows of Floats (row-major, `n` rows): the int8 matrix product, LayerNorm, GELU,
/// softmax attention. Written for the optimiser: pointers, 16-wide SIMD, each int8 weight converted once for four
/// rows of input.
enum EncoderKernels {
    /// `out[t, o] = scale[o] × Σ_i x[t, i] × q[o, i] + bias[o]` for each of `n` rows of `x`, outputs `outputs`.
    static func dense(
        _ x: UnsafePointer<Float>, rows n: Int, _ layer: DenseLayer, outputs: Range<Int>, into out: UnsafeMutablePointer<Float>
    ) {
        let w = layer.weight
        let columns = w.columns
        let width = w.rows
        let wide = columns - columns % 16
        for o in outputs {
            let row = w.values + o * columns
            let scale = w.scales[o]
            let bias = layer.bias.values[o]
            var t = 0
            while t + 4 <= n {
                let x0 = x + t * columns
                let x1 = x0 + columns
                let x2 = x1 + columns
                let x3 = x2 + columns
                var a0 = SIMD16<Float>()
                var a1 = SIMD16<Float>()
                var a2 = SIMD16<Float>()
                var a3 = SIMD16<Float>()
                var i = 0
                while i < wide {
                    let v = weights(row + i)
                    a0 += v * load(x0 + i)
                    a1 += v * load(x1 + i)
                    a2 += v * load(x2 + i)
                    a3 += v * load(x3 + i)
                    i += 16
                }
                var s0 = a0.sum()
                var s1 = a1.sum()
                var s2 = a2.sum()
                var s3 = a3.sum()
                while i < columns {
                    let v = Float(row[i])
                    s0 += v * x0[i]
                    s1 += v * x1[i]
                    s2 += v * x2[i]
                    s3 += v * x3[i]
                    i += 1
                }
                out[t * width + o] = scale * s0 + bias
                out[(t + 1) * width + o] = scale * s1 + bias
                out[(t + 2) * width + o] = scale * s2 + bias
                out[(t + 3) * width + o] = scale * s3 + bias
                t += 4
            }
            while t < n {
                let x0 = x + t * columns
                var a0 = SIMD16<Float>()
                var i = 0
                while i < wide {
                    a0 += weights(row + i) * load(x0 + i)
                    i += 16
                }
                var s0 = a0.sum()
                while i < columns {
                    s0 += Float(row[i]) * x0[i]
                    i += 1
                }
                out[t * width + o] = scale * s0 + bias
                t += 1
            }
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always) static func weights(_ p: UnsafePointer<Int8>) -> SIMD16<Float> {
        SIMD16<Float>(UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Int8>.self))
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
                    let kj = k + j * width + offset
                    var dot: Float = 0
                    for c in 0..<d { dot += qi[c] * kj[c] }
                    scores[j] = dot * scale
                    largest = max(largest, scores[j])
                }
                var total: Float = 0
                for j in 0..<n {
                    scores[j] = exp(scores[j] - largest)
                    total += scores[j]
                }
                let ci = context + i * width + offset
                for c in 0..<d { ci[c] = 0 }
                for j in 0..<n {
                    let p = scores[j] / total
                    let vj = v + j * width + offset
                    for c in 0..<d { ci[c] += p * vj[c] }
                }
            }
        }
    }
}
