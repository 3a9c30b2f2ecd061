import Foundation

/// A transcript as Markdown: written beside the transcript at a clean end, and `export --format md`.
public struct TranscriptMarkdownRenderer: Sendable {
    public var topicTitles: [String: String]
    public var councilNames: [String: String]
    public var redact: Bool

    public init(topicTitles: [String: String] = [:], councilNames: [String: String] = [:], redact: Bool = false) {
        self.topicTitles = topicTitles
        self.councilNames = councilNames
        self.redact = redact
    }

    /// The line that records the seal: `verify` reads it back to notice a seal removed from the file.
    static let sealLinePrefix = "Seal SHA-256: `"

    public func render(_ document: TranscriptDocument, verification: TranscriptVerification? = nil) -> String {
        let verification = verification ?? TranscriptVerifier.verify(document)
        return render(
            TranscriptPresentation(
                document, verification: verification, redact: redact,
                topicTitles: topicTitles, councilNames: councilNames))
    }

    public func render(_ p: TranscriptPresentation) -> String {
        let e = MarkdownText.escape
        var out: [String] = ["# Probity transcript \(e(p.id))", ""]
        out.append("| | |")
        out.append("| --- | --- |")
        for fact in p.facts { out.append("| \(fact.label) | \(e(fact.value).replacingNewlines()) |") }
        out.append("")
        if !p.verification.isIntact {
            out += ["> **Warning: this transcript has been altered since it was written.** \(e(p.verification.summary))", ""]
        }
        out += ["## Conversation", ""]
        for entry in p.entries {
            let time = MarkdownText.code(UTCTime.clock(entry.time))
            switch entry.kind {
            case .typed(let text):
                out += ["\(time) **You:** \(e(text))", ""]
            case .routed(let text), .note(let text):
                out += ["\(time) *\(e(text))*", ""]
            case .topic(let title, let id):
                out += ["### \(e(title)) (\(MarkdownText.code(id)))", "", "\(time) *Topic started*", ""]
            case .question(let prompt, let options):
                out += ["\(time) **Probity asked:** \(e(prompt))", ""]
                out += options.enumerated().map { "\($0.offset + 1)\\. \(e($0.element))  " }
                out.append("")
            case .answer(let label):
                out += ["\(time) **Answer:** \(e(label))", ""]
            case .reasons(let reasons):
                out += ["\(time) **Probity showed why:**", ""]
                out += reasons.map { "- \(e($0))" }
                out.append("")
            case .shown(let panel):
                if let title = panel.title {
                    out += ["\(time) **\(e(title))**", ""]
                    out += panel.paragraphs.flatMap { [e($0), ""] }
                } else if panel.preformatted {
                    out += ["\(time) **Probity showed (\(e(panel.kind))):**", ""]
                    out += panel.paragraphs.flatMap { [e($0), ""] }
                } else {
                    out += panel.paragraphs.map { "\(time) \(panel.warning ? "**Warning:** " : "")\(e($0))" } + [""]
                }
                if !panel.items.isEmpty { out += panel.items.map { "- \(e($0))" } + [""] }
                for quote in panel.quotes { out += quoteLines(quote) }
            case .advice(let a, let withdrawn):
                out += ["#### Advice\(withdrawn ? " (later withdrawn: the user went back)" : "") — \(e(a.verdictLine))", ""]
                out += ["\(time) *\(e(a.context))*", ""]
                out += a.cautions.flatMap { ["**\(e($0))**", ""] }
                if let notice = a.silentNotice { out += [e(notice), ""] }
                if let summary = a.summary { out += [e(summary), ""] }
                if !a.steps.isEmpty {
                    out += ["**What to do**", ""]
                    out += a.steps.enumerated().map { "\($0.offset + 1). \(e($0.element))" }
                    out.append("")
                }
                if let heading = a.quotesHeading { out += ["**\(e(heading))**", ""] }
                for quote in a.quotes { out += quoteLines(quote) }
            }
        }
        out.append("---")
        out.append("")
        if let digest = p.sealDigest {
            out.append("\(Self.sealLinePrefix)\(digest)` — check the file with \(MarkdownText.code("probity transcripts verify \(p.id)")).")
        } else {
            out.append("Not sealed. Check the file with \(MarkdownText.code("probity transcripts verify \(p.id)")).")
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    private func quoteLines(_ quote: AdviceLayout.QuoteLayout) -> [String] {
        let e = MarkdownText.escape
        var out = ["> **\(e(quote.label))**", ">", "> \(e(quote.text).replacingOccurrences(of: "  \n", with: "  \n> "))"]
        for note in quote.notes { out += [">", "> *\(e(note))*"] }
        if let why = quote.why { out += [">", "> *\(e(why))*"] }
        return out + [""]
    }

    /// The seal digest a Markdown rendering records, if it records one.
    public static func sealDigest(in markdown: String) -> String? {
        guard let range = markdown.range(of: sealLinePrefix) else { return nil }
        let hex = markdown[range.upperBound...].prefix(64)
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        return String(hex)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { replacingOccurrences(of: "  \n", with: " ") }
}
