import Foundation
import Testing

@testable import ProbityKit

/// The router's index written to bytes and read back: the same rankings, and bytes that are not a snapshot are refused.
@Suite struct RouterSnapshotTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge
    static let router = Router(knowledge: knowledge)
    static let bytes = RouterSnapshot.encode(router)
    static let questions: [String] = {
        let text = (try? String(contentsOfFile: Paths.fixtures + "/routing/held-out.tsv", encoding: .utf8)) ?? ""
        return ((try? RoutingEvaluation.parse(text)) ?? []).map(\.question)
    }()

    @Test func readBackItRanksEveryQuestionTheSame() throws {
        // A snapshot holds the index; the sentence encoder's second stage is attached after reading it, as
        // `Router.cached(for:)` does.
        let read = try #require(RouterSnapshot.decode(Self.bytes)).withSecondStage(directory: Paths.knowledge)
        #expect(!Self.questions.isEmpty)
        for question in Self.questions {
            #expect(read.rank(question, limit: 5) == Self.router.rank(question, limit: 5), "\(question)")
        }
        #expect(read.explain("can I see the exempt report") == Self.router.explain("can I see the exempt report"))
    }

    /// Cut short, or with bytes changed, a snapshot is refused or read as some router: never a crash.
    @Test func damagedBytesAreRefusedNeverACrash() {
        #expect(RouterSnapshot.decode([]) == nil)
        #expect(RouterSnapshot.decode(Array(Self.bytes.dropLast())) == nil)
        #expect(RouterSnapshot.decode(Self.bytes + [0]) == nil)
        #expect(RouterSnapshot.decode(Array("not a snapshot".utf8)) == nil)
        for (changed, cut) in DamagedBytes.variants(of: Self.bytes, seed: 42) {
            if let router = RouterSnapshot.decode(changed) { _ = router.rank("a journalist rang me", limit: 3) }
            _ = RouterSnapshot.decode(cut)
        }
    }

    /// The name comes from the knowledge gate's signature: the same knowledge gives the same name; rewriting a
    /// catalogue file, even with the same bytes, adding one, or other weights give another.
    @Test func theNameChangesWithAnyWriteToTheCatalogue() throws {
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("probity-stamps-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: directory) }
        try fm.createDirectory(atPath: directory + "/councils", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: directory + "/catalogue", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Paths.knowledge + "/catalogue/topics", toPath: directory + "/catalogue/topics")
        func key() throws -> String { RouterSnapshot.key(knowledge: try #require(KnowledgeSignature.catalogue(directory: directory))) }
        let first = try key()
        #expect(try key() == first)

        let file = directory + "/catalogue/topics/" + (try #require(try fm.contentsOfDirectory(atPath: directory + "/catalogue/topics").first))
        let bytes = try #require(fm.contents(atPath: file))
        usleep(2_000)
        #expect(fm.createFile(atPath: file, contents: bytes))
        let rewritten = try key()
        #expect(rewritten != first)

        #expect(fm.createFile(atPath: directory + "/catalogue/facts.json", contents: Data("{}".utf8)))
        let added = try key()
        #expect(added != rewritten)

        var weights = RoutingWeights.standard
        weights.title += 1
        #expect(RouterSnapshot.key(knowledge: try #require(KnowledgeSignature.catalogue(directory: directory)), weights: weights) != added)
    }

    @Test func theCacheKeepsOneSnapshot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probity-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RouterCache(directory: directory)
        #expect(cache.router(key: "one") == nil)
        cache.store(Self.router, key: "one")
        cache.store(Self.router, key: "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["router-two.bin"])
        let read = try #require(cache.router(key: "two"))
        #expect(read.rank("a journalist rang me") == Self.router.rank("a journalist rang me"))
    }
}
