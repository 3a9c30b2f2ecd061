import Foundation
import Testing

@testable import ProbityKit

/// What the chat says back is worded for the person typing: an option's `says` may have a member's and an officer's
/// wording (issue 9, item 4), and each side hears its own.
@Suite struct SaidBackInRoleTests {
    /// A member who says they sit on the committee is told "you sit on…", never "the member sits on…".
    @Test func aMemberHearsTheSecondPerson() throws {
        var conversation = try ShippedChat.started("blackburn", .member)
        let reply = conversation.handle("my wife works in the planning department and I sit on the planning committee")
        let shown = reply.shownText.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // as wrapped for the terminal
        #expect(shown.contains("You said it is a personal, family or business relationship and you sit on a council body"), "\(shown)")
        #expect(!shown.contains("the member sits on"), "\(shown)")
    }

    /// The same fact, learnt for an officer, says "the councillor sits on… responsible for you".
    @Test func anOfficerHearsTheCouncillorNamed() throws {
        let knowledge = ShippedChat.knowledge
        let fact = try #require(knowledge.topic(id: "personal-relationship")?.facts.first { $0.localID == "responsible" })
        let option = try #require(fact.option(id: "yes"))
        let learnt = LearntFact(fact: fact, options: [option])
        #expect(learnt.says(for: .member).hasPrefix("you sit on"))
        #expect(learnt.says(for: .officer).hasPrefix("the councillor sits on"))
        #expect(learnt.says(for: .officer).contains("responsible for you"))
        #expect(learnt.says(for: nil) == learnt.says, "before the role is known, the member's wording (as prompts)")
    }

    /// Every option that words `says` for each role gives two different, non-empty wordings, and the snapshot of the
    /// catalogue keeps both.
    @Test func bothWordingsSurviveTheSnapshot() throws {
        let knowledge = ShippedChat.knowledge
        let worded = knowledge.topics.flatMap(\.facts).flatMap(\.options).compactMap(\.says).filter { $0.member != $0.officer }
        #expect(worded.count >= 12)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("said-back-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = CatalogueSnapshot.encode(KnowledgeLoader.readCatalogue(directory: Paths.knowledge).catalogue, signature: "test")
        let read = try #require(CatalogueSnapshot.decode(bytes, signature: "test", vectorsPath: directory + "/none.bin"))
        let readWorded = read.topics.flatMap(\.facts).flatMap(\.options).compactMap(\.says).filter { $0.member != $0.officer }
        #expect(readWorded == worded)
    }

    /// A `says` object with one wording missing is refused where it is.
    @Test func aSaysObjectNeedsBothWordings() throws {
        let topic = """
            {"id": "t", "title": "T", "summary": "S", "audience": "both", "examples": ["a b c"],
             "facts": {"f": {"prompt": "Q?", "help": "H", "options": [
               {"id": "a", "label": "A", "says": {"member": "you did"}},
               {"id": "b", "label": "B"}]}}}
            """
        let collector = IssueCollector(file: "catalogue/topics/t.json")
        let json = try JSONParser.parse(topic)
        _ = CatalogueDecoder.decodeTopic(json, file: "catalogue/topics/t.json", expectedID: "t", issues: collector)
        #expect(collector.issues.contains { $0.message.contains("officer") && $0.position?.line == 3 }, "\(collector.issues)")
    }
}
