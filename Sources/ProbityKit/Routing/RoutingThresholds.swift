/// Where the router draws its lines. Scores are shares of the question's weight (0…1).
public struct RoutingThresholds: Sendable, Equatable {
    /// Below this, no topic is a match: the question is about something Probity does not cover.
    public var minimumScore: Double
    /// A runner-up scoring at least this fraction of the best is close enough to ask "did you mean".
    public var closeRatio: Double
    /// At most this many topics are offered in a "did you mean" choice.
    public var maximumChoices: Int

    public init(minimumScore: Double, closeRatio: Double, maximumChoices: Int = 3) {
        self.minimumScore = minimumScore
        self.closeRatio = closeRatio
        self.maximumChoices = maximumChoices
    }

    public static let standard = RoutingThresholds(minimumScore: 0.40, closeRatio: 0.85)

    public func decide(_ ranked: [RouteScore]) -> RoutingDecision {
        guard let best = ranked.first, best.score >= minimumScore else {
            return .noMatch(nearest: Array(ranked.prefix(maximumChoices)))
        }
        let close = ranked.prefix(maximumChoices).filter { $0.score >= best.score * closeRatio }
        return close.count > 1 ? .choose(Array(close)) : .clear(best)
    }
}
