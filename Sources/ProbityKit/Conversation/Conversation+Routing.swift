/// Questions in plain words: routing them to a topic, "did you mean", no match, and a new
/// question typed in the middle of a topic.
extension Conversation {
    /// Routes a question as `probity ask` decides: a clear winner goes straight in (the first of two questions, with
    /// the second kept for later), close ones get a choice, a subject the protocols do not cover is referred to where
    /// its rule lives, and nothing gets an honest no.
    mutating func route(_ question: String, into reply: inout ConversationReply) {
        let decision = triage.decide(question)
        let candidates = decision.ranked.prefix(5).map { ConversationEvent.RoutedTopic(topic: $0.topicID, score: $0.score) }
        secondQuestion = nil
        switch decision.outcome {
        case .topic(let best):
            if let split = decision.split {
                reply.events.append(.routed(question: question, candidates: Array(candidates), outcome: .twoQuestions))
                reply.events.append(
                    .routed(
                        question: split.first, candidates: [.init(topic: split.firstTopic.topicID, score: split.firstTopic.score)],
                        outcome: .chosen))
                reply.events.append(
                    .routed(
                        question: split.second, candidates: [.init(topic: split.secondTopic.topicID, score: split.secondTopic.score)],
                        outcome: .deferred))
                secondQuestion = split
                show(
                    "two-questions",
                    .hint(
                        "You asked about two things: \(split.firstTopic.title.lowercasedFirst()), and \(split.secondSubject). I'll take the first now and offer the second when it's done."
                    ), into: &reply)
            } else {
                reply.events.append(.routed(question: question, candidates: Array(candidates), outcome: .chosen))
            }
            if let aside = decision.aside {
                show(
                    "out-of-scope",
                    .hint(
                        "Note: the member/officer protocol does not itself cover \(aside.title.lowercasedFirst()); the rules are in \(aside.ruleLivesIn). Ask the Monitoring Officer about that part."
                    ), into: &reply)
            }
            startRouted(best, situation: question, into: &reply)
        case .choose(let choices):
            reply.events.append(.routed(question: question, candidates: Array(candidates), outcome: .askedWhichOne))
            offerChoices(choices, question: question, heading: "Did you mean one of these?", midTopic: false, into: &reply)
        case .none(let nearest, let referral?):
            reply.events.append(.routed(question: question, candidates: Array(candidates), outcome: .outOfScope))
            refer(question, to: referral, nearest: nearest, into: &reply)
        case .none(let nearest, nil):
            reply.events.append(.routed(question: question, candidates: Array(candidates), outcome: .noMatch))
            noMatch(question, nearest: nearest, into: &reply)
        case .command:
            // Commands are read before anything is routed (`handleOpen`); a line only reaches here as a question.
            reply.events.append(.routed(question: question, candidates: [], outcome: .noMatch))
            noMatch(question, nearest: [], into: &reply)
        }
    }

    /// Goes into a topic the router chose, saying which.
    mutating func startRouted(_ choice: RouteScore, situation: String, into reply: inout ConversationReply) {
        guard let topic = knowledge.topic(id: choice.topicID) else { return }
        show("routed", .routed(choice), into: &reply)
        begin(topic, situation: situation, into: &reply)
    }

    mutating func offerChoices(
        _ choices: [RouteScore], question: String, heading: String, midTopic: Bool,
        into reply: inout ConversationReply
    ) {
        mode = .choosingTopic(question: question, choices: choices, midTopic: midTopic)
        show("choices", .topicChoices(heading: Message(heading), choices: choices), into: &reply)
        let carryOn = midTopic ? " or `no` to carry on with the current topic" : " or ask in other words"
        show("choices", .hint("Type a number or the topic's words,\(carryOn)."), into: &reply)
    }

    /// Clause search results shown for a question that matched no topic must speak to at least this share of it.
    static let searchCoverageFloor = 0.6

    /// Nothing matched: says what Probity covers, offers the nearest topics only where they are plausibly what was
    /// meant, and clauses only where a search finds ones that speak to most of the question, headed as search results.
    mutating func noMatch(_ question: String, nearest: [RouteScore], into reply: inout ConversationReply) {
        let whose = session.council.map { "\($0.shortName.possessive) member/officer protocol" } ?? "the member/officer protocol"
        show(
            "no-match",
            .text(
                "I can't match that to anything in \(whose). Probity covers how councillors and officers work together: seeing documents, party group briefings, the media, relationships, council resources, casework and more (type `topics` for all \(knowledge.topics.count))."
            ), into: &reply)
        if let search {
            let hits = search.find(question, council: session.councilID, limit: 3).filter { $0.coverage >= Self.searchCoverageFloor }
            if !hits.isEmpty {
                let of = session.council.map { " of \($0.shortName.possessive) protocol" } ?? ""
                show(
                    "search",
                    .searchResults(
                        query: question, council: session.councilID, hits: hits,
                        heading: "Search results, not advice: paragraphs\(of) that share most of your words:"), into: &reply)
            }
        }
        offerNearest(nearest, question: question, heading: "If you meant one of these, type its number:", into: &reply)
    }

    /// A subject the protocols do not cover: where its rule lives, the Monitoring Officer, and any clause of the
    /// user's own council's protocol that touches it (quoted verbatim), then the nearest topics if plausible.
    mutating func refer(_ question: String, to subject: OutOfScopeSubject, nearest: [RouteScore], into reply: inout ConversationReply) {
        show("out-of-scope", .text(Message(subject.reply)), into: &reply)
        if let council = session.council {
            let clauses = knowledge.clauses(touching: subject, council: council.id)
            if !clauses.isEmpty {
                show("out-of-scope", .hint("\(council.shortName.possessive) protocol touches on it here:"), into: &reply)
                show("out-of-scope", .clauses(clauses), into: &reply)
            }
        }
        offerNearest(nearest, question: question, heading: "If you meant something the protocol does cover, the nearest topics:", into: &reply)
    }

    private mutating func offerNearest(_ nearest: [RouteScore], question: String, heading: String, into reply: inout ConversationReply) {
        if nearest.isEmpty {
            mode = session.topic == nil ? .idle : .advised
        } else {
            offerChoices(nearest, question: question, heading: heading, midTopic: false, into: &reply)
        }
    }

    /// After the first of two questions (its advice given, or the topic left): offers the second. False when there is none.
    mutating func offerSecondQuestion(into reply: inout ConversationReply) -> Bool {
        guard let split = secondQuestion else { return false }
        mode = .offeringNext(question: split.second, to: split.secondTopic)
        show(
            "offer-next",
            .text("You also asked about \(split.secondSubject): \(Conversation.quoted(split.second)). Go on to that? (yes/no)"),
            into: &reply)
        return true
    }

    /// yes: the second question's topic; no: done with it; a command runs (the offer stands); anything else is a new
    /// line in the open, and the offer lapses.
    mutating func handleNextOffer(_ text: String, question: String, to target: RouteScore, into reply: inout ConversationReply) {
        let answer = YesNo.parse(text)
        if answer == nil, let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
            return
        }
        let choices = secondQuestion?.secondChoices ?? []
        secondQuestion = nil
        mode = session.topic == nil ? .idle : .advised
        switch answer {
        case true? where !choices.isEmpty:
            // The second part alone was close between topics: the user chooses, as for any such question.
            reply.events.append(
                .routed(question: question, candidates: choices.map { .init(topic: $0.topicID, score: $0.score) }, outcome: .askedWhichOne))
            offerChoices(choices, question: question, heading: "Did you mean one of these?", midTopic: false, into: &reply)
        case true?:
            reply.events.append(.routed(question: question, candidates: [.init(topic: target.topicID, score: target.score)], outcome: .chosen))
            startRouted(target, situation: question, into: &reply)
        case false?:
            show("offer-next", .hint("All right. Ask another question, or type `quit` to end the chat."), into: &reply)
        case nil:
            handleOpen(text, into: &reply)
        }
    }

    /// A line typed while choosing between topics.
    mutating func handleChoice(
        _ text: String, question: String, choices: [RouteScore], midTopic: Bool,
        into reply: inout ConversationReply
    ) {
        let options = choices.map { AnswerOption(id: $0.topicID, label: $0.title, next: "") }
        if let n = Int(text) {
            guard (1...choices.count).contains(n) else {
                show("rejected", .text("There is no option \(n) here; choose a number from 1 to \(choices.count)."), into: &reply)
                return
            }
            startChosen(choices[n - 1], question: question, midTopic: midTopic, into: &reply)
            return
        }
        if let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
            return
        }
        if YesNo.parse(text) == false || ["none", "neither", "none of them", "none of these"].contains(OptionMatcher.fold(text)) {
            if midTopic {
                show("choices", .hint("Carrying on with the current topic."), into: &reply)
                showStep(into: &reply, why: false)
            } else {
                mode = session.topic == nil ? .idle : .advised
                show("choices", .text("All right. Ask in other words, or type `topics` to see what I can advise on."), into: &reply)
            }
            return
        }
        switch OptionMatcher.match(text, in: options) {
        case .option(let option):
            if let choice = choices.first(where: { $0.topicID == option.id }) { startChosen(choice, question: question, midTopic: midTopic, into: &reply) }
        case .ambiguous(let matching):
            show(
                "rejected", .text("\(Conversation.quoted(text)) could mean \(matching.map { "\"\($0.label)\"" }.joined(separator: " or ")). Type the number."),
                into: &reply)
        case .none:
            if suggestCommand(text, into: &reply) { return }
            // Not one of the choices: take it as the question asked again in other words.
            if midTopic {
                mode = .walking
                handleAnswer(text, into: &reply)
            } else {
                route(text, into: &reply)
            }
        }
    }

    private mutating func startChosen(_ choice: RouteScore, question: String, midTopic: Bool, into reply: inout ConversationReply) {
        guard let topic = knowledge.topic(id: choice.topicID) else { return }
        if midTopic, let current = session.topic {
            show("switch", .hint("Leaving \"\(current.title)\"."), into: &reply)
        }
        reply.events.append(.displayed(kind: "chosen", shown: .topic(route: Shown.TopicRef(topic: topic.id, title: topic.title))))
        begin(topic, situation: question == "topics" ? nil : question, into: &reply)
    }

    /// Mid-topic, a line that is no answer may be a new question: when the router sends it clearly elsewhere,
    /// asks before leaving the current topic. Returns false when it is not a new question.
    mutating func offerSwitch(_ text: String, from current: Topic, into reply: inout ConversationReply) -> Bool {
        guard text.split(separator: " ").count >= 2 else { return false }
        let candidates = router.rank(text, limit: 5).map { ConversationEvent.RoutedTopic(topic: $0.topicID, score: $0.score) }
        switch router.route(text) {
        case .clear(let best) where best.topicID != current.id:
            reply.events.append(.routed(question: text, candidates: candidates, outcome: .askedToSwitch))
            mode = .confirmingSwitch(question: text, to: best)
            show("switch", .text("That sounds like a new question, about \"\(best.title)\". Leave \"\(current.title)\" and start that? (yes/no)"), into: &reply)
            return true
        case .choose(let choices) where !choices.contains(where: { $0.topicID == current.id }):
            reply.events.append(.routed(question: text, candidates: candidates, outcome: .askedToSwitch))
            offerChoices(
                choices, question: text, heading: "That sounds like a new question. Leave \"\(current.title)\" for one of these?",
                midTopic: true, into: &reply)
            return true
        default:
            return false
        }
    }

    /// yes: leave for the new topic; no: the question again; anything else is taken as an answer or command.
    mutating func handleSwitchConfirmation(_ text: String, question: String, to target: RouteScore, into reply: inout ConversationReply) {
        switch YesNo.parse(text) {
        case true?:
            if let current = session.topic { show("switch", .hint("Leaving \"\(current.title)\"."), into: &reply) }
            startRouted(target, situation: question, into: &reply)
        case false?:
            show("switch", .hint("Carrying on with the current topic."), into: &reply)
            showStep(into: &reply, why: false)
        case nil:
            mode = .walking
            handleAnswer(text, into: &reply)
        }
    }
}
