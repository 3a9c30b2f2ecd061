/// A conversation's state: the facts known so far and the topic being walked.
/// The same engine serves the chat and `probity walk`.
public struct Session: Sendable {
    public let knowledge: KnowledgeBase
    /// Everything settled so far: `council`, `role`, shared facts and each topic's own answers.
    public private(set) var facts: [String: String] = [:]
    public private(set) var topic: Topic?
    /// The facts settled while walking the current topic, oldest first; `back` undoes the last.
    public private(set) var answeredInTopic: [String] = []

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownCouncil(String, known: [String])
        case unknownTopic(String, known: [String])
        case noQuestion
        case notAnOption(String, question: String, options: [String])
        case ambiguous(String, options: [String])

        public var description: String {
            switch self {
            case .unknownCouncil(let text, let known):
                "\"\(text)\" is not a council Probity knows; choose one of: \(known.joined(separator: ", "))"
            case .unknownTopic(let text, let known):
                "\"\(text)\" is not a topic; the topics are: \(known.joined(separator: ", "))"
            case .noQuestion:
                "there is no question waiting for an answer"
            case .notAnOption(let text, let question, let options):
                "\"\(text)\" is not an answer to \"\(question)\"; answer with a number or one of: \(options.joined(separator: ", "))"
            case .ambiguous(let text, let options):
                "\"\(text)\" could mean \(options.joined(separator: " or ")); type a little more, or the number"
            }
        }
    }

    public init(knowledge: KnowledgeBase, council: String? = nil, role: Role? = nil) throws(Problem) {
        self.knowledge = knowledge
        if let council { try setCouncil(council) }
        if let role { setRole(role) }
    }

    public var councilID: String? { facts["council"] }
    public var council: Council? { councilID.flatMap { knowledge.council(id: $0) } }
    public var role: Role? { facts["role"].flatMap(Role.init(rawValue:)) }

    // MARK: Facts

    public mutating func setCouncil(_ text: String) throws(Problem) {
        guard let council = knowledge.resolveCouncil(text) else {
            throw .unknownCouncil(text, known: knowledge.councils.map(\.id))
        }
        facts["council"] = council.id
    }

    public mutating func setRole(_ role: Role) {
        facts["role"] = role.rawValue
    }

    /// Settles a fact directly, as `walk --answer` does; `key` is a fact key or a question's node id.
    public mutating func setAnswer(_ key: String, option text: String) throws(Problem) {
        if key == "council" { try setCouncil(text); return }
        if key == "role" {
            guard let role = Role(rawValue: text.lowercased()) else {
                throw .notAnOption(text, question: "role", options: Role.allCases.map(\.rawValue))
            }
            setRole(role)
            return
        }
        guard let topic else { throw .noQuestion }
        let questions = topic.orderedNodes.compactMap { node -> Question? in
            if case .question(let q) = node, q.id == key || q.fact == key { return q }
            return nil
        }
        guard let question = questions.first else {
            let known = topic.orderedNodes.compactMap { node -> String? in
                if case .question(let q) = node { return q.id } else { return nil }
            }
            throw .notAnOption(key, question: "which question", options: known)
        }
        switch OptionMatcher.match(text, in: question.options) {
        case .option(let option):
            facts[question.fact] = option.id
        case .ambiguous(let options):
            throw .ambiguous(text, options: options.map(\.id))
        case .none:
            throw .notAnOption(text, question: question.id, options: question.options.map(\.id))
        }
    }

    // MARK: Walking

    public mutating func begin(topicID: String) throws(Problem) {
        guard let topic = knowledge.topic(id: topicID) else {
            throw .unknownTopic(topicID, known: knowledge.topics.map(\.id))
        }
        begin(topic: topic)
    }

    public mutating func begin(topic: Topic) {
        self.topic = topic
        answeredInTopic = []
    }

    /// Leaves the current topic; the facts stay known for the next one.
    public mutating func endTopic() {
        topic = nil
        answeredInTopic = []
    }

    /// The current step of the current topic, or nil when no topic is under way.
    public var step: Step? {
        topic.map { trace($0).step }
    }

    /// Answers the waiting question with what the user typed: a number, an option's id or words.
    @discardableResult
    public mutating func answer(_ input: String) throws(Problem) -> AnswerOption {
        guard case .question(let pending)? = step else { throw .noQuestion }
        switch OptionMatcher.match(input, in: pending.options) {
        case .option(let option):
            facts[pending.factKey] = option.id
            answeredInTopic.append(pending.factKey)
            return option
        case .ambiguous(let options):
            throw .ambiguous(input, options: options.map(\.label))
        case .none:
            throw .notAnOption(input, question: pending.prompt, options: pending.options.map(\.label))
        }
    }

    /// Undoes the last answer given in this topic; false when there is none.
    @discardableResult
    public mutating func back() -> Bool {
        guard let last = answeredInTopic.popLast() else { return false }
        facts[last] = nil
        return true
    }

    /// Goes back to an earlier question of this topic (by fact key or node id), undoing it and every later answer.
    @discardableResult
    public mutating func back(to key: String) -> Bool {
        let factKey = topic.flatMap { t -> String? in
            if case .question(let q)? = t.nodes[key] { return q.fact } else { return nil }
        } ?? key
        guard answeredInTopic.contains(factKey) else { return false }
        while let last = answeredInTopic.popLast() {
            facts[last] = nil
            if last == factKey { break }
        }
        return true
    }

    /// Starts the current topic again, forgetting the answers given in it.
    public mutating func restart() {
        while back() {}
    }

    /// The answers that led to the current step, in order.
    public var reasons: [Reason] {
        topic.map { trace($0).reasons } ?? []
    }

    private func trace(_ topic: Topic) -> (step: Step, reasons: [Reason]) {
        var reasons: [Reason] = []
        var id = topic.start
        var visited = Set<String>()
        while visited.insert(id).inserted {
            guard let node = topic.nodes[id] else {
                return (.noRoute("topic \(topic.id) points to a node \"\(id)\" that does not exist"), reasons)
            }
            switch node {
            case .advice(let advice):
                return (adviceResult(advice, in: topic), reasons)
            case .question(let q):
                guard let value = facts[q.fact], let option = q.option(id: value) else {
                    return (.question(pending(q)), reasons)
                }
                reasons.append(Reason(factKey: q.fact, question: q.prompt, answer: option.label, optionID: option.id,
                                      askedInThisTopic: answeredInTopic.contains(q.fact)))
                id = option.next
            case .branch(let b):
                let key = b.on.factKey
                guard let value = facts[key] else {
                    switch b.on {
                    case .council: return (.question(councilQuestion()), reasons)
                    case .role: return (.question(roleQuestion()), reasons)
                    case .fact(let fact):
                        guard let next = b.defaultNext else {
                            return (.noRoute("topic \(topic.id) needs the fact \"\(fact)\" at \"\(b.id)\" before any question settles it"), reasons)
                        }
                        id = next
                        continue
                    }
                }
                switch b.on {
                case .council:
                    reasons.append(Reason(factKey: key, question: "Your council", answer: council?.name ?? value, optionID: value,
                                          askedInThisTopic: answeredInTopic.contains(key)))
                case .role:
                    reasons.append(Reason(factKey: key, question: "Your role", answer: Role(rawValue: value)?.label ?? value,
                                          optionID: value, askedInThisTopic: answeredInTopic.contains(key)))
                case .fact:
                    break  // the question that settled it is already a reason, or it came from another topic
                }
                guard let next = b.next(for: value) else {
                    return (.noRoute("topic \(topic.id) has no advice for \(key) \"\(value)\" at \"\(b.id)\""), reasons)
                }
                id = next
            }
        }
        return (.noRoute("topic \(topic.id) loops at \"\(id)\""), reasons)
    }

    private func quotes(_ citations: [Citation]) -> [QuotedClause] {
        guard let council else { return [] }
        return citations.compactMap { citation in
            guard citation.council == council.id, let clause = council.clause(id: citation.clause) else { return nil }
            return QuotedClause(council: council, clause: clause, note: citation.note)
        }
    }

    private func pending(_ q: Question) -> PendingQuestion {
        PendingQuestion(kind: .topic, factKey: q.fact, nodeID: q.id, prompt: q.prompt, why: q.why.text,
                        whyClauses: quotes(q.why.cites), help: q.help, options: q.options)
    }

    private func adviceResult(_ advice: Advice, in topic: Topic) -> Step {
        guard let council else { return .question(councilQuestion()) }
        return .advice(AdviceResult(topicID: topic.id, topicTitle: topic.title, nodeID: advice.id, councilID: council.id,
                                    councilName: council.name, protocolVersion: council.version, verdict: advice.verdict,
                                    headline: advice.headline, summary: advice.summary, steps: advice.steps,
                                    quotes: quotes(advice.citations), silent: advice.silent))
    }

    public func councilQuestion() -> PendingQuestion {
        PendingQuestion(kind: .council, factKey: "council", nodeID: nil, prompt: "Which council are you with?",
                        why: "Each council has its own protocol, and Probity quotes only yours.", whyClauses: [],
                        help: "Choose the council whose protocol applies to you. You can change it later with `council ID`.",
                        options: knowledge.councils.map { AnswerOption(id: $0.id, label: $0.name, next: "") })
    }

    public func roleQuestion() -> PendingQuestion {
        PendingQuestion(kind: .role, factKey: "role", nodeID: nil, prompt: "Are you a councillor or a council employee?",
                        why: "The protocol puts different duties on members and on officers.", whyClauses: [],
                        help: "A councillor (elected or co-opted member) is a member; anyone employed by the council, including agency staff, is an officer.",
                        options: Role.allCases.map { AnswerOption(id: $0.rawValue, label: $0.label, next: "") })
    }
}
