import Foundation
import ProbityBytes

/// A BERT-style sentence encoder's weights and WordPiece vocabulary, from one file written by
/// `scripts/export-encoder.py` (its docstring gives the format: a versioned little-endian header, a table of named
/// sections, each 64-byte aligned). The file is mapped, not read: loading checks the header and every section's type
/// and shape against the header's sizes (and the vocabulary's offsets and order), and nothing is dequantised until
/// a text is encoded.
public struct EncoderWeights: @unchecked Sendable {
    static let magic: [UInt8] = Array("PROBITY-ENCODER\n".utf8)
    static let version = 1
    static let headerSize = 64
    static let entrySize = 48

    /// The sizes the header gives.
    public struct Configuration: Sendable, Equatable {
        public let vocabularySize: Int
        public let hidden: Int
        public let layers: Int
        public let heads: Int
        public let intermediate: Int
        /// The most tokens a text is cut to, [CLS] and [SEP] included (and the position embeddings stored).
        public let maxTokens: Int
        public let tokenTypes: Int
        public let layerNormEpsilon: Float
    }

    public let configuration: Configuration
    /// Where the weights came from, for messages.
    public let file: String
    let vocabulary: EncoderVocabulary
    let wordEmbeddings: EmbeddingTable
    let positionEmbeddings: FloatMatrix
    let typeEmbeddings: FloatMatrix
    let embeddingNorm: NormLayer
    let layers: [TransformerLayer]
    /// Keeps the bytes every view above points into.
    private let storage: ByteStorage

    /// The weights in the file at `path`, mapped read-only.
    public init(path: String) throws(EncoderFileError) {
        guard let storage = ByteStorage(mapping: path) else { throw .unreadable(file: path) }
        try self.init(storage: storage, file: path)
    }

    /// The weights in `bytes` (copied), named `file` in errors.
    public init(bytes: [UInt8], file: String) throws(EncoderFileError) {
        try self.init(storage: ByteStorage(copying: bytes), file: file)
    }

    private init(storage: ByteStorage, file: String) throws(EncoderFileError) {
        guard 1.littleEndian == 1 else { throw .badConfiguration(file: file, detail: "this machine is big-endian") }
        let buffer = storage.buffer
        guard buffer.count >= Self.headerSize, let base = buffer.baseAddress else {
            if buffer.count >= Self.magic.count, Array(buffer[0..<Self.magic.count]) != Self.magic { throw .badMagic(file: file) }
            throw .truncated(file: file, detail: "\(buffer.count) bytes, shorter than the \(Self.headerSize)-byte header")
        }
        guard Array(buffer[0..<Self.magic.count]) == Self.magic else { throw .badMagic(file: file) }
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        let version = u32(16)
        guard version == Self.version else { throw .unsupportedVersion(file: file, version: version) }
        let config = Configuration(
            vocabularySize: u32(20), hidden: u32(24), layers: u32(28), heads: u32(32), intermediate: u32(36),
            maxTokens: u32(40), tokenTypes: u32(44),
            layerNormEpsilon: Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 48, as: UInt32.self))))
        try Self.check(config, file: file)
        let sectionCount = u32(52)
        guard sectionCount <= 10_000 else { throw .badConfiguration(file: file, detail: "\(sectionCount) sections") }
        let tableEnd = Self.headerSize + Self.entrySize * sectionCount
        guard tableEnd <= buffer.count else {
            throw .truncated(file: file, detail: "its table of \(sectionCount) sections ends at byte \(tableEnd), past its end at \(buffer.count)")
        }
        var sections: [String: EncoderSection] = [:]
        for i in 0..<sectionCount {
            let at = Self.headerSize + Self.entrySize * i
            let nameBytes = buffer[at..<at + 32].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            sections[name] = EncoderSection(
                name: name, type: Int(buffer[at + 32]), rows: u32(at + 36), columns: u32(at + 40), offset: u32(at + 44))
        }
        let reader = EncoderSectionReader(base: base, size: buffer.count, file: file, sections: sections)
        let h = config.hidden
        vocabulary = try EncoderVocabulary(reader: reader, size: config.vocabularySize)
        wordEmbeddings = try reader.embeddings("emb.word", rows: config.vocabularySize, columns: h)
        positionEmbeddings = try reader.float("emb.position", rows: config.maxTokens, columns: h)
        typeEmbeddings = try reader.float("emb.type", rows: config.tokenTypes, columns: h)
        embeddingNorm = try reader.norm("emb.norm", size: h)
        var layers: [TransformerLayer] = []
        for l in 0..<config.layers {
            let p = "layer\(l)."
            layers.append(
                TransformerLayer(
                    query: try reader.dense(p + "query", out: h, in: h), key: try reader.dense(p + "key", out: h, in: h),
                    value: try reader.dense(p + "value", out: h, in: h), output: try reader.dense(p + "output", out: h, in: h),
                    attentionNorm: try reader.norm(p + "attention.norm", size: h),
                    intermediate: try reader.dense(p + "intermediate", out: config.intermediate, in: h),
                    down: try reader.dense(p + "down", out: h, in: config.intermediate),
                    outputNorm: try reader.norm(p + "output.norm", size: h)))
        }
        self.layers = layers
        configuration = config
        self.file = file
        self.storage = storage
    }

    private static func check(_ c: Configuration, file: String) throws(EncoderFileError) {
        func bad(_ detail: String) -> EncoderFileError { .badConfiguration(file: file, detail: detail) }
        for (name, value, limit) in [
            ("vocabulary size", c.vocabularySize, 1 << 20), ("hidden size", c.hidden, 8192), ("layers", c.layers, 256),
            ("attention heads", c.heads, 256), ("intermediate size", c.intermediate, 65536), ("most tokens", c.maxTokens, 8192),
            ("token types", c.tokenTypes, 16),
        ] where value < 1 || value > limit {
            throw bad("\(name) \(value) (expected 1 to \(limit))")
        }
        guard c.hidden % c.heads == 0 else { throw bad("hidden size \(c.hidden) is not a multiple of \(c.heads) heads") }
        guard c.maxTokens >= 2 else { throw bad("most tokens \(c.maxTokens) leaves no room for [CLS] and [SEP]") }
        guard c.layerNormEpsilon.isFinite, c.layerNormEpsilon >= 0 else { throw bad("LayerNorm epsilon \(c.layerNormEpsilon)") }
    }
}
