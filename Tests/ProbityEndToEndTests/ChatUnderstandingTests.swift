import Foundation
import ProbityKit
import Testing

/// Issue 12 through the piped chat: commands are never routed, two questions are taken in turn, and subjects the
/// protocols do not cover are referred to where their rule lives.
@Suite struct ChatUnderstandingTests {
    @Test func commandsAndTheirNearMissesAreNeverRouted() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let reach = try #require(ChatPlan.linesToReach("document-access", asking: ChatPipedTests.example))
        let input = (["topcis", "no", "cancel", "stop"] + reach + ["topcis", "no", "cancel", "stop", "quit"]).joined(separator: "\n") + "\n"
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.unwrapped
        #expect(out.contains("Did you mean `topics`? (yes/no)"))
        #expect(out.contains("Left \"Seeing a document or information\"."))
        #expect(out.contains("There's no topic under way to leave."))
        #expect(!out.contains("isn't one of the answers"))
        let lines = try home.transcriptLines()
        let routed = lines.filter { $0.contains("{\"routed\":") }
        #expect(routed.count == reach.count, "only the question was routed: \(routed)")
        #expect(lines.contains { $0.contains("\"leftTopic\"") && $0.contains("document-access") }, "leaving is recorded")
    }

    @Test func twoQuestionsAreTakenOneAfterTheOtherAndBothRecorded() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let message = "a journalist rang me and I also want to see a confidential report"
        let walk = try ChatPlan.firstOptionWalk("media-contact", council: "carlisle", role: .member, asking: message)
        let input = ([message] + walk.answers + ["yes", "quit"]).joined(separator: "\n") + "\n"
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.unwrapped
        let said = try #require(out.range(of: "You asked about two things: talking to the media, and seeing a document or information."))
        let first = try #require(out.range(of: "(media-contact)"))
        let advice = try #require(out.range(of: walk.advice.headline.singleSpaced))
        let offer = try #require(
            out.range(of: "You also asked about seeing a document or information: \"I also want to see a confidential report\". Go on to that? (yes/no)"))
        let second = try #require(out.range(of: "(document-access)"))
        #expect(said.lowerBound < first.lowerBound && first.lowerBound < advice.lowerBound)
        #expect(advice.lowerBound < offer.lowerBound && offer.lowerBound < second.lowerBound)

        let lines = try home.transcriptLines()
        #expect(lines.contains { $0.contains("\"two-questions\"") })
        #expect(lines.contains { $0.contains("\"deferred\"") && $0.contains("I also want to see a confidential report") })
        #expect(lines.contains { $0.contains("\"topicStarted\"") && $0.contains("document-access") })
    }

    @Test func aGiftOrAnInterestIsReferredWithTheCouncilsOwnClauses() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let knowledge = ChatPlan.knowledge
        let interests = try #require(knowledge.outOfScope.first { $0.id == "declaring-interests" })
        let council = try #require(knowledge.councilIDs.first { !(knowledge.folder(id: $0)?.outOfScope[interests.id] ?? []).isEmpty })
        let input = "can I accept a bottle of wine from a contractor?\ndo I need to declare an interest?\nquit\n"
        let result = try home.chat(["chat", "--council", council, "--role", "member", "--no-save"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.unwrapped
        #expect(out.contains("The member/officer protocol does not cover gifts and hospitality."))
        #expect(out.contains("Ask the Monitoring Officer"))
        #expect(out.contains("The member/officer protocol does not cover declaring or registering interests."))
        #expect(!out.contains("Topic:"), "neither went into a topic")
        #expect(!out.contains("I don't have advice on that"))
        for id in knowledge.folder(id: council)?.outOfScope[interests.id] ?? [] {
            let text = try ChatPlan.clauseText(council: council, id: id)
            #expect(out.contains("\"" + text.singleSpaced + "\""), "\(council) \(id) is quoted word for word")
        }
    }
}
