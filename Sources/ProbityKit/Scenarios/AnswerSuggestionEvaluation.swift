/// How proposing answers from the user's words would fare at a set of thresholds, on development scenarios only: for
/// choosing `SuggestionThresholds` without looking at the measuring halves (`probity-bench --suggest`).
///
/// Each scenario's first message is heard as the chat hears it; then, for every fact the council's advice uses that the
/// message did not settle, the proposal is judged: a fact the scenario states should be proposed with its stated
/// answer; a fact it does not state should not be proposed at all.
public struct AnswerSuggestionEvaluation: Sendable {
    struct Case {
        var id: String
        var says: String
        var fact: Fact
        /// The scenario states the fact, with this answer.
        var stated: Set<String>?
        /// The truthful answer, stated or not, when the scenario gives one.
        var truth: Set<String>?
        var evidence: [AnswerSuggester.Evidence]
    }

    /// The figures at one setting.
    public struct Figures: Sendable, CustomStringConvertible {
        public var thresholds: SuggestionThresholds
        /// Stated facts the phrases missed, and of them: proposed rightly, proposed wrongly, not proposed.
        public var missed = 0, right = 0, wrong = 0, cold = 0
        /// Proposals on facts the scenario does not state: in all, and of them against its truthful answer.
        public var unstated = 0, unstatedAgainstTruth = 0

        public var description: String {
            String(
                format:
                    "sim %.2f margin %.2f | stated facts missed %d: proposed right %d, wrong %d, cold %d | proposals on unstated facts %d (%d against the truth)",
                thresholds.similarity, thresholds.margin, missed, right, wrong, cold, unstated, unstatedAgainstTruth)
        }
    }

    let cases: [Case]

    /// - Parameter coverFrom: see `MeaningThresholds.coverFrom` (tried: 0.7, cover alone from that cosine on).
    public init(knowledge: KnowledgeBase, scenarios: [(council: String, scenario: Scenario)], coverFrom: Float = 1) {
        var cases: [Case] = []
        guard let vectors = knowledge.wordVectors else {
            self.cases = []
            return
        }
        for (council, scenario) in scenarios {
            guard var session = try? Session(knowledge: knowledge, council: council, role: scenario.role),
                let topic = knowledge.topic(id: scenario.topic)
            else { continue }
            session.begin(topic: topic)
            _ = session.learn(from: scenario.says)
            let stated = scenario.keyed(scenario.stated, in: knowledge)
            let truth = scenario.keyed(scenario.answers, in: knowledge).merging(stated) { _, s in s }
            let spokenOf = session.spokenOf
            for fact in Self.asked(&session, truth: truth) {
                let evidence = AnswerSuggester.evidence(
                    for: fact, in: [scenario.says], spokenOf: spokenOf, vectors: vectors, meanings: knowledge.meanings, coverFrom: coverFrom)
                cases.append(
                    Case(
                        id: "\(council)/\(scenario.id)", says: scenario.says, fact: fact, stated: stated[fact.key], truth: truth[fact.key],
                        evidence: evidence))
            }
        }
        self.cases = cases
    }

    /// The facts the walk asks, in order, when every question is answered truthfully (as `ScenarioRunner` does);
    /// it stops at a question the scenario does not answer.
    static func asked(_ session: inout Session, truth: [String: Set<String>]) -> [Fact] {
        var asked: [Fact] = []
        for _ in 0..<40 {
            guard case .question(let question)? = session.step, question.kind == .topic, let fact = session.knowledge.fact(key: question.factKey),
                let answer = truth[question.factKey]
            else { break }
            asked.append(fact)
            guard (try? session.answer(answer.sorted().joined(separator: ", "))) != nil else { break }
        }
        return asked
    }

    public func figures(_ thresholds: SuggestionThresholds) -> Figures {
        var f = Figures(thresholds: thresholds)
        for c in cases {
            let proposal = AnswerSuggester.choose(c.evidence, fact: c.fact, thresholds: thresholds)
            if let stated = c.stated {
                f.missed += 1
                switch proposal {
                case nil: f.cold += 1
                case let p? where stated.contains(p.optionID): f.right += 1
                default: f.wrong += 1
                }
            } else if let proposal {
                f.unstated += 1
                if let truth = c.truth, !truth.contains(proposal.optionID) { f.unstatedAgainstTruth += 1 }
            }
        }
        return f
    }

    /// Every proposal at `thresholds`, judged, with the sentence it quotes: for reading what it gets wrong.
    public func lines(_ thresholds: SuggestionThresholds) -> [String] {
        cases.compactMap { c in
            guard let p = AnswerSuggester.choose(c.evidence, fact: c.fact, thresholds: thresholds) else {
                return c.stated.map { "COLD \(c.id) \(c.fact.key) stated \($0.sorted().joined(separator: ","))" }
            }
            let judged: String
            if let stated = c.stated {
                judged = stated.contains(p.optionID) ? "RIGHT" : "WRONG (stated \(stated.sorted().joined(separator: ",")))"
            } else {
                judged = "UNSTATED" + (c.truth.map { $0.contains(p.optionID) ? " (agrees with the truth)" : " (AGAINST the truth)" } ?? "")
            }
            return String(format: "%@ %@ %@=%@ %.2f/%.2f \"%@\"", judged, c.id, c.fact.key, p.optionID, p.score, p.margin, p.said)
        }
    }

    /// For one message: each fact of the topic it leaves unsettled, with its nearest option and clause (how near, by
    /// how much), and the proposal at `thresholds` if any.
    public static func explain(
        _ text: String, knowledge: KnowledgeBase, council: String, role: Role, topic: String, thresholds: SuggestionThresholds, coverFrom: Float = 1
    ) -> [String] {
        guard let vectors = knowledge.wordVectors, var session = try? Session(knowledge: knowledge, council: council, role: role),
            let topic = knowledge.topic(id: topic)
        else { return ["no vectors, council or topic"] }
        session.begin(topic: topic)
        _ = session.learn(from: text)
        return session.relevantFacts.filter { session.facts[$0.key] == nil }.map { fact in
            let evidence = AnswerSuggester.evidence(
                for: fact, in: [text], spokenOf: session.spokenOf, vectors: vectors, meanings: knowledge.meanings, coverFrom: coverFrom)
            let proposal = AnswerSuggester.choose(evidence, fact: fact, thresholds: thresholds)
            let lines = evidence.sorted { $0.score > $1.score }.prefix(3).map {
                String(format: "    %@ %.2f (next %.2f) \"%@\"", $0.option, $0.score, $0.runnerUp, $0.said)
            }
            return
                ([fact.key + ": " + (proposal.map { String(format: "PROPOSE %@ (%.2f, margin %.2f)", $0.optionID, $0.score, $0.margin) } ?? "nothing")] + lines)
                .joined(separator: "\n")
        }
    }
}
