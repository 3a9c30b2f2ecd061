import Foundation

/// Turns engine results into text for a terminal or a pipe: verdict first, then the steps,
/// then each quoted clause set apart and labelled.
public struct AdviceRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    /// The advice: verdict, steps, then the quoted clauses, in full or (`foldQuotes`) each named by its label only.
    public func render(_ advice: AdviceResult, foldQuotes: Bool = false) -> String {
        let w = style.width
        var out: [String] = []
        out += TextWrapper.wrap(Self.verdictLine(advice.verdict, headline: advice.headline), width: w).map { style.verdict(advice.verdict, $0) }
        out += TextWrapper.wrap("\(advice.topicTitle) · \(advice.councilName), protocol version \(advice.protocolVersion)", width: w).map(style.dim)
        out.append("")
        if advice.silent {
            out += TextWrapper.wrap("Your council's protocol has no specific rule on this. The general clauses below still apply; ask the Monitoring Officer before you act.", width: w)
            out.append("")
        }
        out += TextWrapper.wrap(advice.summary, width: w)
        if !advice.steps.isEmpty {
            out.append("")
            out.append(style.bold("What to do"))
            for (i, step) in advice.steps.enumerated() {
                out += TextWrapper.wrap(step.withProvenance, width: w, indent: "     ", firstIndent: "  \(i + 1). ")
            }
        }
        if !advice.quotes.isEmpty {
            out.append("")
            out.append(style.bold(advice.quotes.count == 1 ? "What your protocol says" : "What your protocol says (\(advice.quotes.count) clauses)"))
            for quote in advice.quotes {
                if foldQuotes {
                    out += TextWrapper.wrap(quote.label, width: w, indent: "    ", firstIndent: "  ").map(style.cyan)
                } else {
                    out.append("")
                    out += renderQuote(quote)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The verdict in words, first: the headline alone when it already says it ("No: you should not…",
    /// "…: ask the Monitoring Officer"), otherwise the verdict's label and then the headline.
    public static func verdictLine(_ verdict: Verdict, headline: String) -> String {
        let label = verdict.label.trimmingCharacters(in: CharacterSet(charactersIn: "…."))
        let firstWord = label.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        let headlineFirst = headline.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        if !firstWord.isEmpty && firstWord == headlineFirst { return headline }
        if verdict == .askMonitoringOfficer && headline.lowercased().contains("monitoring officer") { return headline }
        return "\(label): \(headline)"
    }

    /// A clause set apart: its label, then its words behind a bar.
    public func renderQuote(_ quote: QuotedClause) -> [String] {
        var out = TextWrapper.wrap(quote.label, width: style.width, indent: "  ").map(style.cyan)
        out += TextWrapper.wrap("\"\(quote.clause.text)\"", width: style.width, indent: "  │ ")
        for note in quote.clause.notes {
            out += TextWrapper.wrap("Note: \(note)", width: style.width, indent: "  ").map(style.dim)
        }
        if let note = quote.note {
            out += TextWrapper.wrap("Why it applies: \(note)", width: style.width, indent: "  ").map(style.dim)
        }
        return out
    }

    public func render(_ question: PendingQuestion, showWhy: Bool = true) -> String {
        var out = TextWrapper.wrap(question.prompt, width: style.width).map(style.bold)
        for (i, option) in question.options.enumerated() {
            out += TextWrapper.wrap(option.label, width: style.width, indent: "      ", firstIndent: "  \(i + 1). ")
        }
        if question.multiple {
            out += TextWrapper.wrap("More than one may be true: give every number that is (for example \"1 3\").", width: style.width).map(style.dim)
        }
        if showWhy {
            var why = "Why I ask: \(question.why)"
            if !question.whyClauses.isEmpty { why += " (\(Self.references(question.whyClauses)))" }
            out += TextWrapper.wrap(why, width: style.width).map(style.dim)
        }
        return out.joined(separator: "\n")
    }

    /// "Carlisle 114, 115, 116": each council named once, before its paragraphs.
    static func references(_ quotes: [QuotedClause]) -> String {
        var order: [String] = []
        var byCouncil: [String: [String]] = [:]
        for quote in quotes {
            if byCouncil[quote.councilShortName] == nil { order.append(quote.councilShortName) }
            byCouncil[quote.councilShortName, default: []].append(quote.clause.fullReference)
        }
        return order.map { "\($0) \(byCouncil[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
    }

    public func render(reasons: [Reason]) -> String {
        guard !reasons.isEmpty else { return "No answers yet: nothing has led anywhere so far." }
        var out = ["How we got here:"]
        for r in reasons {
            let source = r.askedInThisTopic ? "" : " (already known)"
            out += TextWrapper.wrap("\(r.question) → \(r.answer)\(source)", width: style.width, indent: "    ", firstIndent: "  • ")
        }
        return out.joined(separator: "\n")
    }
}
