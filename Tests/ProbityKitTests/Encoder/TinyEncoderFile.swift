import Foundation

/// A small encoder file in the format of `scripts/export-encoder.py` (hidden 16, 2 heads, 1 layer), with made-up
/// weights and a made-up vocabulary: enough to load and run the encoder and to break the file in chosen ways,
/// without the real weights.
struct TinyEncoderFile {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "##a", "cafe", "the", ",", "##s", "report",
        "£5",
    ]

    struct Section {
        var name: String
        var type: UInt8
        var rows: Int
        var columns: Int
        var data: [UInt8]
    }

    var version: UInt32 = 1
    var hidden = 16
    var heads = 2
    var layers = 1
    var intermediate = 32
    var maxTokens = 8
    var sections: [Section] = []

    init() {
        let tokens = Self.vocabulary.map { Array($0.utf8) }
        var offsets: [UInt32] = [0]
        for t in tokens { offsets.append(offsets.last! + UInt32(t.count)) }
        add("vocab.offsets", 4, 1, offsets.count, offsets.flatMap(Self.bytes))
        add("vocab.bytes", 3, 1, Int(offsets.last!), tokens.flatMap { $0 })
        let sorted = tokens.indices.sorted { tokens[$0].lexicographicallyPrecedes(tokens[$1]) }.map { UInt32($0) }
        add("vocab.sorted", 4, 1, sorted.count, sorted.flatMap(Self.bytes))
        var seed: UInt32 = 1
        func floats(_ n: Int, _ spread: Float) -> [Float] {
            (0..<n).map { _ in
                seed = seed &* 1_664_525 &+ 1_013_904_223
                return (Float(seed >> 8) / Float(1 << 24) - 0.5) * spread
            }
        }
        add("emb.word", 0, tokens.count, hidden, floats(tokens.count * hidden, 1).flatMap(Self.bytes))
        add("emb.position", 0, maxTokens, hidden, floats(maxTokens * hidden, 0.2).flatMap(Self.bytes))
        add("emb.type", 0, 2, hidden, floats(2 * hidden, 0.1).flatMap(Self.bytes))
        norm("emb.norm")
        for l in 0..<layers {
            let p = "layer\(l)."
            for name in ["query", "key", "value", "output"] { dense(p + name, hidden, hidden, floats) }
            norm(p + "attention.norm")
            dense(p + "intermediate", intermediate, hidden, floats)
            dense(p + "down", hidden, intermediate, floats)
            norm(p + "output.norm")
        }
    }

    mutating func add(_ name: String, _ type: UInt8, _ rows: Int, _ columns: Int, _ data: [UInt8]) {
        sections.append(Section(name: name, type: type, rows: rows, columns: columns, data: data))
    }

    private mutating func norm(_ name: String) {
        add(name + ".w", 0, 1, hidden, [Float](repeating: 1, count: hidden).flatMap(Self.bytes))
        add(name + ".b", 0, 1, hidden, [Float](repeating: 0, count: hidden).flatMap(Self.bytes))
    }

    private mutating func dense(_ name: String, _ out: Int, _ in: Int, _ floats: (Int, Float) -> [Float]) {
        let scales = [Float](repeating: 0.01, count: out)
        let values = floats(out * `in`, 250).map { UInt8(bitPattern: Int8(max(-127, min(127, $0)))) }
        add(name + ".w", 2, out, `in`, scales.flatMap(Self.bytes) + values)
        add(name + ".b", 0, 1, out, floats(out, 0.1).flatMap(Self.bytes))
    }

    static func bytes(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func bytes(_ v: Float) -> [UInt8] { bytes(v.bitPattern) }

    /// The file's bytes.
    var bytes: [UInt8] {
        var out = Array("PROBITY-ENCODER\n".utf8)
        for v in [version, UInt32(Self.vocabulary.count), UInt32(hidden), UInt32(layers), UInt32(heads), UInt32(intermediate), UInt32(maxTokens), 2] {
            out += Self.bytes(v)
        }
        out += Self.bytes(Float(1e-12)) + Self.bytes(UInt32(sections.count)) + Self.bytes(UInt32(0)) + Self.bytes(UInt32(0))
        var at = 64 + 48 * sections.count
        var body: [UInt8] = []
        for s in sections {
            at = (at + 63) / 64 * 64
            var name = Array(s.name.utf8)
            name += [UInt8](repeating: 0, count: 32 - name.count)
            out += name + [s.type, 0, 0, 0] + Self.bytes(UInt32(s.rows)) + Self.bytes(UInt32(s.columns)) + Self.bytes(UInt32(at))
            body += [UInt8](repeating: 0, count: at - (64 + 48 * sections.count + body.count)) + s.data
            at += s.data.count
        }
        return out + body
    }
}
