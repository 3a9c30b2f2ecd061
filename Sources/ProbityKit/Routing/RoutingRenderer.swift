import Foundation

/// Text for a routing result: what the chat would do with the question, then the ranking.
public struct RoutingRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    /// One line saying what the decision means for the user.
    public func verdict(_ decision: RoutingDecision) -> String {
        switch decision {
        case .clear(let best):
            "Best match: \(best.title) (\(best.topicID))."
        case .choose(let close):
            "Did you mean " + close.map { "\($0.title) (\($0.topicID))" }.joined(separator: " or ") + "?"
        case .noMatch:
            "No topic matches well enough: Probity has no advice on that."
        }
    }

    /// The decision, then each ranked topic with its score and a bar.
    public func render(question: String, ranked: [RouteScore], decision: RoutingDecision) -> String {
        var out = TextWrapper.wrap(verdict(decision), width: style.width).map(style.bold)
        guard !ranked.isEmpty else {
            out.append(style.dim("No topic shares a word with \"\(question)\"."))
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        let idWidth = ranked.map(\.topicID.count).max() ?? 0
        for (i, route) in ranked.enumerated() {
            let bar = String(repeating: "█", count: Int((route.score * 20).rounded()))
            let score = formatScore(route.score)
            let line = "\(i + 1). \(score)  \(route.topicID.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(route.title)"
            out.append(i == 0 && !isNoMatch(decision) ? style.bold(line) : line)
            if !bar.isEmpty { out.append("         " + style.dim(bar)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func isNoMatch(_ decision: RoutingDecision) -> Bool {
        if case .noMatch = decision { return true }
        return false
    }

    /// `0.482` with three decimals, without Foundation's formatters.
    func formatScore(_ score: Double) -> String {
        let thousandths = Int((score * 1000).rounded())
        let whole = thousandths / 1000, fraction = thousandths % 1000
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }
}
