/// Views into an encoder file's mapped bytes. They hold raw pointers and are valid only while the `EncoderWeights`
/// that made them (which keeps the bytes mapped) is alive; nothing outside the Encoder folder sees them.

/// A row-major matrix of int8 values with one Float scale per row: row r's values are `scales[r] × values[r, c]`
/// (a Linear layer's weight as [out, in], so each output has its own scale).
struct QuantisedMatrix: @unchecked Sendable {
    let rows: Int
    let columns: Int
    let scales: UnsafePointer<Float>
    let values: UnsafePointer<Int8>
}

/// A row-major Float matrix (or a vector, one row).
struct FloatMatrix: @unchecked Sendable {
    let rows: Int
    let columns: Int
    let values: UnsafePointer<Float>

    func row(_ r: Int) -> UnsafePointer<Float> { values + r * columns }
}

/// The token embedding table, in whichever type the file stores it.
enum EmbeddingTable: @unchecked Sendable {
    case quantised(QuantisedMatrix)
    case half(rows: Int, columns: Int, values: UnsafePointer<UInt16>)
    case float(FloatMatrix)

    var rows: Int {
        switch self {
        case .quantised(let m): m.rows
        case .half(let rows, _, _): rows
        case .float(let m): m.rows
        }
    }

    /// Adds row `r` to `out[0..<columns]`.
    func add(row r: Int, to out: UnsafeMutablePointer<Float>) {
        switch self {
        case .quantised(let m):
            let scale = m.scales[r]
            let values = m.values + r * m.columns
            for c in 0..<m.columns { out[c] += scale * Float(values[c]) }
        case .half(_, let columns, let values):
            let row = values + r * columns
            for c in 0..<columns { out[c] += Self.float(half: row[c]) }
        case .float(let m):
            let row = m.row(r)
            for c in 0..<m.columns { out[c] += row[c] }
        }
    }

    /// An IEEE half-precision value's bits as a Float (done by hand: `Float16` is missing on Intel Macs).
    static func float(half bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            // Zero or subnormal: mantissa × 2^-24.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }
}

/// A Linear layer: `y = W x + b`.
struct DenseLayer: Sendable {
    let weight: QuantisedMatrix
    let bias: FloatMatrix
}

/// A LayerNorm's scale and shift.
struct NormLayer: Sendable {
    let weight: FloatMatrix
    let bias: FloatMatrix
}

/// One transformer layer: self-attention, then the feed-forward block, each followed by a residual LayerNorm.
struct TransformerLayer: Sendable {
    let query: DenseLayer
    let key: DenseLayer
    let value: DenseLayer
    let output: DenseLayer
    let attentionNorm: NormLayer
    let intermediate: DenseLayer
    let down: DenseLayer
    let outputNorm: NormLayer
}
