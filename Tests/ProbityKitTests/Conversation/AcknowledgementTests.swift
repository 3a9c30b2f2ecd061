import Testing

@testable import ProbityKit

/// What the chat says back after taking facts from a message: each thing the user said, once.
@Suite struct AcknowledgementTests {
    /// Tower Hamlets' briefing topic has two facts that "people who are not councillors will be there" states (who
    /// will be present, and where the meeting is and who is there). Both are taken; the user said it once, so it is
    /// said back once. Before, the reply read "You said someone who is not a councillor will be at the meeting, the
    /// briefing is about council business and people who are not councillors will be there."
    @Test func oneThingSaidInTwoFactsIsSaidBackOnce() throws {
        var conversation = try ShippedChat.started("tower-hamlets", .officer)
        let reply = conversation.handle(
            "The Conservative group asked me to brief them on the parking review; two local party members who are not councillors will be there")
        #expect(reply.startedTopics == ["party-group-briefing"])
        let taken = Set(reply.events.compactMap { if case .answered(_, let fact, _, _, _) = $0 { fact } else { nil } })
        #expect(taken.isSuperset(of: ["party-group-briefing.nonmembers", "party-group-briefing.venue"]))
        let text = reply.shownText.unwrapped
        #expect(text.contains("You said someone who is not a councillor will be at the meeting and the briefing is about council business."))
        #expect(!text.contains("people who are not councillors will be there"))
    }

    /// Another council's parallel fact that a rule names is taken too, but what is said back is the user's own
    /// council's fact: a Tower Hamlets member holding a surgery was told "it is about an officer going to a member's
    /// ward surgery" (Carlisle's wording, which says more than the member did) in place of Tower Hamlets' own "a
    /// member's ward surgery".
    @Test func theCouncilsOwnFactIsSaidBackBeforeAnotherCouncilsParallel() throws {
        var conversation = try ShippedChat.started("tower-hamlets", .member)
        let reply = conversation.handle("can i bring my ward surgery to the town hall? its open to anyone, not in the party office")
        #expect(reply.startedTopics == ["ward-matters"])
        let text = reply.shownText.unwrapped
        #expect(text.contains("You said it is about a member's ward surgery"))
        #expect(!text.contains("an officer going to"))
    }

    /// Where the words were heard is kept with each fact, and is not part of what was learnt.
    @Test func aFactKnowsWhichWordsStatedIt() throws {
        var session = try Session(knowledge: ShippedChat.knowledge, council: "tower-hamlets", role: .officer)
        try session.begin(topicID: "party-group-briefing")
        let learnt = session.learn(from: "two local party members who are not councillors will be there")
        let nonmembers = try #require(learnt.first { $0.factKey == "party-group-briefing.nonmembers" })
        let venue = try #require(learnt.first { $0.factKey == "party-group-briefing.venue" })
        #expect(!nonmembers.heardIn.isEmpty && venue.heardWithin(nonmembers))
        var moved = nonmembers
        moved.heardIn = []
        #expect(moved == nonmembers && !moved.heardWithin(venue))
    }
}
