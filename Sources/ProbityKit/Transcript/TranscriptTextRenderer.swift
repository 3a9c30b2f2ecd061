/// A transcript for reading in a terminal (`transcripts show`): wrapped to the width, coloured only when the
/// style says so. Everything in the presentation was read from a file and is free of control characters.
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
            let value = fact.value
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

        let advice = AdviceRenderer(style: style)
        for entry in p.entries {
            let time = UTCTime.clock(entry.time) + "  "
            switch entry.kind {
            case .typed(let text):
                out += TextWrapper.wrap("You: \(text)", width: w, indent: gutter, firstIndent: time).map(style.bold)
            case .routed(let text), .note(let text):
                out += TextWrapper.wrap(text, width: w, indent: gutter, firstIndent: time).map(style.dim)
            case .topic(let title, let id):
                out.append("")
                out += TextWrapper.wrap("Topic: \(title) [\(id)]", width: w, indent: gutter, firstIndent: time).map(style.cyan)
            case .question(let prompt, let options):
                out += TextWrapper.wrap("Probity asked: \(prompt)", width: w, indent: gutter, firstIndent: time)
                for (i, option) in options.enumerated() {
                    out += TextWrapper.wrap(option, width: w, indent: gutter + "     ", firstIndent: gutter + "  \(i + 1). ")
                }
            case .answer(let label):
                out += TextWrapper.wrap("Answer: \(label)", width: w, indent: gutter, firstIndent: time).map(style.bold)
            case .reasons(let reasons):
                out += TextWrapper.wrap("Probity showed why:", width: w, indent: gutter, firstIndent: time)
                for reason in reasons { out += TextWrapper.wrap(reason, width: w, indent: gutter + "    ", firstIndent: gutter + "  • ") }
            case .shown(let panel):
                out += render(panel, time: time, gutter: gutter)
            case .advice(let layout, let withdrawn):
                out.append("")
                out += TextWrapper.wrap(
                    withdrawn ? "ADVICE, LATER WITHDRAWN (the user went back):" : "ADVICE:",
                    width: w, indent: gutter, firstIndent: time
                ).map(withdrawn ? style.yellow : style.bold)
                out.append(advice.render(layout, indent: gutter))
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    private func render(_ panel: TranscriptPresentation.Panel, time: String, gutter: String) -> [String] {
        let w = style.width
        var out: [String] = []
        let heading = panel.title ?? "Probity showed (\(panel.kind)):"
        if panel.title == nil, panel.paragraphs.count == 1, !panel.preformatted {
            // A message: said in one paragraph.
            let text = TextWrapper.wrap(panel.paragraphs[0], width: w, indent: gutter, firstIndent: time)
            return text.map(panel.warning ? style.yellow : style.dim)
        }
        out += TextWrapper.wrap(heading, width: w, indent: gutter, firstIndent: time).map(style.dim)
        for paragraph in panel.paragraphs {
            out +=
                panel.preformatted
                ? PlainTextReflow.wrap(paragraph, width: w, base: gutter + "  ")
                : TextWrapper.wrap(paragraph, width: w, indent: gutter + "  ")
        }
        for item in panel.items { out += TextWrapper.wrap(item, width: w, indent: gutter + "    ", firstIndent: gutter + "  • ") }
        for quote in panel.quotes { out += AdviceRenderer(style: style).render(quote, indent: gutter) }
        return out
    }
}
