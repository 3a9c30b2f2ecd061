import Foundation
import Testing

@testable import ProbityEncoder

/// Encoder files are checked when loaded: a broken file is refused with an error that names it and what is wrong,
/// never read past its end. No real weights needed (a tiny made-up file, `TinyEncoderFile`).
@Suite struct EncoderWeightsTests {
    static func load(_ file: TinyEncoderFile) throws(EncoderFileError) -> EncoderWeights {
        try EncoderWeights(bytes: file.bytes, file: "tiny.bin")
    }

    static func error(_ bytes: [UInt8]) -> EncoderFileError? {
        do {
            _ = try EncoderWeights(bytes: bytes, file: "tiny.bin")
            return nil
        } catch {
            return error
        }
    }

    @Test func aWellFormedFileLoadsAndEncodes() throws {
        let weights = try Self.load(TinyEncoderFile())
        #expect(weights.configuration.hidden == 16)
        #expect(weights.layers.count == 1)
        let encoder = SentenceEncoder(weights: weights)
        let vector = encoder.embedding("the report, the cafe")
        #expect(vector.count == 16)
        #expect(!vector.contains { !$0.isFinite })
        let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-4)
    }

    /// Threads split each product's output rows: the result is the same, bit for bit, for every text length (the
    /// products run on the length rounded up to 4).
    @Test func threadsGiveTheSameEmbedding() throws {
        let weights = try Self.load(TinyEncoderFile())
        var threaded = SentenceEncoder(weights: weights)
        threaded.threads = 3
        let single = SentenceEncoder(weights: weights)
        for text in ["", "cafe", "the report", "the cafe, the report", "un aff the report , cafe"] {
            #expect(threaded.embedding(text) == single.embedding(text), "\(text)")
        }
    }

    @Test func aTruncatedFileIsRefused() {
        let bytes = TinyEncoderFile().bytes
        #expect(Self.error(Array(bytes.dropLast(10))) == .truncated(file: "tiny.bin", detail: Self.truncatedDetail(bytes)))
        guard case .truncated = Self.error(Array(bytes.prefix(40))) else {
            Issue.record("a 40-byte file should be truncated")
            return
        }
        guard case .truncated = Self.error(Array(bytes.prefix(200))) else {
            Issue.record("a file cut inside its table should be truncated")
            return
        }
        #expect(Self.error([]) != nil)
    }

    /// The last section (the last layer's output LayerNorm bias) is the one cut.
    static func truncatedDetail(_ bytes: [UInt8]) -> String {
        "section \"layer0.output.norm.b\" ends at byte \(bytes.count), past its end at \(bytes.count - 10)"
    }

    @Test func aFileOfAnotherKindIsRefused() {
        var bytes = TinyEncoderFile().bytes
        bytes[0] = UInt8(ascii: "X")
        #expect(Self.error(bytes) == .badMagic(file: "tiny.bin"))
        #expect(Self.error(Array("PROBITY-VECTORS-1\n".utf8) + [UInt8](repeating: 0, count: 100)) == .badMagic(file: "tiny.bin"))
        #expect(Self.error(Array("not an encoder file".utf8)) == .badMagic(file: "tiny.bin"))
        var later = TinyEncoderFile()
        later.version = 2
        #expect(Self.error(later.bytes) == .unsupportedVersion(file: "tiny.bin", version: 2))
    }

    @Test func sizesThatDoNotFitAreRefused() {
        var odd = TinyEncoderFile()
        odd.heads = 3
        #expect(Self.error(odd.bytes) == .badConfiguration(file: "tiny.bin", detail: "hidden size 16 is not a multiple of 3 heads"))
        var none = TinyEncoderFile()
        none.layers = 0
        #expect(Self.error(none.bytes) == .badConfiguration(file: "tiny.bin", detail: "layers 0 (expected 1 to 256)"))
    }

    @Test func aSectionOfTheWrongShapeIsRefused() throws {
        // The header says 2 layers; the sections are for 1.
        var layers = TinyEncoderFile()
        layers.layers = 2
        #expect(Self.error(layers.bytes) == .missingSection(file: "tiny.bin", name: "layer1.query.w"))
        // A query matrix 16 × 15 instead of 16 × 16.
        var file = TinyEncoderFile()
        let i = try #require(file.sections.firstIndex { $0.name == "layer0.query.w" })
        file.sections[i].columns = 15
        #expect(
            Self.error(file.bytes)
                == .wrongShape(file: "tiny.bin", name: "layer0.query.w", expected: "q8 16 × 16", found: "q8 16 × 15"))
        // A LayerNorm stored as int8.
        var typed = TinyEncoderFile()
        let j = try #require(typed.sections.firstIndex { $0.name == "emb.norm.w" })
        typed.sections[j].type = 2
        #expect(Self.error(typed.bytes) == .wrongShape(file: "tiny.bin", name: "emb.norm.w", expected: "f32 1 × 16", found: "q8 1 × 16"))
    }

    @Test func aBrokenVocabularyIsRefused() throws {
        var file = TinyEncoderFile()
        let i = try #require(file.sections.firstIndex { $0.name == "vocab.sorted" })
        let ids = TinyEncoderFile.vocabulary.indices.map { UInt32($0) }  // id order, not byte order
        file.sections[i].data = ids.flatMap(TinyEncoderFile.bytes)
        guard case .badVocabulary(_, let detail) = Self.error(file.bytes) else {
            Issue.record("an unsorted index should be refused")
            return
        }
        #expect(detail.contains("out of order"))
    }

    @Test func messagesNameTheFileAndTheFault() {
        let message = EncoderFileError.wrongShape(file: "/tmp/e.bin", name: "emb.word", expected: "q8 30522 × 384", found: "q8 30522 × 383")
            .localizedDescription
        #expect(message == "/tmp/e.bin: section \"emb.word\" is q8 30522 × 383, expected q8 30522 × 384")
        #expect(EncoderFileError.badMagic(file: "x.bin").localizedDescription.contains("not a Probity encoder file"))
        #expect(throws: EncoderFileError.unreadable(file: "/nonexistent/encoder.bin")) {
            try EncoderWeights(path: "/nonexistent/encoder.bin")
        }
    }

    @Test func halfFloatsAreRead() {
        #expect(EmbeddingTable.float(half: 0x3C00) == 1)
        #expect(EmbeddingTable.float(half: 0xC000) == -2)
        #expect(EmbeddingTable.float(half: 0x3555) == 0.333_251_95)
        #expect(EmbeddingTable.float(half: 0x0001) == 0x1p-24)
        #expect(EmbeddingTable.float(half: 0x7C00) == .infinity)
    }
}
