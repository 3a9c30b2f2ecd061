import Testing

@testable import ProbityKit

@Suite struct SuggestionsTests {
    static let knowledge = try! KnowledgeLoader.load(directory: Paths.knowledge, councils: .none)

    /// Every topic id with two letters swapped, one dropped and one doubled is suggested back as itself.
    @Test func everyTopicIdMistypedIsSuggestedBack() {
        let ids = Self.knowledge.topics.map(\.id)
        for id in ids {
            var letters = Array(id)
            letters.swapAt(1, 2)
            let swapped = String(letters)
            let dropped = String(id.dropLast())
            let doubled = id + String(id.last!)
            for typo in [swapped, dropped, doubled] where typo != id {
                #expect(Suggestions.nearest(to: typo, among: ids).first == id, "\(typo)")
            }
        }
    }

    @Test func nothingNearGivesTheListOnly() {
        let ids = Self.knowledge.topics.map(\.id)
        #expect(Suggestions.nearest(to: "zzzzzzzzzz", among: ids).isEmpty)
        #expect(Suggestions.sentence(for: "zzzzzzzzzz", among: ids).hasPrefix("Choose one of: \(ids[0])"))
        #expect(Suggestions.sentence(for: "tpoics", among: ["chat", "topics", "walk"]) == "Did you mean topics?")
    }

    /// Council ids: exact, the start of exactly one (named back), or not a council (with the nearest).
    @Test func councilArgumentsAreExactOrUnambiguousPrefixes() {
        let knowledge = Self.knowledge
        for id in knowledge.councilIDs {
            #expect(knowledge.councilArgument(id) == .exact(id))
            #expect(knowledge.councilArgument(id.uppercased()) == .exact(id))
            // The shortest start of the id that no other id shares.
            let unique = (1...id.count).lazy.map { String(id.prefix($0)) }
                .first { p in knowledge.councilIDs.filter { $0.hasPrefix(p) }.count == 1 }!
            if unique != id { #expect(knowledge.councilArgument(unique) == .prefix(id, typed: unique)) }
            guard case .unknown(let message) = knowledge.councilArgument(String(id.dropLast()) + "q") else {
                Issue.record("\(id) with its last letter changed was taken")
                continue
            }
            #expect(message.contains("(\(id))"), "\(message)")
        }
        guard case .unknown(let message) = knowledge.councilArgument(knowledge.councilNames[0].name) else {
            Issue.record("a council's full name was taken as an id")
            return
        }
        #expect(message.contains("Did you mean"))
    }
}
