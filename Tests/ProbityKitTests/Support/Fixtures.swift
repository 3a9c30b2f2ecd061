@testable import ProbityKit

/// The small, hand-made knowledge trees in Tests/Fixtures/knowledge: `sound`, and one broken copy per fault.
enum KnowledgeFixture {
    static func path(_ name: String) -> String { Paths.fixtures + "/knowledge/" + name }

    /// Everything wrong with a fixture: load problems, or else what the validator finds.
    static func issues(_ name: String) -> [KnowledgeIssue] {
        let read = KnowledgeLoader.read(directory: path(name))
        return read.issues.isEmpty ? Validator.validate(read.knowledge) : read.issues
    }

    static func sound() throws -> KnowledgeBase {
        try KnowledgeLoader.load(directory: path("sound"))
    }
}
