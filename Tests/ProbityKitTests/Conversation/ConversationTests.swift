import Testing

@testable import ProbityKit

/// The conversation as a state machine, driven line by line on a small knowledge base.
@Suite struct ConversationTests {
    private func started(council: String? = "testshire", role: Role? = .member, search: ClauseFinder? = nil) throws -> (Conversation, ConversationReply) {
        var conversation = try ChatFixture.conversation(council: council, role: role, search: search)
        let reply = conversation.start(recording: "Recorded in memory.")
        return (conversation, reply)
    }

    @Test func greetsSaysWhereItIsRecordedAndInvitesAQuestion() throws {
        let (conversation, reply) = try started()
        #expect(reply.events.first == .started(council: "testshire", role: "member"))
        #expect(reply.shownText.contains("Recorded in memory."))
        #expect(reply.shownText.contains("Testshire District Council"))
        #expect(reply.shownText.contains("What would you like to ask?"))
        #expect(conversation.mode == .idle)
    }

    @Test func asksTheCouncilAndRoleOnceWhenTheyAreNotKnown() throws {
        var (conversation, reply) = try started(council: nil, role: nil)
        #expect(conversation.mode == .askingCouncil)
        #expect(reply.askedPrompts == ["Which council are you with?"])

        reply = conversation.handle("otherton")
        #expect(reply.events.contains(.councilSet(council: "otherton", version: "1")))
        #expect(reply.actions.contains(.rememberSettings(council: "otherton", role: nil)))
        #expect(conversation.mode == .askingRole)

        reply = conversation.handle("I'm a councillor")
        #expect(reply.events.contains(.roleSet(role: "member")))
        #expect(reply.actions.contains(.rememberSettings(council: nil, role: .member)))
        #expect(conversation.mode == .idle)
        #expect(conversation.session.councilID == "otherton" && conversation.session.role == .member)
    }

    @Test func aCouncilAnswerThatIsNoCouncilGetsAShortReplyAndTheQuestionAgain() throws {
        var (conversation, _) = try started(council: nil, role: nil)
        let reply = conversation.handle("banana")
        #expect(reply.shownKinds == ["rejected"])
        #expect(reply.askedPrompts == ["Which council are you with?"])
        #expect(conversation.mode == .askingCouncil)
    }

    @Test func aQuestionIsRoutedThenWalkedToAdviceQuotingTheClausesExactly() throws {
        var (conversation, _) = try started()
        var reply = conversation.handle("can I see the exempt report for next week's planning committee?")
        #expect(reply.routingOutcome == .chosen)
        #expect(reply.startedTopics == ["document-access"])
        #expect(reply.askedPrompts == ["What do you want to see?"])
        #expect(reply.rendered.contains("Topic: Seeing a document or information (document-access)"))
        #expect(reply.rendered.contains("Why I ask"))

        reply = conversation.handle("EXEMPT")  // the start of an option's words, any case
        #expect(
            reply.events.contains(
                .answered(
                    topic: "document-access", fact: "document-access.kind", option: "exempt-papers",
                    label: "Exempt or confidential papers of another committee")))
        #expect(reply.askedPrompts == ["Do you sit on that committee?"])

        reply = conversation.handle("n")
        let advised = try #require(reply.advised)
        #expect(advised.verdict == "no")
        #expect(advised.council == "testshire" && advised.protocolVersion == "2")
        #expect(advised.quotes.map(\.text) == [ChatFixture.exemptClause.text])
        #expect(conversation.mode == .advised)
        // The verdict comes first, then the steps, then the quote, word for word.
        let text = reply.rendered
        let verdict = try #require(text.range(of: "No, not exempt papers"))
        let steps = try #require(text.range(of: "What to do"))
        let quote = try #require(text.range(of: "Exempt or confidential papers are seen only"))
        #expect(verdict.lowerBound < steps.lowerBound && steps.lowerBound < quote.lowerBound)
        #expect(reply.rendered.contains("Ask another question"))
    }

    /// What the first message states is taken, said back once in one sentence, recorded, and never asked.
    @Test func factsStatedFirstAreSaidBackAndNeverAsked() throws {
        var (conversation, _) = try started()
        let reply = conversation.handle("I'm not on the planning committee but I'd like the exempt appendix to the report")
        #expect(reply.startedTopics == ["document-access"])
        #expect(
            reply.shownText.unwrapped.contains("You said you want exempt or confidential papers of another committee and you do not sit on that committee."))
        #expect(reply.shownText.components(separatedBy: "You said").count == 2)
        #expect(reply.events.contains(.answered(topic: "document-access", fact: "document-access.sits", option: "no", label: "No")))
        #expect(reply.askedPrompts.isEmpty, "both questions were answered by the message")
        #expect(reply.advised?.verdict == "no")
        // `change` lists them and asks one again.
        var change = conversation.handle("change")
        #expect(change.shownText.contains("What I have so far"))
        change = conversation.handle("change 2")
        #expect(change.askedPrompts == ["Do you sit on that committee?"])
    }

    @Test func answersByNumber() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("1")
        #expect(reply.advised?.quotes.map(\.clause) == ["1", "2"])
    }

    @Test func closeTopicsGetADidYouMeanChoiceAnsweredByNumberOrWords() throws {
        var conversation = try ChatFixture.conversation(thresholds: ChatFixture.everythingClose)
        _ = conversation.start(recording: "")
        let question = "can I tell the press what the committee report says?"
        var reply = conversation.handle(question)
        #expect(reply.routingOutcome == .askedWhichOne)
        #expect(reply.rendered.contains("Did you mean one of these?"))
        guard case .choosingTopic(_, let choices, false) = conversation.mode else {
            Issue.record("expected a choice, got \(conversation.mode)")
            return
        }
        #expect(Set(choices.map(\.topicID)) == ["document-access", "media-contact"])
        let mediaNumber = try #require(choices.firstIndex { $0.topicID == "media-contact" }) + 1
        reply = conversation.handle("\(mediaNumber)")
        #expect(reply.startedTopics == ["media-contact"])

        // The same question again, answered with the topic's words.
        _ = conversation.handle("quit")
        conversation = try ChatFixture.conversation(thresholds: ChatFixture.everythingClose)
        _ = conversation.start(recording: "")
        _ = conversation.handle(question)
        reply = conversation.handle("seeing a doc")
        #expect(reply.startedTopics == ["document-access"])
    }

    @Test func noneOfTheChoicesGoesBackToAskingWhatYouWantToKnow() throws {
        var conversation = try ChatFixture.conversation(thresholds: ChatFixture.everythingClose)
        _ = conversation.start(recording: "")
        _ = conversation.handle("can I tell the press what the committee report says?")
        let reply = conversation.handle("neither")
        #expect(conversation.mode == .idle)
        #expect(reply.shownText.contains("Ask in other words"))
    }

    @Test func backUndoesTheLastAnswerAndAsksItAgain() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("2")
        var reply = conversation.handle("back")
        #expect(reply.events.contains(.wentBack(topic: "document-access", fact: "document-access.kind")))
        #expect(reply.askedPrompts == ["What do you want to see?"])
        #expect(conversation.mode == .walking)

        reply = conversation.handle("back")
        #expect(reply.events.contains(.wentBack(topic: "document-access", fact: nil)))
        #expect(reply.shownText.contains("nothing to go back to"))
        #expect(reply.askedPrompts == ["What do you want to see?"])
    }

    @Test func backAfterAdviceReturnsToTheLastQuestion() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("2")
        _ = conversation.handle("yes")
        #expect(conversation.mode == .advised)
        let reply = conversation.handle("back")
        #expect(reply.askedPrompts == ["Do you sit on that committee?"])
        #expect(conversation.mode == .walking)
    }

    @Test func whyShowsTheAnswersThatLedToTheAdvice() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("2")
        _ = conversation.handle("no")
        let reply = conversation.handle("why")
        let reasons = reply.events.compactMap { if case .explained(_, let reasons) = $0 { reasons } else { nil } }.first
        #expect(reasons?.contains("What do you want to see? → Exempt or confidential papers of another committee") == true)
        #expect(reasons?.contains("Do you sit on that committee? → No") == true)
        #expect(reply.rendered.contains("How we got here:"))
    }

    @Test func whyAtAQuestionQuotesTheClauseThatMakesItMatter() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("why")
        #expect(reply.rendered.contains("Why I ask \"What do you want to see?\""))
        #expect(reply.rendered.unwrapped.contains(ChatFixture.exemptClause.text))
        #expect(reply.askedPrompts == ["What do you want to see?"], "the question again after the explanation")
    }

    @Test func aBadAnswerGetsAShortReplyAndTheQuestionAgain() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        var reply = conversation.handle("purple")
        #expect(reply.shownKinds == ["rejected"])
        #expect(reply.shownText.contains("\"purple\" isn't one of the answers"))
        #expect(reply.askedPrompts == ["What do you want to see?"])
        #expect(conversation.mode == .walking)

        reply = conversation.handle("9")
        #expect(reply.shownText.contains("There is no option 9"))
        #expect(conversation.mode == .walking)
    }

    @Test func anAmbiguousAnswerSaysWhatItCouldMean() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("of")
        #expect(reply.shownText.contains("could mean"))
        #expect(conversation.mode == .walking)
    }

    @Test func anUnknownQuestionGetsAnHonestNoAndNoUnrelatedParagraphs() throws {
        var (conversation, _) = try started(search: WordFinder(knowledge: ChatFixture.knowledge()))
        let reply = conversation.handle("how do I claim mileage expenses for my car during the election?")
        #expect(reply.routingOutcome == .noMatch)
        #expect(reply.shownText.unwrapped.contains("I can't match that to anything in Testshire's member/officer protocol"))
        #expect(reply.shownText.unwrapped.contains("type `topics`"), "says what Probity covers")
        #expect(reply.startedTopics.isEmpty)
        // The election clause shares one word of five with the question: not shown as if it answered it.
        #expect(!reply.rendered.contains("Testshire, paragraph 4"))
        #expect(!reply.rendered.contains("Search results"))
    }

    @Test func searchResultsThatSpeakToTheQuestionAreShownUnderTheirOwnHeading() throws {
        var (conversation, _) = try started(search: WordFinder(knowledge: ChatFixture.knowledge()))
        let question = "weeks before polling, publicity supporting candidate"
        let reply = conversation.handle(question)
        #expect(reply.routingOutcome == .noMatch)
        let rendered = reply.rendered.unwrapped
        let heading = try #require(rendered.range(of: "Search results, not advice"))
        let clause = try #require(rendered.range(of: "Testshire, paragraph 4"))
        #expect(heading.lowerBound < clause.lowerBound)
    }

    @Test func aNewQuestionMidTopicStartsANewTopicAfterAConfirmation() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        var reply = conversation.handle("a journalist rang me about the depot closure, can I talk to the press?")
        #expect(reply.routingOutcome == .askedToSwitch)
        #expect(
            conversation.mode
                == .confirmingSwitch(
                    question: "a journalist rang me about the depot closure, can I talk to the press?",
                    to: try #require(conversationTarget(conversation))))
        #expect(reply.shownText.contains("Talking to the media"))

        reply = conversation.handle("yes")
        #expect(reply.startedTopics == ["media-contact"])
        #expect(reply.askedPrompts == ["Is an election coming up?"])
    }

    private func conversationTarget(_ conversation: Conversation) -> RouteScore? {
        if case .confirmingSwitch(_, let target) = conversation.mode { return target }
        return nil
    }

    @Test func declingTheSwitchCarriesOnWithTheSameQuestion() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("a journalist rang me about the depot closure, can I talk to the press?")
        let reply = conversation.handle("no")
        #expect(reply.startedTopics.isEmpty)
        #expect(reply.askedPrompts == ["What do you want to see?"])
        #expect(conversation.session.topic?.id == "document-access")
    }

    @Test func afterAdviceAnotherQuestionGoesStraightIn() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("1")
        let reply = conversation.handle("a reporter wants a quote from me")
        #expect(reply.startedTopics == ["media-contact"])
    }

    @Test func aSharedFactIsNotAskedAgainButATopicsOwnQuestionsAre() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("a reporter wants a quote from me")
        _ = conversation.handle("no")  // election-period, shared
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("1")
        // The same topic again: its own question is asked afresh; the shared fact is still known.
        var reply = conversation.handle("can I read the committee report")
        #expect(reply.askedPrompts == ["What do you want to see?"])
        _ = conversation.handle("1")
        reply = conversation.handle("a reporter wants a quote from me")
        #expect(reply.startedTopics == ["media-contact"])
        #expect(reply.askedPrompts.isEmpty)
        #expect(reply.advised?.headline == "Yes, if you say whose view it is")
    }

    @Test func restartAsksTheFirstQuestionAgain() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("2")
        let reply = conversation.handle("restart")
        #expect(reply.events.contains(.restarted(topic: "document-access")))
        #expect(reply.askedPrompts == ["What do you want to see?"])
    }

    @Test func commandsWorkAtAnyPromptAndTheQuestionComesBack() throws {
        var (conversation, _) = try started(search: WordFinder(knowledge: ChatFixture.knowledge()))
        _ = conversation.handle("can I see the exempt report for planning committee")

        var reply = conversation.handle("help")
        #expect(reply.rendered.contains("Help for: What do you want to see?"))
        #expect(reply.rendered.contains("clause NUMBER"))
        #expect(reply.askedPrompts == ["What do you want to see?"])

        reply = conversation.handle("clause 3")
        #expect(reply.rendered.unwrapped.contains(ChatFixture.pressClause.text))
        #expect(reply.askedPrompts == ["What do you want to see?"])

        reply = conversation.handle("search journalists")
        #expect(reply.rendered.contains("Testshire, paragraph 3"))
        #expect(conversation.mode == .walking)

        reply = conversation.handle("topics")
        #expect(reply.rendered.contains("media-contact"))
        reply = conversation.handle("no")
        #expect(conversation.mode == .walking, "after listing topics mid-question, no carries on with the question")
        #expect(reply.askedPrompts == ["What do you want to see?"])

        reply = conversation.handle("save elsewhere/folder")
        #expect(reply.actions == [.save(directory: "elsewhere/folder")])

        reply = conversation.handle("compare")
        #expect(reply.shownKinds.first == "compare")
        #expect(reply.shownText.contains("Otherton") && reply.shownText.contains("Testshire"), "\(reply.shownText)")
        #expect(reply.shownText.contains("Ask the Monitoring Officer"))
        #expect(reply.askedPrompts == ["What do you want to see?"], "the question again after the comparison")
    }

    @Test func changingCouncilMidTopicStartsTheTopicAgainForThatCouncil() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("council otherton")
        #expect(reply.events.contains(.councilSet(council: "otherton", version: "1")))
        #expect(reply.startedTopics == ["document-access"])
        let advised = try #require(reply.advised)
        #expect(advised.council == "otherton" && advised.silent == true)
        #expect(advised.quotes.map(\.text) == [ChatFixture.generalClause.text])
    }

    @Test func unknownCouncilOrRoleIsRefusedWithTheChoices() throws {
        var (conversation, _) = try started()
        var reply = conversation.handle("council atlantis")
        #expect(reply.shownText.contains("testshire") && reply.shownText.contains("otherton"))
        #expect(conversation.session.councilID == "testshire")
        reply = conversation.handle("role mayor")
        #expect(reply.shownKinds == ["rejected"])
        reply = conversation.handle("role officer")
        #expect(reply.events.contains(.roleSet(role: "officer")))
    }

    @Test func topicsThenANumberStartsThatTopic() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("topics")
        let reply = conversation.handle("2")
        #expect(reply.startedTopics == ["media-contact"])
    }

    @Test func aTopicIdStartsItDirectly() throws {
        var (conversation, _) = try started()
        let reply = conversation.handle("media-contact")
        #expect(reply.startedTopics == ["media-contact"])
    }

    @Test func aNumberWithNoQuestionWaitingIsExplained() throws {
        var (conversation, _) = try started()
        let reply = conversation.handle("3")
        #expect(reply.shownText.contains("no question waiting"))
        #expect(conversation.mode == .idle)
    }

    @Test func quitEndsAndNothingIsTakenAfterwards() throws {
        var (conversation, _) = try started()
        var reply = conversation.handle("quit")
        #expect(reply.events.last == .ended(reason: "quit"))
        #expect(reply.endReason == .quit)
        #expect(conversation.mode == .ended)
        reply = conversation.handle("hello?")
        #expect(reply.events.isEmpty && reply.blocks.isEmpty)
        reply = conversation.end(.eof)
        #expect(reply.events.isEmpty, "ending twice records one end")
    }

    @Test(arguments: ConversationEndReason.allCases)
    func everyEndIsRecordedWithItsReason(reason: ConversationEndReason) throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.end(reason)
        #expect(reply.events == [.ended(reason: reason.rawValue)])
        #expect(reply.actions == [.end(reason)])
    }

    @Test func aSecondCtrlCEndsButTypingInBetweenDoesNot() throws {
        var (conversation, _) = try started()
        var reply = conversation.interrupted(lineHadText: true)
        #expect(reply.endReason == nil)
        #expect(reply.shownText.contains("Line cleared"))
        _ = conversation.handle("help")
        reply = conversation.interrupted(lineHadText: false)
        #expect(reply.endReason == nil, "typing in between disarms")
        reply = conversation.interrupted(lineHadText: false)
        #expect(reply.endReason == .interrupt)
        #expect(reply.events.last == .ended(reason: "interrupt"))
    }

    @Test func whatTheUserTypedIsStrippedOfControlCharactersBeforeItIsShownOrRecorded() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}evil\u{9B}31m\u{202E}txt"
        let reply = conversation.handle(hostile)
        #expect(reply.events.contains(.userInput(text: "[2J]0;pwnedevil31mtxt")))
        let rendered = reply.rendered + reply.shownText
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        #expect(rendered.contains("[2J]0;pwnedevil31mtxt"))
    }

    @Test func completionsOfferCommandsTopicsAndTheWaitingQuestionsOptions() throws {
        var (conversation, _) = try started()
        #expect(conversation.completions.contains("help"))
        #expect(conversation.completions.contains("media-contact"))
        #expect(conversation.completions.contains("council otherton"))
        _ = conversation.handle("can I see the exempt report for planning committee")
        #expect(conversation.completions.contains("Papers of a committee I sit on"))
        _ = conversation.handle("a journalist rang me about the depot closure, can I talk to the press?")
        #expect(conversation.completions.contains("yes"))
    }

    @Test func namesEndingInSTakeAnApostropheAlone() {
        #expect("Tower Hamlets".possessive == "Tower Hamlets'")
        #expect("Carlisle".possessive == "Carlisle's")
    }

    @Test func anEmptyLineRecordsTheInputButShowsNoNewQuestion() throws {
        var (conversation, _) = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("   ")
        #expect(reply.events == [.userInput(text: "")])
        #expect(conversation.mode == .walking)
    }
}

/// `council X` and `role R` typed in the chat change this conversation only, keep the answers that still apply and
/// name the ones dropped; `remember` keeps them as defaults.
@Suite struct ChatSettingsChangeTests {
    @Test func changingCouncilOrRoleMidTopicKeepsWhatStillAppliesAndSavesNothingUntilRemember() throws {
        var conversation = try ChatFixture.conversation(council: "testshire", role: .member, search: nil)
        _ = conversation.start(recording: "Recorded in memory.")
        _ = conversation.handle("can I see the exempt report for next week's planning committee?")
        _ = conversation.handle("EXEMPT")
        let before = conversation.session.knownFacts.map(\.fact.key)
        #expect(!before.isEmpty)

        // The role changes for this conversation; each answer given is kept or named as dropped.
        var reply = conversation.handle("role officer")
        #expect(reply.events.contains(.roleSet(role: "officer")))
        #expect(!reply.actions.contains { if case .rememberSettings = $0 { true } else { false } })
        #expect(reply.shownText.contains("for this conversation"))
        for key in before {
            let fact = try #require(conversation.knowledge.fact(key: key))
            let kept = conversation.session.facts[key] != nil
            #expect(kept || reply.shownText.contains(fact.prompt.text(for: .officer)), "\(key) neither kept nor named as dropped")
        }

        // Another council whose advice does not ask it: dropped, and said so.
        reply = conversation.handle("council otherton")
        #expect(reply.events.contains(.councilSet(council: "otherton", version: "1")))
        #expect(!reply.actions.contains { if case .rememberSettings = $0 { true } else { false } })
        #expect(conversation.session.councilID == "otherton")

        reply = conversation.handle("remember")
        #expect(reply.actions == [.rememberSettings(council: "otherton", role: .officer)])
    }
}

/// On a screen too short for the advice, the quotes are folded to their labels with `quotes` to unfold them, and the
/// verdict is in view when the prompt returns.
@Suite struct AdviceFoldingTests {
    private func advised() throws -> (Conversation, ConversationReply) {
        var conversation = try ChatFixture.conversation(council: "testshire", role: .member, search: nil)
        _ = conversation.start(recording: "Recorded in memory.")
        _ = conversation.handle("can I see the exempt report for next week's planning committee?")
        _ = conversation.handle("EXEMPT")
        let reply = conversation.handle("n")
        return (conversation, reply)
    }

    @Test func longAdviceIsFoldedAndTheVerdictStaysInView() throws {
        let (_, reply) = try advised()
        let result = try #require(
            reply.blocks.compactMap { block -> AdviceResult? in
                if case .advice(let advice) = block { advice } else { nil }
            }.first)
        let quote = try #require(result.quotes.first)
        let tall = ConversationRenderer(style: TextStyle(colour: false, width: 60, height: 200)).render(.advice(result))
        #expect(tall.contains(quote.clause.text.split(separator: " ").prefix(4).joined(separator: " ")))
        #expect(!tall.contains("`quotes`"))
        for height in [10, 14, 18] {
            let text = ConversationRenderer(style: TextStyle(colour: false, width: 60, height: height)).render(.advice(result))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(text.contains("`quotes`"))
            #expect(!text.contains(quote.clause.text.split(separator: " ").prefix(6).joined(separator: " ")))
            // The verdict is among the last rows the screen shows.
            let verdict = AdviceRenderer.verdictLine(result.verdict, headline: result.headline).split(separator: " ").prefix(3).joined(separator: " ")
            #expect(lines.suffix(height - 4).contains { $0.contains(verdict) }, "height \(height): \(text)")
        }
    }

    @Test func quotesShowsTheFoldedClausesInFull() throws {
        var (conversation, advice) = try advised()
        let quoted = try #require(advice.advised?.quotes.first?.text)
        let reply = conversation.handle("quotes")
        #expect(reply.rendered.unwrapped.contains(quoted))
        advice = conversation.handle("restart")
        #expect(!conversation.handle("quotes").rendered.contains(quoted))
    }
}
