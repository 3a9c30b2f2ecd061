import Foundation
import Testing

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
