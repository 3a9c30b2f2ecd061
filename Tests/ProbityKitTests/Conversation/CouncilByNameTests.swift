import Testing

@testable import ProbityKit

/// With many councils the chat asks for the council by name, never as a numbered list, and names the nearest
/// councils when what was typed is none of them.
@Suite struct CouncilByNameTests {
    static func knowledge(councils count: Int) -> KnowledgeBase {
        let folders = (1...count).map { i -> CouncilFolder in
            let id = "borough-\(i)"
            let version = Council(
                id: id, name: "Borough \(i) Council", shortName: "Borough \(i)", document: "Protocol", version: "1",
                date: nil, status: .adopted, isCurrent: true, source: "", numbering: nil, reading: nil,
                clauses: [Clause(id: "1", number: "1", heading: "General", text: "Members and officers respect one another.")],
                file: "")
            return CouncilFolder(
                id: id, name: version.name, shortName: version.shortName, generalPrinciples: ["1"],
                versions: [version], trees: [], folder: "councils/\(id)")
        }
        return KnowledgeBase(councils: folders, topics: [ChatFixture.documents()])
    }

    @Test func manyCouncilsAreAskedForByName() throws {
        let knowledge = Self.knowledge(councils: 40)
        var conversation = Conversation(session: try Session(knowledge: knowledge), router: Router(knowledge: knowledge))
        let reply = conversation.start(recording: "")
        let question = try #require(conversation.pendingQuestion)
        #expect(question.kind == .council && question.options.isEmpty)
        #expect(!reply.rendered.contains("  1. "), "no numbered list of every council")

        var answer = conversation.handle("borugh 17 council")
        #expect(answer.shownText.unwrapped.contains("Did you mean Borough 17 Council (borough-17)"))
        #expect(conversation.mode == .askingCouncil)
        answer = conversation.handle("Borough 17 Council")
        #expect(conversation.session.councilID == "borough-17")
        #expect(answer.events.contains(.councilSet(council: "borough-17", version: "1")))
    }

    @Test func fewCouncilsAreANumberedList() throws {
        let knowledge = Self.knowledge(councils: 4)
        let session = try Session(knowledge: knowledge)
        #expect(session.councilQuestion().options.count == 4)
    }

    @Test func nearestCouncilsForATypo() {
        let knowledge = Self.knowledge(councils: 40)
        #expect(knowledge.nearestCouncils(to: "borogh-3").first?.id == "borough-3")
        #expect(knowledge.nearestCouncils(to: "zzzzzz").isEmpty)
        #expect(knowledge.unknownCouncilMessage("zzzzzz").contains("no council's name is close"))
    }
}
