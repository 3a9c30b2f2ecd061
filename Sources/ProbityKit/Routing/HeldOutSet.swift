import Foundation

/// A blind held-out set for routing (`Tests/Fixtures/routing-heldout-v2`, `-v3`): questions written by someone who never
/// saw the router's training text, kept in three files: `on-topic.tsv` (`TOPIC<TAB>QUESTION`), `off-topic.txt` (one
/// question a line) and `out-of-scope.tsv` (`SUBJECT<TAB>QUESTION`). `#` lines and blank lines are ignored.
///
/// Whoever tunes the router sees only `Figures`, never a question: that is what keeps the set a measure.
public struct HeldOutSet: Sendable {
    public let onTopic: [RoutingEvaluation.Case]
    public let offTopic: [RoutingEvaluation.Case]
    public let outOfScope: [RoutingEvaluation.Case]

    /// Reads the set in `folder`; a missing file reads as empty, a malformed on-topic line is an error.
    public init(folder: String) throws(RoutingEvaluation.ParseError) {
        func text(_ name: String) -> String { (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
        func lines(_ name: String) -> [String] {
            text(name).split(separator: "\n").map(String.init).filter { !$0.trimmingWhitespace().isEmpty && !$0.hasPrefix("#") }
        }
        // The parser skips comments and blank lines itself, and keeps each case's line number in the file.
        onTopic = try RoutingEvaluation.parse(text("on-topic.tsv"))
        offTopic = lines("off-topic.txt").map { RoutingEvaluation.Case(question: $0, expected: nil) }
        outOfScope = lines("out-of-scope.tsv").compactMap { line in
            line.split(separator: "\t", maxSplits: 1).last.map { RoutingEvaluation.Case(question: String($0), expected: nil) }
        }
    }

    /// Every question of the set, whatever its file.
    public var questions: [String] { (onTopic + offTopic + outOfScope).map(\.question) }

    /// The aggregate figures of `router` on the set. Out-of-scope questions count as refused when no topic is chosen;
    /// with `outOfScope` (the catalogue's subjects), a question the scope catalogue refers counts as refused, as the user
    /// sees it (`ScopeReferral`).
    public func figures(_ router: Router, knownTopics: Set<String>, outOfScope subjects: [OutOfScopeSubject] = []) -> Figures {
        Figures(
            onTopic: RoutingEvaluation(router: router, cases: onTopic, knownTopics: knownTopics, outOfScope: subjects),
            offTopic: RoutingEvaluation(router: router, cases: offTopic, knownTopics: knownTopics, outOfScope: subjects),
            outOfScope: RoutingEvaluation(router: router, cases: outOfScope, knownTopics: knownTopics, outOfScope: subjects))
    }

    /// What may be shown of a held-out run: counts and rates, never a question.
    public struct Figures: Sendable {
        public let onTopic: RoutingEvaluation
        public let offTopic: RoutingEvaluation
        public let outOfScope: RoutingEvaluation

        public var wronglyRefusedRate: Double { Double(onTopic.falseRejections) / Double(max(onTopic.onTopic, 1)) }

        public var summary: String {
            String(
                format:
                    "%d on-topic: top-1 %.1f%%, top-3 %.1f%%, wrongly refused %.1f%% (%d); off-topic refused %.1f%% (%d/%d); out-of-scope not routed to a topic %.1f%% (%d/%d)",
                onTopic.onTopic, onTopic.topOneAccuracy * 100, onTopic.topThreeAccuracy * 100, wronglyRefusedRate * 100,
                onTopic.falseRejections, offTopic.rejectionRate * 100, offTopic.offTopicRejected, offTopic.offTopic,
                outOfScope.rejectionRate * 100, outOfScope.offTopicRejected, outOfScope.offTopic)
        }
    }
}
