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
        return render(TranscriptPresentation(document, verification: verification, redact: redact,
                                             topicTitles: topicTitles, councilNames: councilNames))
    }

    public func render(_ p: TranscriptPresentation) -> String {
        let e = MarkdownText.escape
        var out: [String] = ["# Probity transcript \(p.id)", ""]
        out.append("| | |")
        out.append("| --- | --- |")
        for fact in p.facts { out.append("| \(fact.label) | \(e(fact.value).replacingNewlines()) |") }
        out.append("")
        if !p.verification.isIntact {
            out += ["> **Warning: this transcript has been altered since it was written.** \(e(p.verification.summary))", ""]
        }
        out += ["## Conversation", ""]
        for entry in p.entries {
            let time = "`\(UTCTime.clock(entry.time))`"
            switch entry.kind {
            case .typed(let text):
                out += ["\(time) **You:** \(e(text))", ""]
            case .routed(let text):
                out += ["\(time) *\(e(text))*", ""]
            case .topic(let title, let id):
                out += ["### \(e(title)) (`\(id)`)", "", "\(time) *Topic started*", ""]
            case .question(let prompt, let options):
                out += ["\(time) **Probity asked:** \(e(prompt))", ""]
                out += options.enumerated().map { "\($0.offset + 1)\\. \(e($0.element))  " }
                out.append("")
            case .answer(let label):
                out += ["\(time) **Answer:** \(e(label))", ""]
            case .note(let text):
                out += ["\(time) *\(e(text))*", ""]
            case .reasons(let reasons):
                out += ["\(time) **Probity showed why:**", ""]
                out += reasons.map { "- \(e($0))" }
                out.append("")
            case .shown(let kind, let text):
                out += ["\(time) **Probity showed (\(e(kind))):**", ""]
                out += [e(text), ""]
            case .advice(let a):
                out += ["#### Advice — \(e(a.verdictLabel)): \(e(a.headline))", ""]
                out += ["\(time) *\(e(a.topicTitle)) · \(e(a.councilName)), protocol version \(e(a.protocolVersion))*", ""]
                if a.silent { out += ["The council's protocol has no specific rule on this; the general clauses below still apply.", ""] }
                if let summary = a.summary { out += [e(summary), ""] }
                if !a.steps.isEmpty {
                    out += ["**What to do**", ""]
                    out += a.steps.enumerated().map { "\($0.offset + 1). \(e($0.element))" }
                    out.append("")
                }
                for quote in a.quotes {
                    out += ["> **\(e(quote.label))**", ">", "> \(e(quote.text).replacingOccurrences(of: "  \n", with: "  \n> "))"]
                    for note in quote.notes { out += [">", "> *Note: \(e(note))*"] }
                    if let note = quote.note { out += [">", "> *Why it applies: \(e(note))*"] }
                    out.append("")
                }
            }
        }
        out.append("---")
        out.append("")
        if let digest = p.sealDigest {
            out.append("\(Self.sealLinePrefix)\(digest)` — check the file with `probity transcripts verify \(p.id)`.")
        } else {
            out.append("Not sealed. Check the file with `probity transcripts verify \(p.id)`.")
        }
        out.append("")
        return out.joined(separator: "\n")
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
