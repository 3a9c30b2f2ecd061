/// What happened when a scenario was played through the conversation.
public struct ScenarioOutcome: Sendable {
    public var council: String
    public var scenario: Scenario
    /// The router chose the scenario's topic straight away (or offered it among a few).
    public var routed: Bool
    /// Every question asked in the walk, by the fact's local id, in order (the ones the user had stated, and the rest).
    public var asked: [String] = []
    /// Facts the user had stated that the chat asked all the same.
    public var reasked: [String]
    /// Of `reasked`, those asked with an answer proposed from the user's words: the answer they had given, or another.
    public var suggestedRight: [String] = []
    public var suggestedWrong: [String] = []
    /// Of `reasked`, those asked cold: nothing proposed.
    public var cold: [String] { reasked.filter { !suggestedRight.contains($0) && !suggestedWrong.contains($0) } }
    /// Facts the scenario does not state that were asked with an answer proposed all the same.
    public var suggestedUnstated: [String] = []
    /// A question the scenario gives no answer for (the scenario, or the tree, needs a look).
    public var unanswered: String?
    /// Facts the chat took from what was typed that contradict the truth of the situation.
    public var misheard: [String] = []
    /// Facts the chat took from what was typed (and said back, "You said …") that the scenario neither states nor
    /// answers: whether the user said them is not known to the scenario, so they are counted apart and read by hand.
    public var takenUnknown: [String] = []
    public var verdict: String?
    public var quoted: [String]
    /// The steps of the advice reached, as shown.
    public var steps: [AdviceStepResult] = []
    public var missing: [String] { scenario.mustQuote.filter { !quoted.contains($0) } }
    public var verdictRight: Bool { verdict.map(scenario.verdicts.contains) ?? false }
    /// Right: the advice reached, with an acceptable verdict, every clause that must be quoted, and nothing asked twice.
    public var isRight: Bool { verdictRight && missing.isEmpty && reasked.isEmpty && unanswered == nil && misheard.isEmpty }

    public var problems: [String] {
        var out: [String] = []
        if !routed { out.append("routing did not offer \(scenario.topic)") }
        if let unanswered { out.append("asked \(unanswered), which the scenario does not answer") }
        if !reasked.isEmpty {
            let how = reasked.map { fact in
                suggestedRight.contains(fact) ? "\(fact) (their answer proposed)" : suggestedWrong.contains(fact) ? "\(fact) (another answer proposed)" : fact
            }
            out.append("asked what the user had said: \(how.joined(separator: ", "))")
        }
        if !misheard.isEmpty { out.append("took what the user did not say: \(misheard.joined(separator: ", "))") }
        if let verdict, !verdictRight { out.append("verdict \(verdict), expected \(scenario.verdicts.joined(separator: " or "))") }
        if verdict == nil && unanswered == nil { out.append("reached no advice") }
        if !missing.isEmpty { out.append("clauses missing: \(missing.joined(separator: ", "))") }
        return out
    }
}

/// Plays scenarios through the chat as a user would: types the situation, answers each question truthfully
/// (counting any question whose answer the user had already given), and checks the advice.
public struct ScenarioRunner: Sendable {
    public let knowledge: KnowledgeBase
    public let router: Router

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        router = Router(knowledge: knowledge)
    }

    public func run(_ scenario: Scenario, council: String) -> ScenarioOutcome {
        var outcome = ScenarioOutcome(council: council, scenario: scenario, routed: false, reasked: [], unanswered: nil, verdict: nil, quoted: [])
        guard let session = try? Session(knowledge: knowledge, council: council, role: scenario.role),
            let topic = knowledge.topic(id: scenario.topic)
        else { return outcome }
        var conversation = Conversation(session: session, router: router)
        _ = conversation.start(recording: "Not recorded (scenario).")
        var reply = conversation.handle(scenario.says)
        // Routing is measured on its own; the scenario goes on in its topic either way, with what the user said.
        let started = reply.events.compactMap { if case .topicStarted(let id) = $0 { id } else { nil } }
        if started.first == scenario.topic {
            outcome.routed = true
        } else if case .choosingTopic(_, let choices, _) = conversation.mode, let n = choices.firstIndex(where: { $0.topicID == scenario.topic }) {
            outcome.routed = true
            reply = conversation.handle(String(n + 1))
        } else {
            reply = ConversationReply()
            conversation.begin(topic, situation: scenario.says, into: &reply)
        }
        var advice: AdviceResult?
        for _ in 0..<40 {
            if let last = reply.blocks.compactMap({ if case .advice(let a) = $0 { a } else { nil } }).last { advice = last }
            if advice != nil { break }
            guard conversation.mode == .walking, let question = conversation.pendingQuestion, question.kind == .topic else { break }
            let local = Fact.localID(ofKey: question.factKey)
            let proposed = conversation.suggestion.flatMap { $0.factKey == question.factKey ? $0.optionID : nil }
            outcome.asked.append(local)
            let answer: Scenario.FactAnswer
            if let said = scenario.stated[local] {
                outcome.reasked.append(local)
                if let proposed {
                    if said.options.contains(proposed) { outcome.suggestedRight.append(local) } else { outcome.suggestedWrong.append(local) }
                }
                answer = said
            } else if let truthful = scenario.answers[local] {
                if proposed != nil { outcome.suggestedUnstated.append(local) }
                answer = truthful
            } else {
                if proposed != nil { outcome.suggestedUnstated.append(local) }
                outcome.unanswered = "\(local) (\"\(question.prompt)\")"
                break
            }
            reply = conversation.handle(answer.options.joined(separator: ", "))
        }
        let truth = scenario.answers.merging(scenario.stated) { answer, _ in answer }
        for (local, answer) in truth.sorted(by: { $0.key < $1.key }) {
            let key = scenario.factKey(local, in: knowledge)
            guard let known = conversation.session.facts[key] else { continue }
            let took = Set(FactValue.options(known))
            let truth = Set(answer.options)
            // A fact that takes several answers may hold more than the scenario lists; it is misheard when it lacks one.
            let multiple = knowledge.fact(key: key)?.multiple ?? false
            if multiple ? !truth.isSubset(of: took) : took != truth { outcome.misheard.append("\(local)=\(known)") }
        }
        for (key, value) in conversation.session.facts.sorted(by: { $0.key < $1.key }) where key != "council" && key != "role" {
            let local = Fact.localID(ofKey: key)
            guard !outcome.asked.contains(local), truth[local] == nil else { continue }
            outcome.takenUnknown.append("\(local)=\(value)")
        }
        if let advice {
            outcome.verdict = advice.verdict.rawValue
            outcome.quoted = advice.quotes.map(\.clause.id)
            outcome.steps = advice.steps
        }
        return outcome
    }
}

/// The whole suite's figures: scenarios right, questions asked whose answer had been given, clauses missing.
public struct ScenarioReport: Sendable {
    public var outcomes: [ScenarioOutcome]
    public init(outcomes: [ScenarioOutcome]) { self.outcomes = outcomes }

    public var right: Int { outcomes.filter(\.isRight).count }
    public var reasked: Int { outcomes.reduce(0) { $0 + $1.reasked.count } }
    public var missingClauses: Int { outcomes.reduce(0) { $0 + $1.missing.count } }
    public var wrongVerdicts: Int { outcomes.filter { $0.verdict != nil && !$0.verdictRight }.count }
    public var unanswered: Int { outcomes.filter { $0.unanswered != nil }.count }
    public var misheard: Int { outcomes.reduce(0) { $0 + $1.misheard.count } }
    public var takenUnknown: Int { outcomes.reduce(0) { $0 + $1.takenUnknown.count } }
    public var routed: Int { outcomes.filter(\.routed).count }
    /// Of the questions re-asked: with the answer given proposed, with another proposed, and cold.
    public var suggestedRight: Int { outcomes.reduce(0) { $0 + $1.suggestedRight.count } }
    public var suggestedWrong: Int { outcomes.reduce(0) { $0 + $1.suggestedWrong.count } }
    public var cold: Int { outcomes.reduce(0) { $0 + $1.cold.count } }
    /// Answers proposed at questions whose facts the scenario does not state.
    public var suggestedUnstated: Int { outcomes.reduce(0) { $0 + $1.suggestedUnstated.count } }

    public var summary: String {
        "\(right)/\(outcomes.count) scenarios right; \(reasked) questions asked whose answer had been given "
            + "(\(suggestedRight) with that answer proposed, \(suggestedWrong) with another proposed, \(cold) cold); "
            + "\(suggestedUnstated) answers proposed on facts the scenario does not state; "
            + "\(missingClauses) clauses missing; \(wrongVerdicts) wrong verdicts; \(misheard) facts taken that the user did not state; "
            + "\(takenUnknown) facts taken that the scenario neither states nor answers; "
            + "\(unanswered) stopped at a question the scenario does not answer; "
            + "routing offered the right topic \(routed)/\(outcomes.count)"
    }
}
