/// How the decision model treats development questions (never the held-out sets): single questions wrongly split
/// in two or wrongly referred out of scope, off-topic questions offered a "nearest topic", and how many messages made
/// of two development questions on different topics are split into exactly those two.
public struct TriageEvaluation: Sendable {
    /// Single questions on a topic: what the triage did with each.
    public var single: Int = 0
    public var falseSplits: [String] = []
    public var falseReferrals: [String] = []
    /// On-topic questions no topic was chosen for, and of those, how many were offered their topic as a nearest one.
    public var refused: Int = 0
    public var refusedOfferedTheirTopic: Int = 0
    /// Off-topic questions.
    public var offTopic: Int = 0
    public var offTopicShownNearest: [String] = []
    public var offTopicChosen: [String] = []
    /// Pairs of on-topic questions joined into one message.
    public var pairs: Int = 0
    public var pairsSplitRight: Int = 0
    /// Pairs noticed as two questions at all, whatever topics the parts went to.
    public var pairsNoticed: Int = 0
    public var pairMisses: [String] = []
    /// The same pairs as two questions, each ending in "?".
    public var questionPairsSplitRight: Int = 0

    /// - Parameters:
    ///   - onTopic: single questions, each with the topic it is about.
    ///   - offTopic: questions no topic covers.
    public init(triage: QuestionTriage, onTopic: [(question: String, topic: String)], offTopic: [String]) {
        for (question, topic) in onTopic {
            single += 1
            let decision = triage.decide(question)
            if case .none(let nearest, _) = decision.outcome {
                refused += 1
                if nearest.contains(where: { $0.topicID == topic }) { refusedOfferedTheirTopic += 1 }
            }
            if decision.split != nil { falseSplits.append(question) }
            if decision.referral != nil { falseReferrals.append(question) }
        }
        for question in offTopic {
            self.offTopic += 1
            switch triage.decide(question).outcome {
            case .none(let nearest, _): if !nearest.isEmpty { offTopicShownNearest.append(question) }
            default: offTopicChosen.append(question)
            }
        }
        // Each question joined to the next one about another topic: "A, and also B".
        for (i, a) in onTopic.enumerated() {
            guard let b = onTopic[(i + 1)...].first(where: { $0.topic != a.topic }) else { continue }
            pairs += 1
            let message = "\(Self.clause(a.question)), and also \(Self.clause(b.question))"
            let split = triage.decide(message).split
            if split != nil { pairsNoticed += 1 }
            if split?.firstTopic.topicID == a.topic, split?.secondTopic.topicID == b.topic {
                pairsSplitRight += 1
            } else {
                pairMisses.append(message)
            }
            let asked = triage.decide("\(Self.clause(a.question))? \(Self.clause(b.question))?").split
            if asked?.firstTopic.topicID == a.topic, asked?.secondTopic.topicID == b.topic { questionPairsSplitRight += 1 }
        }
    }

    /// A question without its final punctuation, so that two read as one sentence.
    static func clause(_ text: String) -> String {
        var t = text.trimmingWhitespace()
        while let last = t.last, ".?!".contains(last) { t.removeLast() }
        return t
    }

    public var summary: String {
        func pct(_ n: Int, _ d: Int) -> String { d == 0 ? "-" : String(Double((n * 1000) / d) / 10) + "%" }
        return """
            single questions split in two: \(falseSplits.count)/\(single) (\(pct(falseSplits.count, single)))
            single questions referred out of scope: \(falseReferrals.count)/\(single) (\(pct(falseReferrals.count, single)))
            single questions refused: \(refused)/\(single), of which offered their topic as a nearest one: \(refusedOfferedTheirTopic)
            off-topic questions offered a nearest topic: \(offTopicShownNearest.count)/\(offTopic); taken into a topic: \(offTopicChosen.count)/\(offTopic)
            two questions joined ("A, and also B"), split into exactly A's and B's topics: \(pairsSplitRight)/\(pairs) (\(pct(pairsSplitRight, pairs))); noticed as two at all: \(pairsNoticed)/\(pairs)
            two questions asked one after the other ("A? B?"), split into exactly A's and B's topics: \(questionPairsSplitRight)/\(pairs) (\(pct(questionPairsSplitRight, pairs)))
            """
    }
}
