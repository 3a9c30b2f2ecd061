/// Decides what to do with a question: the one decision model behind `probity ask` and the chat.
///
/// 0. A chat command, or a slip for one (`topcis`, `cancel`, `stop`), is never routed: the chat runs it or asks "Did
///    you mean `topics`?" before anything is routed, and `probity ask` says so.
/// 1. A subject the protocols do not cover ("can I accept a bottle of wine from a contractor?") is referred to
///    where its rule lives, unless the question routes clearly to a topic and still leads there once the subject's
///    words are taken out ("does the code of conduct apply on the outside body I sit on?" is about outside bodies):
///    `ScopeReferral`, the same rule every routing measure applies.
/// 2. Two questions in one message, each clearly about a different topic, are split: the first is taken.
/// 3. Otherwise the router's decision: a clear topic, a choice, or none. With none, the nearest topics are kept
///    only when they are plausibly what was meant (`plausibleScore`).
public struct QuestionTriage: Sendable {
    public let router: Router
    let scope: ScopeReferral
    let splitter: QuestionSplitter
    /// With no match, a nearest topic is offered only when it scores at least this.
    public var plausibleScore: Double

    public static let standardPlausibleScore = 0.3

    public init(router: Router, outOfScope: [OutOfScopeSubject], plausibleScore: Double = QuestionTriage.standardPlausibleScore) {
        self.router = router
        scope = ScopeReferral(subjects: outOfScope)
        splitter = QuestionSplitter(router: router)
        self.plausibleScore = plausibleScore
    }

    /// What to do with `text`; `limit` is how many ranked topics to keep (at least the choices a decision may offer).
    public func decide(_ text: String, limit: Int = 5) -> QuestionDecision {
        if let command = ChatVocabulary.commandMeant(text) {
            return QuestionDecision(outcome: .command(command), ranked: [], split: nil)
        }
        let ranked = router.rank(text, limit: max(limit, router.thresholds.maximumChoices))
        let routing = router.thresholds.decide(ranked)
        switch scope.decide(text, routing: routing, router: router) {
        case .aside(let subject)?:
            if case .clear(let best) = routing { return QuestionDecision(outcome: .topic(best), ranked: ranked, split: nil, aside: subject) }
        case .referred(let subject)?:
            return QuestionDecision(outcome: .none(nearest: plausible(ranked), referral: subject), ranked: ranked, split: nil)
        case nil:
            break
        }
        if let split = splitter.split(text) {
            return QuestionDecision(outcome: .topic(split.firstTopic), ranked: ranked, split: split)
        }
        switch routing {
        case .clear(let best): return QuestionDecision(outcome: .topic(best), ranked: ranked, split: nil)
        case .choose(let close): return QuestionDecision(outcome: .choose(close), ranked: ranked, split: nil)
        case .noMatch: return QuestionDecision(outcome: .none(nearest: plausible(ranked), referral: nil), ranked: ranked, split: nil)
        }
    }

    private func plausible(_ ranked: [RouteScore]) -> [RouteScore] {
        Array(ranked.filter { $0.score >= plausibleScore }.prefix(router.thresholds.maximumChoices))
    }
}
