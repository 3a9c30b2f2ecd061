/// A conversation's state: the facts known so far and the topic being walked.
/// The same engine serves the chat and `probity walk`.
public struct Session: Sendable {
    public let knowledge: KnowledgeBase
    /// Everything settled so far: `council`, `role`, shared facts and each topic's own answers
    /// (several options of a `multiple` fact are joined by commas).
    public private(set) var facts: [String: String] = [:]
    public private(set) var topic: Topic?
    /// The facts settled while walking the current topic, oldest first; `back` undoes the last.
    public private(set) var answeredInTopic: [String] = []

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownCouncil(String, known: [String])
        /// The council's folder has not passed the knowledge gate: what `validate` finds in it.
        case unsoundCouncil(String, issues: [KnowledgeIssue], directory: String)
        case unknownTopic(String, known: [String])
        case noQuestion
        case notAnOption(String, question: String, options: [String])
        case ambiguous(String, options: [String])
        case unknownFact(String, known: [String])

        public var description: String {
            switch self {
            case .unknownCouncil(let text, let known) where known.isEmpty:
                "\"\(text)\" is not a council Probity knows; type its name or id"
            case .unknownCouncil(let text, let known):
                "\"\(text)\" is not a council Probity knows; choose one of: \(known.joined(separator: ", "))"
            case .unsoundCouncil(_, let issues, let directory):
                KnowledgeError(issues: issues, directory: directory).description
            case .unknownTopic(let text, let known):
                "\"\(text)\" is not a topic. \(Suggestions.sentence(for: text, among: known))"
            case .noQuestion:
                "there is no question waiting for an answer"
            case .notAnOption(let text, let question, let options):
                "\"\(text)\" is not an answer to \"\(question)\"; answer with a number or an option's id. \(Suggestions.sentence(for: text, among: options))"
            case .ambiguous(let text, let options):
                "\"\(text)\" could mean \(options.joined(separator: " or ")); type a little more, or the number"
            case .unknownFact(let text, let known):
                "\"\(text)\" is not a question of this topic. \(Suggestions.sentence(for: text, among: known))"
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

    /// Chooses the council `text` names, once its folder is known sound (else `.unsoundCouncil`, with `validate`'s
    /// messages: its text is never shown unchecked).
    public mutating func setCouncil(_ text: String) throws(Problem) {
        let unknown = Problem.unknownCouncil(text, known: knowledge.councilIDs.count <= KnowledgeBase.numberedCouncilLimit ? knowledge.councilIDs : [])
        guard let id = knowledge.councilID(named: text) else { throw unknown }
        let issues = knowledge.issues(council: id)
        guard issues.isEmpty else { throw .unsoundCouncil(id, issues: issues, directory: knowledge.directory) }
        guard knowledge.council(id: id) != nil else { throw unknown }
        facts["council"] = id
    }

    public mutating func setRole(_ role: Role) {
        facts["role"] = role.rawValue
    }

    /// The facts the current topic can learn: its own and the shared ones.
    public var topicFacts: [Fact] {
        topic.map { knowledge.facts(of: $0) } ?? knowledge.sharedFacts
    }

    /// Settles a fact directly, as `walk --answer` does; `key` is a fact's id, its session key or a question's node id.
    /// A `multiple` fact takes several options separated by commas.
    public mutating func setAnswer(_ key: String, option text: String) throws(Problem) {
        if key == "council" {
            try setCouncil(text)
            return
        }
        if key == "role" {
            guard let role = Role(argument: text) else {
                throw .notAnOption(text, question: "role", options: Role.allCases.map(\.rawValue))
            }
            setRole(role)
            return
        }
        guard topic != nil else { throw .noQuestion }
        let nodeFact = currentTree.flatMap { tree -> String? in
            if case .question(let q)? = tree.nodes[key] { q.fact } else { nil }
        }
        guard let fact = topicFacts.first(where: { $0.key == key || $0.localID == key || $0.key == nodeFact }) else {
            throw .unknownFact(key, known: topicFacts.map(\.localID))
        }
        let options = fact.options.map { AnswerOption(id: $0.id, label: $0.label, next: "") }
        let parts = fact.multiple ? text.split(separator: ",").map(String.init) : [text]
        var chosen: [String] = []
        for part in parts {
            switch OptionMatcher.match(part, in: options) {
            case .option(let option): chosen.append(option.id)
            case .ambiguous(let found): throw .ambiguous(part, options: found.map(\.id))
            case .none: throw .notAnOption(part, question: fact.localID, options: fact.options.map(\.id))
            }
        }
        // Kept in the catalogue's order (most significant first), which is the order a walk follows.
        facts[fact.key] = FactValue.joined(fact.options.map(\.id).filter(chosen.contains))
    }

    /// The facts that matter to the council's advice on the current topic: those its questions ask, its branches follow
    /// and its rules name, and the shared ones. Every fact of the topic while the council is not yet known.
    public var relevantFacts: [Fact] {
        guard let tree = currentTree else { return topicFacts }
        var used = Set<String>()
        // Only what this role can reach: a member is not told what an officer's branch would have asked.
        var queue = [tree.start]
        var seen = Set<String>()
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = tree.nodes[id] else { continue }
            switch node {
            case .question(let q):
                used.insert(q.fact)
                queue += q.options.map(\.next) + (q.defaultNext.map { [$0] } ?? [])
            case .branch(let b):
                if case .role = b.on, let role {
                    if let next = b.next(for: role.rawValue) { queue.append(next) }
                } else {
                    used.insert(b.on.factKey)
                    queue += b.cases.map(\.next) + (b.defaultNext.map { [$0] } ?? [])
                }
            case .advice: break
            }
        }
        // A rule's fact counts unless only the other role's branch asks it.
        let askedAnywhere = Set(tree.questions.map(\.fact))
        for rule in tree.rules where (rule.role == nil || rule.role == role) && !askedAnywhere.contains(rule.fact) {
            used.insert(rule.fact)
        }
        return topicFacts.filter { $0.isShared || used.contains($0.key) }
    }

    /// The facts the council's advice on the current topic asks or branches on (not those only its rules name): the
    /// council's own wording of a situation, said back before another council's parallel fact that a rule names.
    public var askedFacts: Set<String> {
        guard let tree = currentTree else { return [] }
        return Set(
            tree.nodes.values.compactMap { node -> String? in
                switch node {
                case .question(let q): q.fact
                case .branch(let b): if case .fact(let key) = b.on { key } else { nil }
                case .advice: nil
                }
            })
    }

    /// The facts that what was typed in this topic spoke of, by phrase (taken, or two options heard and left to be
    /// asked) or taken by any layer: an answer is never proposed for them from the same words.
    public private(set) var spokenOf: Set<String> = []

    /// Takes every fact that `text` states and the council's advice uses (or a shared one).
    /// Returns what was taken, to be said back; a fact already known with the same answer is not repeated.
    @discardableResult
    public mutating func learn(from text: String) -> [LearntFact] {
        var taken: [LearntFact] = []
        let heard = FactExtractor.hearing(
            in: text, among: relevantFacts, index: knowledge.phrases, synonyms: knowledge.synonymLayer, meaning: knowledge.meaningLayer)
        spokenOf.formUnion(heard.touched)
        for learnt in heard.learnt {
            let value = FactValue.joined(learnt.optionIDs)
            guard facts[learnt.factKey] != value else { continue }
            facts[learnt.factKey] = value
            answeredInTopic.removeAll { $0 == learnt.factKey }
            answeredInTopic.append(learnt.factKey)
            taken.append(learnt)
        }
        return taken
    }

    /// Forgets a fact so that it is asked again (`change`); false when it was not known.
    @discardableResult
    public mutating func forget(_ factKey: String) -> Bool {
        guard facts[factKey] != nil, factKey != "council", factKey != "role" else { return false }
        facts[factKey] = nil
        answeredInTopic.removeAll { $0 == factKey }
        return true
    }

    /// What is known of the current topic's facts, in the catalogue's order: for `change` and `why`.
    public var knownFacts: [(fact: Fact, answer: String)] {
        topicFacts.compactMap { fact in
            guard let value = facts[fact.key] else { return nil }
            return (fact, fact.answer(value))
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
        spokenOf = []
    }

    /// Leaves the current topic; the facts stay known for the next one.
    public mutating func endTopic() {
        topic = nil
        answeredInTopic = []
        spokenOf = []
    }

    /// The council's advice tree for the current topic, once both are known.
    public var currentTree: AdviceTree? {
        guard let topic, let councilID else { return nil }
        return knowledge.tree(topic: topic, council: councilID)
    }

    /// The current step of the current topic, or nil when no topic is under way.
    public var step: Step? {
        topic.map { trace($0).step }
    }

    /// Answers the waiting question with what the user typed: a number, an option's id or words;
    /// for a question that takes several answers, several of those ("1 3", "1, 3", "1 and 3").
    @discardableResult
    public mutating func answer(_ input: String) throws(Problem) -> [AnswerOption] {
        guard case .question(let pending)? = step else { throw .noQuestion }
        var chosen: [AnswerOption]
        switch OptionMatcher.match(input, in: pending.options) {
        case .option(let option):
            chosen = [option]
        case .ambiguous(let options):
            throw .ambiguous(input, options: options.map(\.label))
        case .none:
            guard pending.multiple, let several = OptionMatcher.matchSeveral(input, in: pending.options) else {
                throw .notAnOption(input, question: pending.prompt, options: pending.options.map(\.label))
            }
            chosen = several
        }
        facts[pending.factKey] = FactValue.joined(chosen.map(\.id))
        answeredInTopic.removeAll { $0 == pending.factKey }
        answeredInTopic.append(pending.factKey)
        return chosen
    }

    /// Undoes the last answer given in this topic; false when there is none.
    @discardableResult
    public mutating func back() -> Bool {
        guard let last = answeredInTopic.popLast() else { return false }
        facts[last] = nil
        return true
    }

    /// Goes back to an earlier question of this topic (by fact key, fact id or node id), undoing it and every later answer.
    @discardableResult
    public mutating func back(to key: String) -> Bool {
        let nodeFact = currentTree.flatMap { t -> String? in
            if case .question(let q)? = t.nodes[key] { q.fact } else { nil }
        }
        let factKey = nodeFact ?? topicFacts.first(where: { $0.localID == key })?.key ?? key
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

    /// The answers that led to the current step, in order, then any other known fact that brought in a rule.
    public var reasons: [Reason] {
        topic.map { trace($0).reasons } ?? []
    }

    private func trace(_ topic: Topic) -> (step: Step, reasons: [Reason]) {
        var reasons: [Reason] = []
        guard let council = council else { return (.question(councilQuestion()), reasons) }
        reasons.append(
            Reason(
                factKey: "council", question: "Your council", answer: council.name, optionID: council.id,
                askedInThisTopic: answeredInTopic.contains("council")))
        guard let tree = knowledge.tree(topic: topic, council: council.id) else {
            return (.noRoute("\(council.id) has no advice on \(topic.id)"), reasons)
        }
        var id = tree.start
        var visited = Set<String>()
        while visited.insert(id).inserted {
            guard let node = tree.nodes[id] else {
                return (.noRoute("\(tree.file) points to a node \"\(id)\" that does not exist"), reasons)
            }
            switch node {
            case .advice(let advice):
                return adviceResult(advice, tree: tree, topic: topic, council: council, reasons: reasons)
            case .question(let q):
                guard let value = facts[q.fact],
                    let option = FactValue.options(value).lazy.compactMap({ q.option(id: $0) }).first
                        ?? (q.defaultNext.map { AnswerOption(id: value, label: value, next: $0) })
                else {
                    return (.question(pending(q)), reasons)
                }
                var reason = Reason(
                    factKey: q.fact, question: q.prompt.text(for: role), answer: answerLabel(q.fact, value),
                    optionID: value, askedInThisTopic: answeredInTopic.contains(q.fact))
                reason.followedOption = option.id
                reasons.append(reason)
                id = option.next
            case .branch(let b):
                let key = b.on.factKey
                guard let value = facts[key] else {
                    switch b.on {
                    case .council: return (.question(councilQuestion()), reasons)
                    case .role: return (.question(roleQuestion()), reasons)
                    case .fact(let fact):
                        guard let next = b.defaultNext else {
                            return (.noRoute("\(tree.file) needs the fact \"\(fact)\" at \"\(b.id)\" before any question settles it"), reasons)
                        }
                        id = next
                        continue
                    }
                }
                if case .role = b.on {
                    reasons.append(
                        Reason(
                            factKey: key, question: "Your role", answer: Role(rawValue: value)?.label ?? value,
                            optionID: value, askedInThisTopic: answeredInTopic.contains(key)))
                }
                guard let next = b.next(for: value) else {
                    return (.noRoute("\(tree.file) has no advice for \(key) \"\(value)\" at \"\(b.id)\""), reasons)
                }
                id = next
            }
        }
        return (.noRoute("\(tree.file) loops at \"\(id)\""), reasons)
    }

    /// The labels of a fact's known options ("Yes", "Council business and party business").
    private func answerLabel(_ factKey: String, _ value: String) -> String {
        guard let fact = knowledge.fact(key: factKey) else { return value }
        return fact.answer(value)
    }

    private func quotes(_ citations: [Citation], council: Council) -> [QuotedClause] {
        var seen = Set<String>()
        return citations.compactMap { citation in
            guard citation.council == council.id, seen.insert(citation.clause).inserted,
                let clause = council.clause(id: citation.clause)
            else { return nil }
            return QuotedClause(council: council, clause: clause, note: citation.note)
        }
    }

    private func pending(_ q: Question) -> PendingQuestion {
        var p = PendingQuestion(
            kind: .topic, factKey: q.fact, nodeID: q.id, prompt: q.prompt.text(for: role), why: q.why.text,
            whyClauses: council.map { quotes(q.why.cites, council: $0) } ?? [], help: q.help, options: q.options)
        p.multiple = q.multiple
        return p
    }

    private func stepResult(_ step: AdviceStep, council: Council, because: String? = nil) -> AdviceStepResult {
        AdviceStepResult(
            text: step.text,
            references: step.citations.compactMap { council.clause(id: $0.clause)?.citedAs },
            isPractical: step.isPractical, because: because, isCaution: step.isCaution)
    }

    /// The advice the walk reached, with every rule that a known fact triggers.
    private func adviceResult(_ advice: Advice, tree: AdviceTree, topic: Topic, council: Council, reasons: [Reason]) -> (Step, [Reason]) {
        var reasons = reasons
        // Steps for the other side of the situation are left out (their clauses are still quoted), and a rule's step
        // is measured against the steps shown, not against one this user never sees.
        var shownSteps = advice.steps.filter { $0.isFor(role) }
        var steps = shownSteps.map { stepResult($0, council: council) }
        var citations = advice.citations + advice.steps.flatMap(\.citations)
        var seenSteps = Set(shownSteps.map(\.text))
        // A caution whose every clause the advice reached already rests on was in view when that advice was
        // written: it joins the steps instead of standing beside the verdict.
        let restsOn = Set((advice.citations + advice.steps.flatMap(\.citations)).map(\.clause))
        // The options the path itself followed: their advice is already the advice reached, so a rule on them adds nothing.
        var followed: [String: String] = [:]
        for reason in reasons { followed[reason.factKey] = reason.followedOption }
        // What a rule on the followed option would say is said by the advice reached, so the same steps carried by
        // another council's parallel fact ("a councillor asked you directly", heard as both) are not said again.
        let applicable = tree.rules.filter { $0.applies(to: facts) }.map { rule in
            (rule: rule, options: FactValue.options(facts[rule.fact] ?? "").filter(rule.values.contains))
        }
        for (rule, options) in applicable where !options.isEmpty && options.allSatisfy({ $0 == followed[rule.fact] }) {
            seenSteps.formUnion(rule.steps.map(\.text))
        }
        for (rule, options) in applicable {
            let fact = knowledge.fact(key: rule.fact)
            let chosen = options.filter { $0 != followed[rule.fact] }
            guard !chosen.isEmpty else { continue }
            let because = fact.map { f in
                ListJoiner.andSharing(chosen.compactMap { id in f.option(id: id).map { $0.says?.text(for: role) ?? $0.label.lowercasedFirst() } })
            }
            for step in rule.steps
            where step.isFor(role) && !shownSteps.contains(where: { StepRestatement.restates(step, $0) }) && seenSteps.insert(step.text).inserted {
                var result = stepResult(step, council: council, because: because.map { "you said \($0)" })
                if result.isCaution, !step.citations.isEmpty, step.citations.allSatisfy({ restsOn.contains($0.clause) }) { result.isCaution = false }
                steps.append(result)
                shownSteps.append(step)
            }
            citations += rule.steps.flatMap(\.citations) + rule.citations
            if !reasons.contains(where: { $0.factKey == rule.fact }), let fact, let value = facts[rule.fact] {
                reasons.append(
                    Reason(
                        factKey: rule.fact, question: fact.prompt.text(for: role), answer: answerLabel(rule.fact, value),
                        optionID: value, askedInThisTopic: answeredInTopic.contains(rule.fact)))
            }
        }
        let result = AdviceResult(
            topicID: topic.id, topicTitle: topic.title, nodeID: advice.id, councilID: council.id,
            councilName: council.name, protocolVersion: council.version, verdict: advice.verdict,
            headline: advice.headline.text(for: role), summary: advice.summary, steps: steps,
            quotes: quotes(citations, council: council), silent: advice.silent)
        return (.advice(result), reasons)
    }

    /// The council, asked once: a numbered list when there are few councils, otherwise by name (with Tab completion
    /// and "did you mean" in the chat), never a list of hundreds.
    public func councilQuestion() -> PendingQuestion {
        let few = knowledge.councilIDs.count <= KnowledgeBase.numberedCouncilLimit
        return PendingQuestion(
            kind: .council, factKey: "council", nodeID: nil,
            prompt: few ? "Which council are you with?" : "Which council are you with? Type its name.",
            why: "Each council has its own protocol, and Probity quotes only yours.", whyClauses: [],
            help: "Type your council's name (or the start of it; Tab completes it). You can change it later with `council NAME`.",
            options: few ? knowledge.councilNames.map { AnswerOption(id: $0.id, label: $0.name, next: "") } : [])
    }

    public func roleQuestion() -> PendingQuestion {
        PendingQuestion(
            kind: .role, factKey: "role", nodeID: nil, prompt: "Are you a councillor or a council employee?",
            why: "The protocol puts different duties on members and on officers.", whyClauses: [],
            help: "A councillor (elected or co-opted member) is a member; anyone employed by the council, including agency staff, is an officer.",
            options: Role.allCases.map { AnswerOption(id: $0.rawValue, label: $0.label, next: "") })
    }
}
