import Testing

@testable import ProbityKit

/// Answers proposed from the user's words, in the conversation: the question whose fact the words did not settle is
/// put as a confirmation that quotes them; Enter or yes takes the proposal, a number another answer, anything else
/// behaves as before; `back` proposes again, `change` does not. Played on the shipped knowledge (Wiltshire, an officer
/// whose cabinet member wants the recommendation altered: no phrase says so, the meaning is near "change").
@Suite struct ConversationSuggestionTests {
    static let knowledge = ShippedChat.knowledge
    static let router = Router(knowledge: knowledge)
    static let message = "The cabinet member I am consulting on my draft wants me to alter my recommendation."
    static let fact = "officer-reports.wilts-aim"

    /// A Wiltshire officer's chat that has typed the message (on other knowledge when told: the router stays the shipped one's).
    func started(_ knowledge: KnowledgeBase? = nil) throws -> (Conversation, ConversationReply) {
        var conversation = try ShippedChat.started("wiltshire", .officer)
        if let knowledge {
            conversation = Conversation(session: try Session(knowledge: knowledge, council: "wiltshire", role: .officer), router: Self.router)
            _ = conversation.start(recording: "Not recorded (test).")
        }
        let reply = conversation.handle(Self.message)
        return (conversation, reply)
    }

    func suggested(_ reply: ConversationReply) -> [(option: String, said: String)] {
        reply.events.compactMap { if case .suggested(_, let fact, let option, _, let said) = $0, fact == Self.fact { (option, said) } else { nil } }
    }

    func answered(_ reply: ConversationReply) -> [(option: String, accepted: Bool?)] {
        reply.events.compactMap { if case .answered(_, let fact, let option, _, let accepted) = $0, fact == Self.fact { (option, accepted) } else { nil } }
    }

    func proposedBlock(_ reply: ConversationReply) -> ProposedAnswer? {
        reply.blocks.lazy.compactMap { if case .question(let q, _, let proposed) = $0, q.factKey == Self.fact { proposed } else { nil } }.first ?? nil
    }

    @Test func theQuestionIsPutAsAConfirmationThatQuotesTheUsersWords() throws {
        let (conversation, reply) = try started()
        #expect(conversation.pendingQuestion?.factKey == Self.fact)
        #expect(suggested(reply).map(\.option) == ["change"])
        #expect(suggested(reply).first?.said == Self.message)
        let proposed = try #require(proposedBlock(reply))
        #expect(conversation.pendingQuestion?.options[proposed.option].id == "change")
        // Recorded before it is shown: the proposal, then the question.
        let suggestedAt = try #require(reply.events.firstIndex { if case .suggested = $0 { true } else { false } })
        let askedAt = try #require(reply.events.firstIndex { if case .asked(_, let fact, _, _, _, _, _, _, _) = $0 { fact == Self.fact } else { false } })
        #expect(suggestedAt < askedAt)
        #expect(conversation.session.facts[Self.fact] == nil, "a proposal never takes the fact by itself")
        // The session keeps what the phrases spoke of, so the suggester never reads the words for those facts again.
        #expect(conversation.session.spokenOf.contains("officer-reports.consulted"))
        #expect(!conversation.session.spokenOf.contains(Self.fact))
    }

    @Test func enterOrYesTakesTheProposalAndANumberAnotherAnswer() throws {
        var (conversation, _) = try started()
        let enter = conversation.handle("")
        #expect(answered(enter).map(\.option) == ["change"])
        #expect(answered(enter).first?.accepted == true)
        #expect(conversation.session.facts[Self.fact] == "change")

        // `back` asks it again, with the proposal again; a number then answers as ever, and says the proposal was not taken.
        let back = conversation.handle("back")
        #expect(suggested(back).map(\.option) == ["change"])
        let one = conversation.handle("1")
        let first = try #require(Self.knowledge.fact(key: Self.fact)?.options.first?.id)
        #expect(answered(one).map(\.option) == [first])
        #expect(answered(one).first?.accepted == false)

        _ = conversation.handle("back")
        let yes = conversation.handle("yes")
        #expect(answered(yes).map(\.option) == ["change"])
        #expect(answered(yes).first?.accepted == true)
    }

    @Test func anythingElseBehavesAsBefore() throws {
        var (conversation, _) = try started()
        let other = conversation.handle("purple elephants")
        #expect(answered(other).isEmpty)
        #expect(conversation.session.facts[Self.fact] == nil)
        #expect(conversation.pendingQuestion?.factKey == Self.fact)
        #expect(other.events.contains { if case .displayed("rejected", _) = $0 { true } else { false } })
    }

    @Test func changeAsksAgainWithoutTheProposal() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("")
        let known = conversation.session.knownFacts
        let n = try #require(known.firstIndex { $0.fact.key == Self.fact }) + 1
        let change = conversation.handle("change \(n)")
        #expect(conversation.pendingQuestion?.factKey == Self.fact)
        #expect(suggested(change).isEmpty)
        #expect(proposedBlock(change) == nil)
        let empty = conversation.handle("")
        #expect(answered(empty).isEmpty, "with nothing proposed, Enter answers nothing")
    }

    @Test func freeTextTypedAtTheQuestionIsReadForAProposalToo() throws {
        var conversation = try ShippedChat.started("wiltshire", .officer)
        let first = conversation.handle("officer-reports")
        #expect(conversation.pendingQuestion?.factKey == Self.fact)
        #expect(suggested(first).isEmpty, "nothing typed yet to propose from")
        let more = conversation.handle("She wants me to alter my recommendation.")
        #expect(suggested(more).map(\.option) == ["change"])
        #expect(suggested(more).first?.said == "She wants me to alter my recommendation.")
        #expect(!more.events.contains { if case .displayed("rejected", _) = $0 { true } else { false } }, "put as a confirmation, not turned away")
        #expect(answered(conversation.handle("")).first?.accepted == true)
    }

    @Test func noProposalWhenTheKnowledgeMakesNone() throws {
        let (conversation, reply) = try started(Self.knowledge.with(answerSuggestion: nil))
        #expect(conversation.pendingQuestion?.factKey == Self.fact)
        #expect(suggested(reply).isEmpty)
        #expect(proposedBlock(reply) == nil)
    }

    @Test func theRendererQuotesTheWordsMarksTheOptionAndNeutralisesControlSequences() throws {
        let (conversation, _) = try started()
        let question = try #require(conversation.pendingQuestion)
        let hostile = "The member wants me to \u{1B}[2J\u{1B}]0;owned\u{07}alter it\u{9B}31m."
        let text = ConversationRenderer(style: TextStyle(colour: false, width: 100))
            .render(.question(question, why: false, proposed: ProposedAnswer(said: hostile, option: 1)))
        #expect(text.contains("You said: \"The member wants me to [2J]0;ownedalter it31m.\""))
        #expect(text.contains("2. \(question.options[1].label) (from what you said)") || text.contains("(from what you said)"))
        #expect(text.contains("Press Enter to take 2, or choose another."))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    }
}
