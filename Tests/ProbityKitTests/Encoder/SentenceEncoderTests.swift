import Foundation
import Testing

@testable import ProbityEncoder

/// The Swift encoder against the Python model (`Tests/Fixtures/encoder/reference.json`, written by
/// `scripts/export-encoder.py`). The real weights are not in git: `scripts/fetch-encoder.sh` (which the test command
/// runs) makes `Knowledge/catalogue/encoder.bin`, or $PROBITY_ENCODER names another file. Skipped without them, except
/// in CI, where a missing file fails.
@Suite struct SentenceEncoderTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let text: String
            let ids: [Int32]
            let embedding: [Float]
        }
        let maxTokens: Int
        let cases: [Case]
    }

    static let path = ProcessInfo.processInfo.environment["PROBITY_ENCODER"] ?? Paths.knowledge + "/catalogue/encoder.bin"
    static let encoder: SentenceEncoder? = try? SentenceEncoder(path: path)
    static let runs = encoder != nil || ProcessInfo.processInfo.environment["CI"] != nil
    static let skip: Comment = "no encoder weights at \(path): make them with scripts/fetch-encoder.sh or set PROBITY_ENCODER"
    static let reference: Reference = {
        let data = FileManager.default.contents(atPath: Paths.fixtures + "/encoder/reference.json") ?? Data()
        return (try? JSONDecoder().decode(Reference.self, from: data)) ?? Reference(maxTokens: 0, cases: [])
    }()

    @Test func theReferenceIsThere() {
        #expect(Self.reference.cases.count >= 50)
        #expect(Self.reference.cases.contains { $0.ids.count == Self.reference.maxTokens }, "a text long enough to be cut")
    }

    @Test(.enabled(if: runs, skip)) func tokensAreThePythonTokenizers() throws {
        let encoder = try #require(Self.encoder)
        #expect(encoder.weights.configuration.maxTokens == Self.reference.maxTokens)
        for c in Self.reference.cases {
            #expect(encoder.tokenIDs(c.text) == c.ids, "\(c.text.prefix(60).debugDescription)")
        }
    }

    /// Cosine at least 0.99 with the Python model's embedding, for every text (the encoder's module is optimised in
    /// debug builds too, so this takes well under a second).
    @Test(.enabled(if: runs, skip)) func embeddingsAreThePythonModels() throws {
        let encoder = try #require(Self.encoder)
        for c in Self.reference.cases {
            let vector = encoder.embedding(ids: c.ids)
            let cosine = zip(vector, c.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(cosine >= 0.99, "\(c.text.prefix(60).debugDescription): cosine \(cosine)")
        }
    }
}

/// The tokenizer's steps on a made-up vocabulary, and its word splitting, with no real weights.
@Suite struct WordPieceTokenizerTests {
    static let encoder = SentenceEncoder(weights: try! EncoderWeights(bytes: TinyEncoderFile().bytes, file: "tiny.bin"))

    @Test func wordsAreCleanedLowerCasedStrippedAndSplit() {
        #expect(WordPieceTokenizer.words("Café, £5!") == ["cafe", ",", "£5", "!"])
        #expect(WordPieceTokenizer.words("He said “it’s OK”…") == ["he", "said", "“", "it", "’", "s", "ok", "”", "…"])
        #expect(WordPieceTokenizer.words("tabs\tand\r\nlines\u{0B}x\u{200B}y") == ["tabs", "and", "linesxy"])
        #expect(WordPieceTokenizer.words("中文ok") == ["中", "文", "ok"])
        #expect(WordPieceTokenizer.words("  ") == [])
        #expect(WordPieceTokenizer.words("ΣΑΣ") == ["σασ"], "character by character: no final sigma")
    }

    @Test func piecesAreTheLongestFromTheStart() {
        let v = TinyEncoderFile.vocabulary
        func ids(_ tokens: [String]) -> [Int32] { tokens.map { Int32(v.firstIndex(of: $0)!) } }
        let encoder = Self.encoder
        #expect(encoder.tokenIDs("unaffable") == ids(["[CLS]", "un", "##aff", "##able", "[SEP]"]))
        #expect(encoder.tokenIDs("Affa, the reports") == ids(["[CLS]", "aff", "##a", ",", "the", "report", "##s", "[SEP]"]))
        #expect(encoder.tokenIDs("unknowable café") == ids(["[CLS]", "[UNK]", "cafe", "[SEP]"]), "no split: the whole word is [UNK]")
        #expect(encoder.tokenIDs(String(repeating: "a", count: 101)) == ids(["[CLS]", "[UNK]", "[SEP]"]))
        #expect(encoder.tokenIDs("") == ids(["[CLS]", "[SEP]"]))
    }

    @Test func longTextsAreCutToTheMostTokens() {
        let ids = Self.encoder.tokenIDs(String(repeating: "the report ", count: 20))
        #expect(ids.count == 8)
        #expect(ids.last == 3, "[SEP] stays last")
    }
}
