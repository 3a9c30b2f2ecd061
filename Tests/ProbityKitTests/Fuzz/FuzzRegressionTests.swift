import Foundation
import Testing

@testable import ProbityEncoder
@testable import ProbityKit

/// Every input the fuzzers found a problem with (`Tests/Fixtures/fuzz/<target>/`, see its README), and the seeds
/// they start from, run through the same checks as the fuzz targets (`FuzzChecks`).
@Suite(.serialized) struct FuzzRegressionTests {
    static func inputs(_ folder: String) -> [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
            .map { folder + "/" + $0 }
    }

    static func kept(_ target: String) -> [String] { inputs(Paths.fixtures + "/fuzz/" + target) }

    static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    static func name(_ path: String) -> String { String(path.split(separator: "/").suffix(2).joined(separator: "/")) }

    @Test(arguments: kept("json")) func json(path: String) {
        #expect(FuzzChecks.json(Self.bytes(path)) == [], "\(Self.name(path))")
    }

    @Test(arguments: kept("knowledge")) func knowledge(path: String) {
        #expect(FuzzChecks.knowledge(Self.bytes(path)) == [], "\(Self.name(path))")
    }

    @Test(arguments: kept("conversation") + inputs(Paths.repository + "/transcripts/examples").filter { $0.hasSuffix(".input") })
    func conversation(path: String) {
        #expect(FuzzChecks.conversation(Self.bytes(path)) == [], "\(Self.name(path))")
    }

    @Test(arguments: kept("transcript") + inputs(Paths.repository + "/Fuzz/seeds/transcript"))
    func transcript(path: String) {
        #expect(FuzzChecks.transcript(Self.bytes(path)) == [], "\(Self.name(path))")
    }

    /// The encoder file and the second stage's part: the tiny made-up encoder file, the shipped part, and what the
    /// fuzzer kept.
    @Test(arguments: kept("encoder")) func encoder(path: String) {
        #expect(FuzzChecks.encoder(Self.bytes(path)) == [], "\(Self.name(path))")
    }

    /// The encoder target's corpus starts from a whole encoder file that loads (`Fuzz/seeds/encoder/tiny-encoder`:
    /// a 0 byte, then the tests' tiny file), so the fuzzer reaches the arithmetic, not only the header checks. The
    /// seed is kept equal to `TinyEncoderFile` (`PROBITY_UPDATE_SEEDS=1 swift test --filter FuzzRegressionTests`
    /// writes it again after a change of format).
    @Test func theEncoderSeedIsAWholeFileThatLoads() throws {
        let path = Paths.repository + "/Fuzz/seeds/encoder/tiny-encoder"
        let expected = [UInt8(0)] + TinyEncoderFile().bytes
        if ProcessInfo.processInfo.environment["PROBITY_UPDATE_SEEDS"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(expected).write(to: URL(fileURLWithPath: path))
        }
        let seed = Self.bytes(path)
        #expect(seed == expected, "Fuzz/seeds/encoder/tiny-encoder is not the tiny encoder file: PROBITY_UPDATE_SEEDS=1 writes it")
        #expect(throws: Never.self) { _ = try EncoderWeights(bytes: Array(seed.dropFirst()), file: "tiny-encoder") }
        #expect(FuzzChecks.encoder(seed) == [])
    }

    @Test func theEncoderSeedsPass() {
        #expect(FuzzChecks.encoder([0] + TinyEncoderFile().bytes) == [])
        #expect(FuzzChecks.encoder([1] + Self.bytes(Paths.knowledge + "/catalogue/encoder-routing.json")) == [])
        #expect(FuzzChecks.encoder([1] + Array(#"{"classes": [1]}"#.utf8)) == [])
    }

    /// The checks themselves find what they are meant to find.
    @Test func theChecksCanFail() {
        #expect(FuzzChecks.positionProblems(SourcePosition(line: 3, column: 1), in: Array("{\n}".utf8), what: "x") != [])
        #expect(FuzzChecks.positionProblems(SourcePosition(line: 1, column: 3), in: Array("é".utf8), what: "x") != [])
        #expect(FuzzChecks.positionProblems(SourcePosition(line: 1, column: 2), in: Array("é".utf8), what: "x") == [])
        #expect(FuzzChecks.json(Array("[1,".utf8)) == [])
    }
}
