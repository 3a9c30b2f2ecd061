import Foundation
import Testing

@testable import ProbityKit

/// The knowledge gate: nothing is used until `validate`'s checks pass; a sound verdict is remembered by the
/// knowledge's signature and never outlives a change to any file.
@Suite struct KnowledgeGateTests {
    /// A private copy of a fixture, so that files can be changed.
    private func copy(_ fixture: String, into dir: TemporaryDirectory) throws -> String {
        let target = dir.path + "/knowledge"
        try FileManager.default.copyItem(atPath: KnowledgeFixture.path(fixture), toPath: target)
        return target
    }

    /// Waits until the copy's times are older than `cache` needs to remember a verdict about it.
    private func settle() { usleep(80_000) }

    private func cache(_ dir: TemporaryDirectory) -> VerdictCache {
        VerdictCache(directory: dir.path + "/cache", settleNanoseconds: 40_000_000)
    }

    @Test func theGateGivesValidatesOwnProblems() throws {
        for fixture in ["not-verbatim", "cycle", "dangling-citation", "malformed-json"] {
            let expected = KnowledgeFixture.issues(fixture)
            #expect(!expected.isEmpty)
            #expect(throws: KnowledgeError.self) { try KnowledgeGate.check(directory: KnowledgeFixture.path(fixture), cache: nil) }
            do {
                _ = try KnowledgeGate.check(directory: KnowledgeFixture.path(fixture), cache: nil)
            } catch {
                #expect(error.issues == expected.sorted(), "\(fixture)")
            }
        }
    }

    @Test func aSoundVerdictIsRememberedAndUsed() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        settle()
        let cache = cache(dir)
        let first = try KnowledgeGate.check(directory: knowledge, cache: cache)
        #expect(first != nil, "validated the first time")
        #expect(try KnowledgeGate.check(directory: knowledge, cache: cache) == nil, "let through on the remembered verdict")
        let loaded = try KnowledgeGate.load(directory: knowledge, councils: .none, cache: cache)
        #expect(!loaded.topics.isEmpty)
    }

    /// A clause altered after the verdict was kept, to the same length, in place: the signature changes, so the
    /// knowledge is checked again and refused.
    @Test func aClauseAlteredAfterTheVerdictIsRefused() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        settle()
        let cache = cache(dir)
        _ = try KnowledgeGate.check(directory: knowledge, cache: cache)
        #expect(try KnowledgeGate.check(directory: knowledge, cache: cache) == nil)
        let council = try #require(KnowledgeLoader.read(directory: knowledge).knowledge.folders.first)
        let version = try #require(council.current)
        let clause = try #require(version.clauses.first { $0.text.contains(" ") })
        let file = knowledge + "/" + version.file
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let altered = String(clause.text.reversed())
        try #require(altered.count == clause.text.count && altered != clause.text)
        let handle = try #require(FileHandle(forUpdatingAtPath: file))  // in place: same inode, same size
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: clause.text, with: altered).utf8))
        try handle.close()
        #expect(throws: KnowledgeError.self) { try KnowledgeGate.check(directory: knowledge, cache: cache) }
    }

    @Test func aCycleAddedAfterTheVerdictIsRefused() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        settle()
        let cache = cache(dir)
        _ = try KnowledgeGate.check(directory: knowledge, cache: cache)
        let advice = "councils/testshire/advice/sample.json"
        try FileManager.default.removeItem(atPath: knowledge + "/" + advice)
        try FileManager.default.copyItem(atPath: KnowledgeFixture.path("cycle") + "/" + advice, toPath: knowledge + "/" + advice)
        do {
            _ = try KnowledgeGate.check(directory: knowledge, cache: cache)
            Issue.record("a cycle got through")
        } catch {
            #expect(error.issues.contains { $0.message.hasPrefix("the tree loops back on itself") })
        }
    }

    @Test func knowledgeChangedTooRecentlyIsCheckedButNotRemembered() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        let cache = VerdictCache(directory: dir.path + "/cache")  // two seconds: the copy is too fresh
        #expect(try KnowledgeGate.check(directory: knowledge, cache: cache) != nil)
        #expect(try KnowledgeGate.check(directory: knowledge, cache: cache) != nil, "validated again")
    }

    @Test func theSignatureNamesEveryChange() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        let before = try #require(KnowledgeSignature.catalogue(directory: knowledge))
        let council = try #require(KnowledgeSignature.council("testshire", directory: knowledge, catalogue: before))
        #expect(KnowledgeSignature.catalogue(directory: knowledge) == before, "nothing changed")
        #expect(KnowledgeSignature.council("testshire", directory: knowledge, catalogue: before) == council)
        // A new file anywhere in a council's folder (a source, say) changes that council's signature, not the catalogue's…
        let extra = knowledge + "/councils/testshire/sources/extra.txt"
        _ = FileManager.default.createFile(atPath: extra, contents: Data("x".utf8))
        #expect(KnowledgeSignature.catalogue(directory: knowledge) == before)
        let added = try #require(KnowledgeSignature.council("testshire", directory: knowledge, catalogue: before))
        #expect(added != council)
        // …and so does removing it again.
        try FileManager.default.removeItem(atPath: extra)
        #expect(KnowledgeSignature.council("testshire", directory: knowledge, catalogue: before)?.key != added.key)
        // A new file in the catalogue changes the catalogue's signature, and so every council's.
        _ = FileManager.default.createFile(atPath: knowledge + "/catalogue/extra.txt", contents: Data("x".utf8))
        let catalogue = try #require(KnowledgeSignature.catalogue(directory: knowledge))
        #expect(catalogue != before)
        #expect(KnowledgeSignature.council("testshire", directory: knowledge, catalogue: catalogue)?.key != council.key)
        // Another binary checks again.
        let other = KnowledgeSignature.catalogue(directory: knowledge, executable: "/bin/sh")
        #expect(other?.key != KnowledgeSignature.catalogue(directory: knowledge)?.key)
    }

    @Test func onlyTheNewestVerdictsAreKept() throws {
        let dir = TemporaryDirectory()
        let cache = cache(dir)
        let old = Date().addingTimeInterval(3600)
        for i in 0..<(VerdictCache.kept + 5) {
            cache.rememberSound(KnowledgeSignature(key: "k\(i)", newestChange: 0), now: old)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { $0.hasPrefix("sound-") }
        #expect(names.count == VerdictCache.kept)
    }

    @Test func anEmptyCatalogueIsNotSound() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        for name in try FileManager.default.contentsOfDirectory(atPath: knowledge + "/catalogue/topics") {
            try FileManager.default.removeItem(atPath: knowledge + "/catalogue/topics/" + name)
        }
        do {
            _ = try KnowledgeGate.check(directory: knowledge, cache: nil)
            Issue.record("an empty catalogue got through")
        } catch {
            #expect(error.issues.contains { $0.message.contains("the catalogue has no topics") })
        }
    }

    /// The gate's message quotes the clause's words: escape sequences in them never reach the terminal.
    @Test func controlCharactersInAClauseNeverReachTheMessage() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        let file = knowledge + "/councils/testshire/versions/1.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"A member may see", with: "\"\\u001b[2J\\u001b]0;pwned\\u0007\\nA member may see")
            .write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try KnowledgeGate.check(directory: knowledge, cache: nil)
            Issue.record("an altered clause got through")
        } catch {
            #expect(error.description.contains("is not the source's words"), "\(error.description)")
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(error.description.debugDescription)")
            #expect(error.description.split(separator: "\n").count == error.issues.count + 2, "one line per problem")
        }
    }

    @Test func aSourceOutsideTheCouncilsFolderIsRefused() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        let file = knowledge + "/councils/testshire/versions/1.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"sources/testshire.txt\"", with: "\"../otherton/sources/otherton.txt\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let issues = KnowledgeFixtureIssues.of(knowledge)
        #expect(issues.contains { $0.path?.description == "source" && $0.message.contains("outside the council's folder") }, "\(issues)")
    }

    @Test func aSourceThatIsNotUTF8IsRefusedWithItsByteOffset() throws {
        let dir = TemporaryDirectory()
        let knowledge = try copy("sound", into: dir)
        let source = knowledge + "/councils/testshire/sources/testshire.txt"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        bytes.insert(0xFF, at: 5)
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        let issues = KnowledgeFixtureIssues.of(knowledge)
        #expect(issues.contains { $0.message.contains("is not valid UTF-8 (at byte 5)") }, "\(issues)")
    }
}

/// What `validate` finds in a knowledge folder anywhere.
enum KnowledgeFixtureIssues {
    static func of(_ directory: String) -> [KnowledgeIssue] { KnowledgeGate.validate(directory: directory).issues }
}
