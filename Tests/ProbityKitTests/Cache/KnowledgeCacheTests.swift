import Foundation
import Testing

@testable import ProbityKit

/// What the knowledge gate keeps in the cache folder for one state of the knowledge: the parsed catalogue and the
/// fingerprints. Used only for the knowledge it was made from; damaged or missing, it is ignored and made again.
@Suite struct KnowledgeCacheTests {
    private struct Setup {
        let dir = TemporaryDirectory()
        let knowledge: String
        let verdicts: VerdictCache

        init() throws {
            knowledge = dir.path + "/knowledge"
            try FileManager.default.copyItem(atPath: KnowledgeFixture.path("sound"), toPath: knowledge)
            verdicts = VerdictCache(directory: dir.path + "/cache", settleNanoseconds: 40_000_000)
            usleep(80_000)  // older than the settle time, so the cache may keep what it learns
        }

        func load() throws -> KnowledgeBase { try KnowledgeGate.load(directory: knowledge, councils: .none, cache: verdicts) }

        var snapshots: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: verdicts.directory)) ?? []).filter { $0.hasPrefix("catalogue-") }
        }
    }

    @Test func theCatalogueIsKeptAndReadBackForTheSameKnowledge() throws {
        let setup = try Setup()
        let first = try setup.load()
        #expect(setup.snapshots.count == 1, "kept once the knowledge passed")
        #expect(first.catalogueFiles.allSatisfy { !$0.bytes.isEmpty }, "parsed from the files")
        let second = try setup.load()
        #expect(second.catalogueFiles.allSatisfy { $0.bytes.isEmpty }, "read from the snapshot")
        #expect(second.topics.map(\.id) == first.topics.map(\.id))
        #expect(second.topics.map(\.title) == first.topics.map(\.title))
        #expect(second.councilFingerprint("testshire") == KnowledgeLoader.read(directory: setup.knowledge).knowledge.councilFingerprint("testshire"))
        #expect(try #require(second.cache).signature == first.cache?.signature)
    }

    /// A catalogue file rewritten after the snapshot was kept: another signature, so the new words are read (and
    /// checked) from the file, never the old ones from the snapshot.
    @Test func aChangedCatalogueFileIsReadAgain() throws {
        let setup = try Setup()
        _ = try setup.load()
        _ = try setup.load()
        let file = setup.knowledge + "/catalogue/topics/sample.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Seeing a document\"", with: "\"Seeing a paper\"").write(toFile: file, atomically: false, encoding: .utf8)
        usleep(80_000)
        let changed = try setup.load()
        #expect(changed.topic(id: "sample")?.title == "Seeing a paper")
        #expect(changed.catalogueFiles.allSatisfy { !$0.bytes.isEmpty }, "parsed from the files")
        #expect(try setup.load().topic(id: "sample")?.title == "Seeing a paper")
    }

    /// A catalogue file broken after the snapshot was kept is refused by the gate, snapshot or not.
    @Test func aBrokenCatalogueFileIsRefusedDespiteTheSnapshot() throws {
        let setup = try Setup()
        _ = try setup.load()
        let file = setup.knowledge + "/catalogue/topics/sample.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try String(text.dropLast(8)).write(toFile: file, atomically: false, encoding: .utf8)
        usleep(80_000)
        #expect(throws: KnowledgeError.self) { try setup.load() }
    }

    /// Cut short or overwritten, a snapshot is ignored: the catalogue is parsed and the snapshot written again.
    @Test func aDamagedSnapshotIsIgnoredAndRebuilt() throws {
        let setup = try Setup()
        let first = try setup.load()
        let path = setup.verdicts.directory + "/" + (try #require(setup.snapshots.first))
        let whole = try #require(FileManager.default.contents(atPath: path))
        for damaged in [whole.prefix(whole.count / 2), Data("garbage".utf8), Data()] {
            #expect(FileManager.default.createFile(atPath: path, contents: damaged))
            let loaded = try setup.load()
            #expect(loaded.topics.map(\.title) == first.topics.map(\.title))
            #expect(loaded.catalogueFiles.allSatisfy { !$0.bytes.isEmpty }, "parsed from the files")
            #expect(FileManager.default.contents(atPath: path) == whole, "written again")
        }
    }

    /// The fingerprint a transcript records is remembered for the knowledge; a damaged one is computed again.
    @Test func theFingerprintIsRememberedAndADamagedOneRecomputed() throws {
        let setup = try Setup()
        let expected = KnowledgeLoader.read(directory: setup.knowledge).knowledge.councilFingerprint("testshire")
        #expect(try setup.load().councilFingerprint("testshire") == expected)
        let names = try FileManager.default.contentsOfDirectory(atPath: setup.verdicts.directory).filter { $0.hasPrefix("fingerprint-") }
        #expect(names.count == 1 && names[0].hasSuffix("-testshire"))
        #expect(try setup.load().councilFingerprint("testshire") == expected)
        #expect(FileManager.default.createFile(atPath: setup.verdicts.directory + "/" + names[0], contents: Data("not a digest".utf8)))
        #expect(try setup.load().councilFingerprint("testshire") == expected)
        #expect(try setup.load().councilFingerprint(nil) == KnowledgeLoader.read(directory: setup.knowledge).knowledge.councilFingerprint(nil))
    }

    /// `ask` reads the subjects outside the protocols from the cache folder: kept for one catalogue, read back for it
    /// only; damaged, ignored.
    @Test func theSubjectsOutsideTheProtocolsAreKeptForTheirCatalogueOnly() throws {
        let setup = try Setup()
        let kept = try #require(try setup.load().cache)
        #expect(kept.outOfScope() == nil, "none kept yet")
        var subject = OutOfScopeSubject(id: "gifts", title: "Gifts", ruleLivesIn: "the Code of Conduct", reply: "See the code.", signals: ["gift"])
        subject.file = "catalogue/out-of-scope.json"
        subject.position = SourcePosition(line: 3, column: 5)
        kept.keep(outOfScope: [subject])
        let read = try #require(kept.outOfScope())
        #expect(read.map(\.id) == ["gifts"] && read[0].signals == ["gift"] && read[0].position == subject.position)
        let other = KnowledgeCache(verdicts: setup.verdicts, signature: KnowledgeSignature(key: "another", newestChange: 0))
        #expect(other.outOfScope() == nil)
        let path = setup.verdicts.directory + "/" + kept.subjectsName
        let whole = try #require(FileManager.default.contents(atPath: path))
        for damaged in [whole.prefix(whole.count / 2), Data("garbage".utf8)] {
            #expect(FileManager.default.createFile(atPath: path, contents: damaged))
            #expect(kept.outOfScope() == nil)
        }
    }

    /// Knowledge changed too recently to be named reliably: nothing is kept for it.
    @Test func freshKnowledgeKeepsNothing() throws {
        let setup = try Setup()
        let eager = VerdictCache(directory: setup.verdicts.directory, settleNanoseconds: 3_600_000_000_000)
        let knowledge = try KnowledgeGate.load(directory: setup.knowledge, councils: .none, cache: eager)
        _ = knowledge.councilFingerprint("testshire")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: setup.verdicts.directory)) ?? []).isEmpty)
    }
}
