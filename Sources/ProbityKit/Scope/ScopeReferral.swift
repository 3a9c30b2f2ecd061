/// The scope catalogue's part in deciding whether a question is refused: one rule for the chat, `probity ask` and
/// every routing measure (cross-validation, development and held-out sets).
///
/// A question carrying a signal of a subject the protocols do not cover ("can I accept a bottle of wine from a
/// contractor?") is referred to where that subject's rule lives, not routed, unless it routes clearly to a topic and
/// its rest, without the signal's words, still leads there ("does the code of conduct apply on the outside body I sit
/// on?" is about outside bodies: the subject is then said in passing).
public struct ScopeReferral: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Not routed: the subject's reply instead.
        case referred(OutOfScopeSubject)
        /// Routed to its topic; the subject is mentioned on the way.
        case aside(OutOfScopeSubject)
    }

    let matcher: OutOfScopeMatcher

    /// A question keeps its topic despite a subject's signal only when this many words besides the signal still route it.
    static let minimumRestWords = 3

    public init(subjects: [OutOfScopeSubject]) {
        matcher = OutOfScopeMatcher(subjects: subjects)
    }

    /// What the scope catalogue says about `text`, given `router`'s decision on it; nil when no subject's signal is in it.
    public func decide(_ text: String, routing: RoutingDecision, router: Router) -> Outcome? {
        guard let match = matcher.match(in: text) else { return nil }
        let subject = matcher.subjects[match.subject]
        let rest = OutOfScopeMatcher.words(text).enumerated()
            .filter { !match.range.contains($0.offset) }.map(\.element).joined(separator: " ")
        let restWords = TextNormaliser.analyse(rest).filter { !$0.isStop }.count
        // Decided on the hand-set order: the sentence encoder's second stage says which topic a routed question is
        // about, never whether it is referred (the rest, with fewer words, is not what the stage was chosen on).
        let handSet = router.withoutSecondStage()
        let whole = router.secondStage == nil ? routing : handSet.route(text)
        if restWords >= Self.minimumRestWords, case .clear(let best) = whole, Self.leadsTo(best.topicID, handSet.route(rest)) {
            return .aside(subject)
        }
        return .referred(subject)
    }

    /// Whether the rest of a question, without an out-of-scope subject's words, still routes to `topic`: clearly, or as the
    /// first of a close choice (the whole question went there clearly; the rest has fewer words to tell close topics apart).
    static func leadsTo(_ topic: String, _ decision: RoutingDecision) -> Bool {
        switch decision {
        case .clear(let best): return best.topicID == topic
        case .choose(let close): return close.first?.topicID == topic
        case .noMatch: return false
        }
    }
}
