/// Walking a topic: its questions one at a time, answers, `back`, `restart`, `why`, and the advice.
extension Conversation {
    /// Starts a topic afresh: the council, the role and the facts topics share are kept; the answers given
    /// in earlier topics to their own questions are not, so a second question on a topic is asked again.
    /// - Parameter situation: what the user typed that led here; every fact it states is taken and said back.
    mutating func begin(
        _ topic: Topic, situation: String? = nil, keeping earlier: [String: String] = [:],
        into reply: inout ConversationReply
    ) {
        keepSharedFacts()
        var fresh = (try? Session(knowledge: knowledge, council: session.councilID, role: session.role)) ?? session
        fresh.begin(topic: topic)
        for (key, value) in sharedFacts.sorted(by: { $0.key < $1.key }) {
            try? fresh.setAnswer(key, option: value)
        }
        session = fresh
        heard = []
        declined = []
        suggestion = nil
        reply.events.append(.topicStarted(topic: topic.id))
        if let note = Self.audienceNote(topic, role: session.role) { show("audience", .hint("\(note)"), into: &reply) }
        if !earlier.isEmpty { carry(earlier, topic: topic, into: &reply) }
        if let situation { takeFacts(from: situation, into: &reply) }
        showStep(into: &reply, why: true)
    }

    /// Takes every fact a line states, records each as an answer, and says back what was taken.
    /// Returns false when the line stated nothing new.
    @discardableResult
    mutating func takeFacts(from text: String, into reply: inout ConversationReply) -> Bool {
        heard.append(text)
        let learnt = session.learn(from: text)
        guard !learnt.isEmpty, let topic = session.topic else { return false }
        for fact in learnt {
            let value = FactValue.joined(fact.optionIDs)
            reply.events.append(
                .answered(
                    topic: topic.id, fact: fact.factKey, option: value,
                    label: knowledge.fact(key: fact.factKey)?.answer(value) ?? value))
        }
        // One sentence, each thing said once: two councils' facts may say the same in other words, and two facts
        // heard from the same words of the message that say back mostly the same words are one thing the user said
        // ("exempt report for the planning committee" states two things, and both are said).
        // The council's own facts (those its advice asks) first: another council's parallel that only a rule names
        // never replaces one of them with its own, fuller wording ("an officer going to a member's ward surgery" for
        // "a member's ward surgery").
        let asked = session.askedFacts
        let ordered = learnt.filter { asked.contains($0.factKey) } + learnt.filter { !asked.contains($0.factKey) }
        var said: [(words: Set<String>, fact: LearntFact)] = []
        for fact in ordered {
            let words = Set(PhraseMatcher.stems(fact.says).filter { !StopWords.contains($0) })
            let restates = { (other: (words: Set<String>, fact: LearntFact)) in
                fact.heardWithin(other.fact) && 2 * words.intersection(other.words).count >= min(words.count, other.words.count)
            }
            if said.contains(where: { words.isSubset(of: $0.words) || restates($0) }) { continue }
            if !asked.contains(fact.factKey), said.contains(where: { asked.contains($0.fact.factKey) && $0.words.isSubset(of: words) }) { continue }
            said.removeAll { $0.words.isSubset(of: words) }
            said.append((words, fact))
        }
        let role = session.role
        show(
            "understood", .hint("You said \(ListJoiner.andSharing(said.map { $0.fact.says(for: role) })). (Type `change` if I have that wrong.)"), into: &reply)
        return true
    }

    /// `change`: lists what is known of this topic's facts; `change N` forgets one so that it is asked again.
    mutating func changeFact(_ which: String?, into reply: inout ConversationReply) {
        let known = session.knownFacts
        guard session.topic != nil, !known.isEmpty else {
            show("change", .text("There is nothing to change yet: no answer has been given in this topic."), into: &reply)
            askAgain(into: &reply)
            return
        }
        guard let which else {
            let lines = known.enumerated().map { "  \($0.offset + 1). \($0.element.fact.prompt.text(for: session.role)) → \($0.element.answer)" }
            show(
                "change", .text(Message((["What I have so far:"] + lines + ["Type `change N` to answer one of these again."]).joined(separator: "\n"))),
                into: &reply)
            askAgain(into: &reply)
            return
        }
        let chosen: Fact?
        if let n = Int(which), (1...known.count).contains(n) {
            chosen = known[n - 1].fact
        } else {
            chosen = known.first { $0.fact.localID == which || $0.fact.key == which }?.fact
        }
        guard let fact = chosen, let topic = session.topic else {
            show("rejected", .text("There is no answer \(Conversation.quoted(which)) to change; type `change` to list them."), into: &reply)
            askAgain(into: &reply)
            return
        }
        session.forget(fact.key)
        sharedFacts[fact.key] = nil
        declined.insert(fact.key)
        reply.events.append(.wentBack(topic: topic.id, fact: fact.key))
        showStep(into: &reply, why: true)
    }

    /// Answers given before the council or role changed: those the new advice still uses are kept (and recorded again,
    /// so the transcript shows what the advice rests on); the others are named as dropped.
    private mutating func carry(_ earlier: [String: String], topic: Topic, into reply: inout ConversationReply) {
        let relevant = Set(session.relevantFacts.map(\.key))
        var kept: [String] = []
        var dropped: [String] = []
        for fact in knowledge.facts(of: topic) {
            guard let value = earlier[fact.key], session.facts[fact.key] != value else { continue }
            let words = "\(fact.prompt.text(for: session.role)) \(fact.answer(value))"
            if relevant.contains(fact.key), (try? session.setAnswer(fact.key, option: value)) != nil {
                kept.append(words)
                reply.events.append(.answered(topic: topic.id, fact: fact.key, option: value, label: fact.answer(value)))
            } else {
                dropped.append(words)
            }
        }
        if !kept.isEmpty {
            show(
                "kept", .hint("Kept \(kept.count == 1 ? "your answer" : "your \(kept.count) answers") that still apply: \(kept.joined(separator: "; "))."),
                into: &reply)
        }
        if !dropped.isEmpty {
            show("dropped", .hint("Dropped, as this advice does not ask it: \(dropped.joined(separator: "; "))."), into: &reply)
        }
    }

    /// Remembers the shared facts settled so far, before the session is rebuilt.
    mutating func keepSharedFacts() {
        for (key, value) in session.facts where sharedFactKeys.contains(key) { sharedFacts[key] = value }
    }

    /// Shows where the walk has got to: the next question, or the advice.
    mutating func showStep(into reply: inout ConversationReply, why: Bool) {
        guard let topic = session.topic else {
            mode = .idle
            return
        }
        switch session.step {
        case .question(let question)?:
            mode = .walking
            propose(for: question)
            ask(question, topic: topic.id, why: why, into: &reply)
        case .advice(let advice)?:
            mode = .advised
            reply.blocks.append(.advice(advice))
            reply.events.append(.advised(ConversationEvent.Advised(advice)))
            keepSharedFacts()
            if !offerSecondQuestion(into: &reply) {
                show("invitation", .hint("Ask another question, or type `why` to see how I got here, `back` to change an answer."), into: &reply)
            }
        case .noRoute(let problem)?:
            show(
                "error", .warning("I can't go further with this topic: \(problem). Please tell your Monitoring Officer; `probity validate` shows the problem."),
                into: &reply)
            session.endTopic()
            mode = .idle
        case nil:
            mode = .idle
        }
    }

    /// A line typed while a question of the topic is waiting.
    mutating func handleAnswer(_ typed: String, into reply: inout ConversationReply) {
        guard let topic = session.topic, let question = pendingQuestion else {
            mode = .idle
            handleOpen(typed, into: &reply)
            return
        }
        let proposed = proposal(for: question)
        // Enter or yes takes the answer proposed from the user's words, as its option's id would.
        let text = proposed.flatMap { acceptance(of: typed, proposed: $0, question: question) } ?? typed
        let lowered = text.lowercased()
        let exactOption =
            Int(text) != nil
            || question.options.contains { $0.id.lowercased() == lowered || $0.label.lowercased() == lowered }
        if !exactOption, let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
            return
        }
        if Int(text) == nil, case .none = OptionMatcher.match(text, in: question.options),
            !(question.multiple && OptionMatcher.matchSeveral(text, in: question.options) != nil)
        {
            // Free text that explains the situation is an answer: take every fact it states.
            if question.kind == .topic, takeFacts(from: text, into: &reply) {
                showStep(into: &reply, why: true)
                return
            }
            if suggestCommand(text, into: &reply) { return }
            if offerSwitch(text, from: topic, into: &reply) { return }
            // What was just typed settled nothing, but may come near one of this question's answers: then the
            // question is put again as a confirmation that quotes it, rather than the words being turned away.
            if question.kind == .topic {
                propose(for: question)
                if let proposed = suggestion, text.contains(proposed.said) {
                    ask(question, topic: topic.id, why: false, into: &reply)
                    return
                }
            }
            reject(text, question: question, topic: topic.id, into: &reply)
            return
        }
        do {
            let chosen = try session.answer(text)
            let option = AnswerOption(id: FactValue.joined(chosen.map(\.id)), label: ListJoiner.and(chosen.map(\.label)), next: "")
            let accepted = proposed.map { [question.options[$0.option].id] == chosen.map(\.id) }
            reply.events.append(.answered(topic: topic.id, fact: question.factKey, option: option.id, label: option.label, accepted: accepted))
            switch question.kind {
            case .council:
                if let council = session.council { reply.events.append(.councilSet(council: council.id, version: council.version)) }
            case .role:
                reply.events.append(.roleSet(role: option.id))
            case .topic:
                break
            }
            showStep(into: &reply, why: true)
        } catch {
            reject(text, question: question, topic: topic.id, into: &reply)
        }
    }

    /// `back`: undoes the last answer in this topic and asks that question again.
    mutating func goBack(into reply: inout ConversationReply) {
        switch mode {
        case .choosingTopic(_, _, true), .confirmingSwitch:
            show("back", .hint("Carrying on with the current topic."), into: &reply)
            showStep(into: &reply, why: false)
            return
        case .choosingTopic(_, _, false):
            mode = session.topic == nil ? .idle : .advised
            show("back", .text("What would you like to ask?"), into: &reply)
            return
        default:
            break
        }
        guard let topic = session.topic else {
            show("back", .text("There's nothing to go back to yet: ask a question first."), into: &reply)
            return
        }
        let undone = session.answeredInTopic.last
        guard session.back() else {
            reply.events.append(.wentBack(topic: topic.id, fact: nil))
            show(
                "back", .text("That was the first question of this topic, so there's nothing to go back to. Ask a new question whenever you like."),
                into: &reply)
            if mode == .walking { showStep(into: &reply, why: false) }
            return
        }
        reply.events.append(.wentBack(topic: topic.id, fact: undone))
        showStep(into: &reply, why: true)
    }

    /// `restart`: the current topic from its first question.
    mutating func restartTopic(into reply: inout ConversationReply) {
        guard let topic = session.topic else {
            show("restart", .text("There's no topic under way to restart: ask a question first."), into: &reply)
            return
        }
        session.restart()
        reply.events.append(.restarted(topic: topic.id))
        show("restart", .hint("Starting \"\(topic.title)\" again."), into: &reply)
        showStep(into: &reply, why: true)
    }

    /// `why`: the answers that led here and, at a question, why it is asked, quoting the clauses.
    mutating func explain(into reply: inout ConversationReply) {
        if let question = pendingQuestion, mode != .walking {
            reply.blocks.append(.whyAsked(question))
            reply.events.append(.explained(topic: "", reasons: [question.why]))
            return
        }
        guard let topic = session.topic else {
            show("why", .text("Nothing to explain yet: ask a question, and `why` will show how the answer was reached."), into: &reply)
            return
        }
        let reasons = session.reasons
        var lines = reasons.map { "\($0.question) → \($0.answer)" }
        reply.blocks.append(.reasons(reasons))
        if mode == .walking, let question = pendingQuestion {
            reply.blocks.append(.whyAsked(question))
            lines.append("Why I ask \"\(question.prompt)\": \(question.why)")
        }
        reply.events.append(.explained(topic: topic.id, reasons: lines))
        if mode == .walking, let question = pendingQuestion { ask(question, topic: topic.id, why: false, into: &reply) }
    }
}

extension Conversation {
    /// What to say when a topic is written for the other side: its questions and advice speak to them, and the
    /// protocol may have nothing for the user's own part (an officer's concern about a colleague is not a
    /// member/officer matter). Nil when the topic is for the user's role, or for both.
    static func audienceNote(_ topic: Topic, role: Role?) -> String? {
        switch (topic.audience, role) {
        case (.member, .officer?):
            "This topic is written for councillors: its questions and advice speak to them, as what the protocol expects of members. Where your own part as an officer is not covered (a concern about a colleague is a matter for your manager or HR), ask the Monitoring Officer."
        case (.officer, .member?):
            "This topic is written for officers: its questions and advice speak to them, as what the protocol expects of officers. Where your own part as a councillor is not covered, ask the Monitoring Officer."
        default: nil
        }
    }
}
