import Foundation

/// Turns engine results into text for a terminal or a pipe: verdict first, then the steps,
/// then each quoted clause set apart and labelled.
public struct AdviceRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    /// The advice: verdict, steps, then the quoted clauses, in full or (`foldQuotes`) each named by its label only.
    public func render(_ advice: AdviceResult, foldQuotes: Bool = false) -> String {
        render(AdviceLayout(advice), foldQuotes: foldQuotes)
    }

    /// Advice as laid out (`AdviceLayout`), for a terminal or a pipe, wrapped to the style's width after `indent`;
    /// with `foldQuotes`, each quote is named by its label only (the chat does this when the advice would not fit).
    public func render(_ layout: AdviceLayout, indent: String = "", foldQuotes: Bool = false) -> String {
        let w = style.width
        let verdict = Verdict(rawValue: layout.verdict)
        var out: [String] = []
        out += TextWrapper.wrap(layout.verdictLine, width: w, indent: indent).map { line in
            if let verdict { return style.verdict(verdict, line) }
            return style.bold(line)
        }
        out += TextWrapper.wrap(layout.context, width: w, indent: indent).map(style.dim)
        out.append("")
        for caution in layout.cautions {
            out += TextWrapper.wrap(caution, width: w, indent: indent).map(style.bold)
            out.append("")
        }
        if let notice = layout.silentNotice {
            out += TextWrapper.wrap(notice, width: w, indent: indent)
            out.append("")
        }
        if let summary = layout.summary { out += TextWrapper.wrap(summary, width: w, indent: indent) }
        if !layout.steps.isEmpty {
            out.append("")
            out.append(indent + style.bold("What to do"))
            for (i, step) in layout.steps.enumerated() {
                out += TextWrapper.wrap(step, width: w, indent: indent + "     ", firstIndent: indent + "  \(i + 1). ")
            }
        }
        if let heading = layout.quotesHeading {
            out.append("")
            out.append(indent + style.bold(heading))
            for quote in layout.quotes {
                if foldQuotes {
                    out += TextWrapper.wrap(quote.label, width: w, indent: indent + "    ", firstIndent: indent + "  ").map(style.cyan)
                } else {
                    out.append("")
                    out += render(quote, indent: indent)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The verdict in words, first (see `AdviceLayout.verdictLine`).
    public static func verdictLine(_ verdict: Verdict, headline: String) -> String {
        AdviceLayout.verdictLine(verdict.rawValue, headline: headline)
    }

    /// A clause set apart: its label, then its words behind a bar.
    public func renderQuote(_ quote: QuotedClause) -> [String] {
        render(AdviceLayout.QuoteLayout(quote))
    }

    public func render(_ quote: AdviceLayout.QuoteLayout, indent: String = "") -> [String] {
        var out = TextWrapper.wrap(quote.label, width: style.width, indent: indent + "  ").map(style.cyan)
        out += TextWrapper.wrap("\"\(quote.text)\"", width: style.width, indent: indent + "  │ ")
        for note in quote.notes {
            out += TextWrapper.wrap(note, width: style.width, indent: indent + "  ").map(style.dim)
        }
        if let why = quote.why {
            out += TextWrapper.wrap(why, width: style.width, indent: indent + "  ").map(style.dim)
        }
        return out
    }

    /// - Parameter proposed: the option (0-based) proposed from the user's words, marked as such.
    public func render(_ question: PendingQuestion, showWhy: Bool = true, proposed: Int? = nil) -> String {
        var out = TextWrapper.wrap(question.prompt, width: style.width).map(style.bold)
        for (i, option) in question.options.enumerated() {
            let label = i == proposed ? "\(option.label)   (from what you said)" : option.label
            out += TextWrapper.wrap(label, width: style.width, indent: "      ", firstIndent: "  \(i + 1). ")
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
