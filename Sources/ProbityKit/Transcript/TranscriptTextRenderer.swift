/// A transcript for reading in a terminal (`transcripts show`): wrapped to the width, coloured only when the
/// style says so, and with everything recorded stripped of control characters.
public struct TranscriptTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ p: TranscriptPresentation) -> String {
        let w = style.width
        let gutter = "          "  // under the time column
        var out: [String] = [style.bold("Probity transcript \(p.id)")]
        let labelWidth = p.facts.map(\.label.count).max() ?? 0
        for fact in p.facts {
            let label = fact.label + String(repeating: " ", count: labelWidth - fact.label.count) + "  "
            let value = safe(fact.value)
            var lines: [String]
            if !value.contains(" "), 2 + label.count + value.count > w {
                // One long word (a digest): on its own line, where it fits.
                lines = ["  " + label.trimmingWhitespace(), "    " + value]
            } else {
                lines = TextWrapper.wrap(value, width: w, indent: "  " + String(repeating: " ", count: label.count), firstIndent: "  " + label)
            }
            if fact.label == "Integrity" {
                lines = lines.map { p.verification.isIntact ? ($0.contains("incomplete") ? style.yellow($0) : style.green($0)) : style.bold(style.red($0)) }
            }
            out += lines
        }
        if let digest = p.sealDigest { out.append(style.dim("  Seal SHA-256: \(digest)")) }
        out.append("")

        for entry in p.entries {
            let time = UTCTime.clock(entry.time) + "  "
            switch entry.kind {
            case .typed(let text):
                out += TextWrapper.wrap("You: \(safe(text))", width: w, indent: gutter, firstIndent: time).map(style.bold)
            case .routed(let text):
                out += TextWrapper.wrap(safe(text), width: w, indent: gutter, firstIndent: time).map(style.dim)
            case .topic(let title, let id):
                out.append("")
                out += TextWrapper.wrap("Topic: \(safe(title)) [\(safe(id))]", width: w, indent: gutter, firstIndent: time).map(style.cyan)
            case .question(let prompt, let options):
                out += TextWrapper.wrap("Probity asked: \(safe(prompt))", width: w, indent: gutter, firstIndent: time)
                for (i, option) in options.enumerated() {
                    out += TextWrapper.wrap(safe(option), width: w, indent: gutter + "     ", firstIndent: gutter + "  \(i + 1). ")
                }
            case .answer(let label):
                out += TextWrapper.wrap("Answer: \(safe(label))", width: w, indent: gutter, firstIndent: time).map(style.bold)
            case .note(let text):
                out += TextWrapper.wrap(safe(text), width: w, indent: gutter, firstIndent: time).map(style.dim)
            case .reasons(let reasons):
                out += TextWrapper.wrap("Probity showed why:", width: w, indent: gutter, firstIndent: time)
                for reason in reasons { out += TextWrapper.wrap(safe(reason), width: w, indent: gutter + "    ", firstIndent: gutter + "  • ") }
            case .shown(let kind, let text):
                out += TextWrapper.wrap("Probity showed (\(safe(kind))):", width: w, indent: gutter, firstIndent: time).map(style.dim)
                out += PlainTextReflow.wrap(safe(text), width: w, base: gutter + "  ")
            case .advice(let a):
                out.append("")
                let verdict = ProbityKit.Verdict(rawValue: a.verdict)
                let head = "ADVICE — \(a.verdictLabel.uppercased()): \(safe(a.headline))"
                out += TextWrapper.wrap(head, width: w, indent: gutter, firstIndent: time).map { line in
                    verdict.map { style.verdict($0, line) } ?? style.bold(line)
                }
                out += TextWrapper.wrap("\(safe(a.topicTitle)) · \(safe(a.councilName)), protocol version \(safe(a.protocolVersion))",
                                        width: w, indent: gutter).map(style.dim)
                if a.silent {
                    out += TextWrapper.wrap("The council's protocol has no specific rule on this; the general clauses below still apply.",
                                            width: w, indent: gutter)
                }
                if let summary = a.summary { out += TextWrapper.wrap(safe(summary), width: w, indent: gutter) }
                if !a.steps.isEmpty {
                    out.append(gutter + style.bold("What to do"))
                    for (i, step) in a.steps.enumerated() {
                        out += TextWrapper.wrap(safe(step), width: w, indent: gutter + "     ", firstIndent: gutter + "  \(i + 1). ")
                    }
                }
                for quote in a.quotes {
                    out += TextWrapper.wrap(safe(quote.label), width: w, indent: gutter).map(style.cyan)
                    out += TextWrapper.wrap("\"\(safe(quote.text))\"", width: w, indent: gutter + "  │ ")
                    for note in quote.notes { out += TextWrapper.wrap("Note: \(safe(note))", width: w, indent: gutter + "  ").map(style.dim) }
                    if let note = quote.note { out += TextWrapper.wrap("Why it applies: \(safe(note))", width: w, indent: gutter + "  ").map(style.dim) }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    private func safe(_ text: String) -> String { TerminalSafe.strip(text) }
}
