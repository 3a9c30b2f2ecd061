import Foundation
import Testing

@testable import ProbityKit

@Suite struct FingerprintTests {
    @Test func stableAcrossLoadsAndChangesWithAnyByte() throws {
        let first = try KnowledgeFixture.sound().fingerprint
        #expect(first.count == 64)
        #expect(try KnowledgeFixture.sound().fingerprint == first)

        // A copy with one character of one clause changed has another fingerprint.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("probity-fp-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: KnowledgeFixture.path("sound"), toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        #expect(KnowledgeLoader.read(directory: copy).knowledge.fingerprint == first, "the fingerprint does not depend on where the knowledge is")
        let file = copy + "/councils/otherton/versions/2.json"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "respect one another", with: "respect one anothe")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(KnowledgeLoader.read(directory: copy).knowledge.fingerprint != first)
    }

    /// A council's fingerprint (recorded in every transcript's header) names all of its advice, whether the advice
    /// was read and checked before the command started or is read topic by topic after the knowledge gate passed.
    @Test func aCouncilsFingerprintIsTheSameWhenItsAdviceIsReadTopicByTopic() throws {
        for council in try KnowledgeLoader.load(directory: Paths.knowledge, councils: .none).councilIDs {
            let eager = try KnowledgeLoader.load(directory: Paths.knowledge, councils: .only([council]))
            let lazy = try KnowledgeLoader.load(directory: Paths.knowledge, councils: .only([council]), knownSound: true)
            #expect(lazy.knownSound && !eager.knownSound)
            #expect(lazy.councilFingerprint(council) == eager.councilFingerprint(council), "\(council)")
            let topic = try #require(lazy.topics.first)
            _ = lazy.tree(topic: topic, council: council)
            #expect(lazy.councilFingerprint(council) == eager.councilFingerprint(council), "\(council), one topic read")
        }
    }

    /// Known sound (the gate passed), a council's advice is not read before it is needed: a command about one council
    /// starts without parsing every topic's tree. (Here the advice is broken, which only a read could find.)
    @Test func knownSoundKnowledgeReadsAdviceOnlyWhenItIsNeeded() throws {
        let directory = KnowledgeFixture.path("dangling-next")
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: directory, councils: .only(["testshire"])) }
        let lazy = try KnowledgeLoader.load(directory: directory, councils: .only(["testshire"]), knownSound: true)
        #expect(lazy.issues(council: "testshire").isEmpty)
    }
}
