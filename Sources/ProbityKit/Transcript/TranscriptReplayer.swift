/// Walks a transcript's recorded answers again against the knowledge in use now, and says, for each piece of
/// advice given, whether the advice, the verdict or any quoted text would now differ — clause by clause.
public struct TranscriptReplayer: Sendable {
    public var knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

    /// The facts as the conversation had them at each piece of advice.
    struct Replayed {
        var time: String
        var advised: ConversationEvent.Advised
        var role: String?
        var facts: [String: String]
    }

    public func replay(_ document: TranscriptDocument) -> ReplayReport {
        let replayed = Self.walk(document)
        return ReplayReport(transcript: document.id, started: document.header?.started, findings: replayed.map(compare))
    }

    /// Follows the events as the engine did: answers settle facts, `back` and `restart` undo them.
    static func walk(_ document: TranscriptDocument) -> [Replayed] {
        var facts: [String: String] = [:]
        var answeredInTopic: [String] = []
        var result: [Replayed] = []
        if let council = document.header?.council { facts["council"] = council }
        if let role = document.header?.role { facts["role"] = role }
        for (time, event) in document.events {
            switch event {
            case .started(let council, let role):
                if let council { facts["council"] = council }
                if let role { facts["role"] = role }
            case .councilSet(let council, _):
                facts["council"] = council
            case .roleSet(let role):
                facts["role"] = role
            case .topicStarted:
                answeredInTopic = []
            case .answered(_, let fact, let option, _, _):
                facts[fact] = option
                answeredInTopic.append(fact)
            case .wentBack(_, let fact):
                if let fact {
                    if let i = answeredInTopic.lastIndex(of: fact) { answeredInTopic.remove(at: i) }
                    facts[fact] = nil
                } else if let last = answeredInTopic.popLast() {
                    facts[last] = nil
                }
            case .restarted:
                while let last = answeredInTopic.popLast() { facts[last] = nil }
            case .advised(let advised):
                result.append(Replayed(time: time, advised: advised, role: facts["role"], facts: facts))
            default:
                break
            }
        }
        return result
    }

    func compare(_ r: Replayed) -> ReplayFinding {
        let recorded = r.advised
        var finding = ReplayFinding(
            time: r.time, topic: recorded.topic, council: recorded.council,
            recordedVersion: recorded.protocolVersion, recordedVerdict: recorded.verdict,
            recordedHeadline: recorded.headline)
        guard let council = knowledge.council(id: recorded.council) else {
            finding.problems.append("Probity no longer knows the council \"\(recorded.council)\"")
            return finding
        }
        finding.currentVersion = council.version
        if council.version != recorded.protocolVersion,
            let then = knowledge.versions(of: council.id).first(where: { $0.version == recorded.protocolVersion })
        {
            // The version quoted then is still known: the words recorded should be its words.
            finding.recordedTextDiffersFromItsVersion = recorded.quotes.filter { quote in
                then.clause(id: quote.clause).map { $0.text != quote.text } ?? true
            }.map(\.reference)
        }
        var session: Session
        do {
            session = try Session(knowledge: knowledge, council: council.id, role: r.role.flatMap(Role.init(rawValue:)))
            try session.begin(topicID: recorded.topic)
        } catch {
            finding.problems.append("the topic \"\(recorded.topic)\" is no longer in the knowledge")
            finding.clauses = recorded.quotes.map { clauseComparison(recorded: $0, council: council, currentlyQuoted: nil) }
            return finding
        }
        guard session.topic != nil else { return finding }
        for (key, option) in r.facts.sorted(by: { $0.key < $1.key }) where key != "council" && key != "role" {
            // A fact by its key; a record made before facts had names of their own keys it by the question's node.
            let node = Fact.localID(ofKey: key)
            let treeFact: String? = session.currentTree.flatMap { tree in
                if case .question(let q)? = tree.nodes[node] { q.fact } else { nil }
            }
            guard let fact = session.knowledge.fact(key: key) ?? treeFact.flatMap(session.knowledge.fact(key:)) else { continue }
            guard FactValue.options(option).allSatisfy({ fact.option(id: $0) != nil }) else {
                finding.problems.append("the answer \"\(option)\" to \"\(fact.prompt.member)\" is no longer one of its options")
                continue
            }
            try? session.setAnswer(fact.key, option: option)
        }
        switch session.step {
        case .advice(let now)?:
            finding.currentNode = now.nodeID
            finding.currentVerdict = now.verdict.rawValue
            finding.currentHeadline = now.headline
            let nowByClause = Dictionary(now.quotes.map { ($0.clause.id, $0) }, uniquingKeysWith: { a, _ in a })
            var comparisons = recorded.quotes.map { clauseComparison(recorded: $0, council: council, currentlyQuoted: nowByClause[$0.clause] != nil) }
            let recordedIDs = Set(recorded.quotes.map(\.clause))
            for quote in now.quotes where !recordedIDs.contains(quote.clause.id) {
                comparisons.append(
                    ClauseComparison(
                        clause: quote.clause.id, reference: quote.clause.fullReference,
                        change: .newlyQuoted, recordedText: nil, currentText: quote.clause.text))
            }
            finding.clauses = comparisons
            if recorded.node != now.nodeID { finding.problems.append("the answers now lead to different advice (\(now.nodeID), was \(recorded.node))") }
        case .question(let q)?:
            finding.problems.append("the advice would now need another answer first: \"\(q.prompt)\"")
            finding.clauses = recorded.quotes.map { clauseComparison(recorded: $0, council: council, currentlyQuoted: nil) }
        case .noRoute(let text)?:
            finding.problems.append("the knowledge no longer reaches advice: \(text)")
            finding.clauses = recorded.quotes.map { clauseComparison(recorded: $0, council: council, currentlyQuoted: nil) }
        case nil:
            break
        }
        return finding
    }

    private func clauseComparison(recorded quote: ConversationEvent.Advised.Quote, council: Council, currentlyQuoted: Bool?) -> ClauseComparison {
        guard let clause = council.clause(id: quote.clause) else {
            return ClauseComparison(
                clause: quote.clause, reference: quote.reference, change: .removedFromProtocol,
                recordedText: quote.text, currentText: nil)
        }
        let textChanged = clause.text != quote.text
        let change: ClauseComparison.Change
        switch (textChanged, currentlyQuoted) {
        case (true, _): change = .textChanged
        case (false, false?): change = .noLongerQuoted
        default: change = .unchanged
        }
        var comparison = ClauseComparison(
            clause: quote.clause, reference: clause.fullReference, change: change,
            recordedText: quote.text, currentText: clause.text)
        comparison.stillQuoted = currentlyQuoted
        return comparison
    }
}
