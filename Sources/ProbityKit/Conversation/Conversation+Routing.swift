/// Questions in plain words: routing them to a topic, "did you mean", no match, and a new
/// question typed in the middle of a topic.
extension Conversation {
    /// Routes a question: a clear winner goes straight in, close ones get a choice, nothing gets an honest no.
    mutating func route(_ question: String, into reply: inout ConversationReply) {
        // The decision as `probity ask` makes it; the ranking for the record.
        let candidates = router.rank(question, limit: 5).map { ConversationEvent.RoutedTopic(topic: $0.topicID, score: $0.score) }
        switch router.route(question) {
        case .clear(let best):
            reply.events.append(.routed(question: question, candidates: candidates, outcome: .chosen))
            startRouted(best, situation: question, into: &reply)
        case .choose(let choices):
            reply.events.append(.routed(question: question, candidates: candidates, outcome: .askedWhichOne))
            offerChoices(choices, question: question, heading: "Did you mean one of these?", midTopic: false, into: &reply)
        case .noMatch(let nearest):
            reply.events.append(.routed(question: question, candidates: candidates, outcome: .noMatch))
            noMatch(question, nearest: nearest, into: &reply)
        }
    }

    /// Goes into a topic the router chose, saying which.
    mutating func startRouted(_ choice: RouteScore, situation: String, into reply: inout ConversationReply) {
        guard let topic = knowledge.topic(id: choice.topicID) else { return }
        show("routed", .routed(choice), into: &reply)
        begin(topic, situation: situation, into: &reply)
    }

    mutating func offerChoices(_ choices: [RouteScore], question: String, heading: String, midTopic: Bool,
                               into reply: inout ConversationReply) {
        mode = .choosingTopic(question: question, choices: choices, midTopic: midTopic)
        show("choices", .topicChoices(heading: Message(heading), choices: choices), into: &reply)
        let carryOn = midTopic ? " or `no` to carry on with the current topic" : " or ask in other words"
        show("choices", .hint("Type a number or the topic's words,\(carryOn)."), into: &reply)
    }

    /// Nothing matched: says so, offers the nearest topics and the clauses a search finds.
    mutating func noMatch(_ question: String, nearest: [RouteScore], into reply: inout ConversationReply) {
        show("no-match", .text("I don't have advice on that. Probity advises on the member/officer protocol: access to information, party groups, the media, relationships, council resources and the like (type `topics` for the list)."), into: &reply)
        if let search {
            let hits = search.find(question, council: session.councilID, limit: 3)
            if !hits.isEmpty {
                show("search", .searchResults(query: question, council: session.councilID, hits: hits), into: &reply)
            }
        }
        if nearest.isEmpty {
            mode = session.topic == nil ? .idle : .advised
        } else {
            offerChoices(nearest, question: question, heading: "The nearest topics I know:", midTopic: false, into: &reply)
        }
    }

    /// A line typed while choosing between topics.
    mutating func handleChoice(_ text: String, question: String, choices: [RouteScore], midTopic: Bool,
                               into reply: inout ConversationReply) {
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
            show("rejected", .text("\(Conversation.quoted(text)) could mean \(matching.map { "\"\($0.label)\"" }.joined(separator: " or ")). Type the number."), into: &reply)
        case .none:
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
            offerChoices(choices, question: text, heading: "That sounds like a new question. Leave \"\(current.title)\" for one of these?",
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
