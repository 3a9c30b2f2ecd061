/// Measures a router against a held-out set of questions: top-1 and top-3 accuracy on questions
/// that have a topic, and the rejection rate on questions that should match nothing.
public struct RoutingEvaluation: Sendable {
    /// One held-out question and the topic it should reach (nil: no topic should match).
    public struct Case: Sendable, Equatable {
        public var question: String
        public var expected: String?
        public var line: Int

        public init(question: String, expected: String?, line: Int = 0) {
            self.question = question
            self.expected = expected
            self.line = line
        }
    }

    /// A question that went wrong, for the report.
    public struct Miss: Sendable, Equatable {
        public var question: String
        public var expected: String?
        public var decision: String
        public var ranked: [String]
    }

    public var onTopic = 0
    public var topOne = 0
    public var topThree = 0
    /// On-topic questions the router refused (counted as top-1 misses).
    public var falseRejections = 0
    public var offTopic = 0
    public var offTopicRejected = 0
    /// Questions whose expected topic is not in the knowledge, so could not be scored.
    public var skipped = 0
    public var misses: [Miss] = []

    public var topOneAccuracy: Double { onTopic == 0 ? 0 : Double(topOne) / Double(onTopic) }
    public var topThreeAccuracy: Double { onTopic == 0 ? 0 : Double(topThree) / Double(onTopic) }
    public var rejectionRate: Double { offTopic == 0 ? 0 : Double(offTopicRejected) / Double(offTopic) }

    /// Reads `EXPECTED<TAB>QUESTION` lines; `#` starts a comment; `none` expects no match.
    public static func parse(_ text: String) throws(ParseError) -> [Case] {
        var cases: [Case] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else { throw ParseError(line: n + 1, text: String(raw)) }
            let expected = String(fields[0]).trimmingWhitespace()
            cases.append(Case(question: String(fields[1]).trimmingWhitespace(), expected: expected == "none" ? nil : expected, line: n + 1))
        }
        return cases
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var text: String
        public var description: String { "line \(line) is not TOPIC<TAB>QUESTION: \(text)" }
    }

    /// Routes every case. Cases for topics the knowledge lacks are skipped, not failed. With `outOfScope`, a question the
    /// scope catalogue refers (`ScopeReferral`, as the chat and `probity ask` do) counts as refused.
    public init(router: Router, cases: [Case], knownTopics: Set<String>, outOfScope: [OutOfScopeSubject] = []) {
        let scope = ScopeReferral(subjects: outOfScope)
        for c in cases {
            if let expected = c.expected, !knownTopics.contains(expected) {
                skipped += 1
                continue
            }
            let ranked = router.rank(c.question, limit: 5)
            var decision = router.thresholds.decide(ranked)
            if case .referred? = scope.decide(c.question, routing: decision, router: router) { decision = .noMatch(nearest: []) }
            let ids = ranked.map(\.topicID)
            let rejected: Bool
            let label: String
            switch decision {
            case .clear(let best):
                rejected = false
                label = "clear \(best.topicID)"
            case .choose(let close):
                rejected = false
                label = "choose " + close.map(\.topicID).joined(separator: "/")
            case .noMatch:
                rejected = true
                label = "no match"
            }
            guard let expected = c.expected else {
                offTopic += 1
                if rejected {
                    offTopicRejected += 1
                } else {
                    misses.append(Miss(question: c.question, expected: nil, decision: label, ranked: ids))
                }
                continue
            }
            onTopic += 1
            if rejected { falseRejections += 1 }
            let first = !rejected && ids.first == expected
            if first { topOne += 1 }
            if ids.prefix(3).contains(expected) { topThree += 1 }
            if !first { misses.append(Miss(question: c.question, expected: expected, decision: label, ranked: ids)) }
        }
    }

    /// Cross-validation on the topics' own example phrasings: the examples are cut into `folds`
    /// parts; each part is routed by a router built without it (and so are the background questions, which should be
    /// refused). For choosing weights without
    /// looking at the held-out questions. `foldVectors`, when given, holds for each fold word vectors distilled
    /// without that fold's examples (`scripts/distil-vectors.py --folds`): the shipped vectors were fitted on every
    /// example, so with them the held-out part is not quite unseen. `scoped`: the scope catalogue's referrals count as
    /// refusals (`ScopeReferral`), as they do for the user.
    public static func crossValidate(
        knowledge: KnowledgeBase, folds: Int = 5, thresholds: RoutingThresholds = .standard,
        weights: RoutingWeights = .standard, foldVectors: [WordVectors]? = nil, scoped: Bool = true
    ) -> RoutingEvaluation {
        var total = RoutingEvaluation()
        let known = Set(knowledge.topics.map(\.id))
        for (trained, cases) in split(knowledge: knowledge, folds: folds, foldVectors: foldVectors) {
            // Without the sentence encoder's second stage: its regression was trained on every example, this fold's
            // too (scripts/encoder-routing-part.py cross-fits it instead).
            let router = Router(knowledge: trained, thresholds: thresholds, weights: weights).withoutSecondStage()
            total.add(RoutingEvaluation(router: router, cases: cases, knownTopics: known, outOfScope: scoped ? knowledge.outOfScope : []))
        }
        return total
    }

    /// The same cross-validation's ranking parts (`RankingParts`), each held-out case with its fold, for fitting a
    /// combination of them (`probity-bench --dump-features`); nil parts for a question with no weight at all.
    public static func crossValidatedParts(
        knowledge: KnowledgeBase, folds: Int = 5, weights: RoutingWeights = .standard, foldVectors: [WordVectors]? = nil
    ) -> [(fold: Int, case: Case, parts: RankingParts?)] {
        var result: [(fold: Int, case: Case, parts: RankingParts?)] = []
        for (fold, (trained, cases)) in split(knowledge: knowledge, folds: folds, foldVectors: foldVectors).enumerated() {
            let router = Router(knowledge: trained, weights: weights)
            for c in cases { result.append((fold, c, router.parts(c.question))) }
        }
        return result
    }

    /// The folds: for each, the knowledge without its examples and background questions, and those held out as cases.
    static func split(knowledge: KnowledgeBase, folds: Int, foldVectors: [WordVectors]?) -> [(KnowledgeBase, [Case])] {
        (0..<max(folds, 2)).map { fold in
            var training = knowledge.topics
            var cases: [Case] = []
            for t in training.indices {
                var kept: [String] = []
                for (i, example) in training[t].examples.enumerated() {
                    if i % folds == fold { cases.append(Case(question: example, expected: training[t].id, line: i)) } else { kept.append(example) }
                }
                training[t].examples = kept
            }
            // The background questions are cut the same way: the held-out part should be refused.
            var background: [String] = []
            for (i, question) in knowledge.background.enumerated() {
                if i % folds == fold { cases.append(Case(question: question, expected: nil, line: i)) } else { background.append(question) }
            }
            let vectors = foldVectors.map { $0.indices.contains(fold) ? $0[fold] : nil }
            return (knowledge.with(topics: training, background: background, wordVectors: vectors), cases)
        }
    }

    private init() {}

    private mutating func add(_ other: RoutingEvaluation) {
        onTopic += other.onTopic
        topOne += other.topOne
        topThree += other.topThree
        falseRejections += other.falseRejections
        offTopic += other.offTopic
        offTopicRejected += other.offTopicRejected
        skipped += other.skipped
        misses += other.misses
    }

    /// A plain summary: the three figures, then each miss.
    public func summary(showMisses: Bool = true) -> String {
        func percent(_ x: Double) -> String {
            let tenths = Int((x * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var lines = [
            "top-1 accuracy:     \(percent(topOneAccuracy)) (\(topOne)/\(onTopic))",
            "top-3 accuracy:     \(percent(topThreeAccuracy)) (\(topThree)/\(onTopic))",
            "off-topic rejected: \(percent(rejectionRate)) (\(offTopicRejected)/\(offTopic))",
            "on-topic rejected:  \(falseRejections)/\(onTopic)",
        ]
        if skipped > 0 { lines.append("skipped (topic not in the knowledge): \(skipped)") }
        if showMisses {
            for miss in misses {
                lines.append(
                    "  miss: [\(miss.expected ?? "none")] \(miss.question) → \(miss.decision); ranked \(miss.ranked.prefix(3).joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
