import Foundation

/// Text for `probity ask`: what the chat would do with the question, then the ranking.
public struct RoutingRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    /// What the decision means for the user, in a sentence or two.
    public func verdict(_ decision: QuestionDecision) -> [String] {
        switch decision.outcome {
        case .topic(let best):
            var lines = ["Best match: \(best.title) (\(best.topicID))."]
            if let split = decision.split {
                let subjects = split.secondTopics.map { "\($0.title) (\($0.topicID))" }
                lines.append("It also asks about \(subjects.joined(separator: " or ")): \"\(split.second)\"; the chat offers that next.")
            }
            return lines
        case .choose(let close):
            return ["Did you mean " + close.map { "\($0.title) (\($0.topicID))" }.joined(separator: " or ") + "?"]
        case .command(let command):
            return ["Not a question: in the chat, this is the command `\(command)`. Ask a question in your own words."]
        case .none(_, let referral?):
            return ["Not covered by the member/officer protocol: \(referral.title.lowercasedFirst()).", referral.reply]
        case .none:
            return ["No topic matches well enough: Probity has no advice on that."]
        }
    }

    /// The decision, the council's clauses that touch a referred subject, then each ranked topic with its score and a bar.
    public func render(question: String, decision: QuestionDecision, shown ranked: [RouteScore], clauses: [QuotedClause] = []) -> String {
        var out: [String] = []
        for (i, line) in verdict(decision).enumerated() {
            out += TextWrapper.wrap(line, width: style.width).map { i == 0 ? style.bold($0) : $0 }
        }
        if !clauses.isEmpty {
            out.append("")
            out.append("Where \(clauses[0].councilShortName.possessive) protocol touches it:")
            for quoted in clauses { out += TextWrapper.wrap("- " + quoted.label, width: style.width) }
        }
        guard !ranked.isEmpty else {
            if decision.command == nil { out.append(style.dim("No topic shares a word with \"\(question)\".")) }
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        let chosen: Bool
        if case .topic = decision.outcome { chosen = true } else { chosen = false }
        let idWidth = ranked.map(\.topicID.count).max() ?? 0
        for (i, route) in ranked.enumerated() {
            let bar = String(repeating: "█", count: Int((route.score * 20).rounded()))
            let score = formatScore(route.score)
            let line = "\(i + 1). \(score)  \(route.topicID.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(route.title)"
            out.append(i == 0 && chosen ? style.bold(line) : line)
            if !bar.isEmpty { out.append("         " + style.dim(bar)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `0.482` with three decimals, without Foundation's formatters.
    func formatScore(_ score: Double) -> String {
        let thousandths = Int((score * 1000).rounded())
        let whole = thousandths / 1000
        let fraction = thousandths % 1000
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }
}
