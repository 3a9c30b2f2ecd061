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
}
