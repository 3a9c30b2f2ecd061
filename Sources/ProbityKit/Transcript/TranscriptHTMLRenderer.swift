import Foundation

/// A transcript as one self-contained HTML page a Monitoring Officer can print and file: the council, person, date
/// and question in the title block; the conversation as the user saw it (without the chat's own furniture, routing
/// scores or file paths), advice later withdrawn marked so; page numbers and a running header in print; and an
/// integrity statement that says which check it reflects, when it was made, and the command that repeats it.
/// No scripts, no outside resources, every piece of text escaped.
public struct TranscriptHTMLRenderer: Sendable {
    /// When the page is made (UTC, ISO 8601): the integrity statement is true as of then.
    public var exportedAt: String

    public init(exportedAt: String = UTCTime.string(from: Date())) {
        self.exportedAt = exportedAt
    }

    public func render(_ p: TranscriptPresentation) -> String {
        let h = HTMLText.escape
        let date = p.started.map { String($0.prefix(10)) } ?? "date unknown"
        let council = p.council ?? "council not given"
        let person = [p.person, p.role].compactMap { $0 }.joined(separator: ", ")
        let title = "Probity advice record — \(council) — \(date)"
        var body: [String] = []
        body.append("<header class=\"title\">")
        body.append("<h1>\(h(title))</h1>")
        if !p.verification.isIntact {
            let what = p.verification.label == "UNREADABLE" ? "This transcript cannot be read" : "This transcript has been altered since it was written"
            body.append("<p class=\"alert\">\(what): \(h(p.verification.summary))</p>")
        }
        body.append("<table class=\"facts\">")
        body.append(row("Council", council))
        body.append(row("Asked by", person.isEmpty ? "not recorded" : person))
        body.append(row("Date", p.started ?? "unknown"))
        if p.redacted {
            body.append(row("Question", "left out: this copy leaves out the free text the user typed"))
        } else if let question = p.firstQuestion {
            body.append(row("Question", "“\(question)”"))
        }
        for fact in p.facts where Self.titleFacts.contains(fact.label) { body.append(row(fact.label, fact.value)) }
        body.append("</table>")
        body.append("</header>")
        body.append("<main>")
        body.append("<h2>Conversation</h2>")
        body.append("<ol class=\"events\">")
        for entry in p.entries {
            if let item = item(entry) { body.append(item) }
        }
        body.append("</ol>")
        body.append("</main>")
        body.append("<footer>")
        body.append("<h2>Integrity</h2>")
        body.append(
            "<p class=\"integrity \(p.verification.isIntact ? (p.verification.status == .sealed ? "good" : "warn") : "bad")\">\(h(integrityStatement(p)))</p>")
        body.append("<table class=\"facts details\">")
        for fact in p.facts where !Self.titleFacts.contains(fact.label) && !["Council", "Started", "Role", "Integrity"].contains(fact.label) {
            body.append(row(fact.label, fact.value))
        }
        if let digest = p.sealDigest { body.append("<tr><th scope=\"row\">Seal SHA-256</th><td><code>\(h(digest))</code></td></tr>") }
        body.append("</table>")
        body.append("</footer>")

        let running = "\(council) · \(date) · transcript \(p.id)"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title))</title>
            <style>
            \(Self.css)
            @page { @top-center { content: "\(Self.cssString(running))"; } }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Facts that belong in the title block, beside council, person, date and question.
    static let titleFacts: Set<String> = ["Topics", "Verdicts", "Ended"]

    /// What the integrity line reflects, and when: true as of the export, not after.
    func integrityStatement(_ p: TranscriptPresentation) -> String {
        let when = UTCTime.readable(exportedAt)
        let check =
            "Probity checked the transcript file's hash chain (the SHA-256 of every line, each line holding the SHA-256 of the one before, and the seal that closes it) when this page was made, \(when), and found it \(p.verification.summary)."
        let scope =
            " That is true of the file as it was then; it says nothing about the file since. To check it again, run: probity transcripts verify \(p.id)."
        let redacted = p.redacted ? " This copy leaves out the free text the user typed, so it cannot itself be verified." : ""
        return check + scope + redacted
    }

    private func row(_ label: String, _ value: String) -> String {
        "<tr><th scope=\"row\">\(HTMLText.escape(label))</th><td>\(HTMLText.escape(value))</td></tr>"
    }

    /// One entry of the conversation as the user saw it; nil for the chat's own furniture.
    private func item(_ entry: TranscriptPresentation.Entry) -> String? {
        let h = HTMLText.escape
        let time = "<time datetime=\"\(h(entry.time))\">\(h(UTCTime.clock(entry.time)))</time>"
        switch entry.kind {
        case .typed(let text):
            return "<li class=\"user\">\(time)<p><span class=\"who\">You:</span> \(h(text))</p></li>"
        case .routed(let text), .note(let text):
            return "<li class=\"note\">\(time)<p>\(h(text))</p></li>"
        case .topic(let title, _):
            return "<li class=\"topic\">\(time)<h3>\(h(title))</h3></li>"
        case .question(let prompt, let options):
            let items = options.map { "<li>\(h($0))</li>" }.joined()
            return "<li class=\"question\">\(time)<p><span class=\"who\">Probity asked:</span> \(h(prompt))</p><ol>\(items)</ol></li>"
        case .answer(let label):
            return "<li class=\"answer\">\(time)<p><span class=\"who\">Answer:</span> \(h(label))</p></li>"
        case .reasons(let reasons):
            let items = reasons.map { "<li>\(h($0))</li>" }.joined()
            return "<li class=\"shown\">\(time)<p><span class=\"who\">Probity showed why:</span></p><ul>\(items)</ul></li>"
        case .shown(let panel):
            guard !panel.furniture else { return nil }
            var parts: [String] = []
            if let title = panel.title { parts.append("<p><span class=\"who\">\(h(title))</span></p>") }
            for paragraph in panel.paragraphs {
                parts.append(panel.preformatted ? "<pre>\(h(paragraph))</pre>" : "<p\(panel.warning ? " class=\"alert\"" : "")>\(h(paragraph))</p>")
            }
            if !panel.items.isEmpty { parts.append("<ul>\(panel.items.map { "<li>\(h($0))</li>" }.joined())</ul>") }
            parts += panel.quotes.map(quote)
            return "<li class=\"shown\">\(time)\(parts.joined())</li>"
        case .advice(let a, let withdrawn):
            var parts: [String] = []
            if withdrawn {
                parts.append("<p class=\"withdrawn-note\">Withdrawn: the user went back and changed an answer after this advice, so it did not stand.</p>")
            }
            parts.append("<h4 class=\"verdict \(h(a.verdict))\">\(h(a.verdictLine))</h4>")
            parts.append("<p class=\"meta\">\(h(a.context))</p>")
            parts += a.cautions.map { "<p class=\"caution\"><strong>\(h($0))</strong></p>" }
            if let notice = a.silentNotice { parts.append("<p>\(h(notice))</p>") }
            if let summary = a.summary { parts.append("<p>\(h(summary))</p>") }
            if !a.steps.isEmpty {
                parts.append("<p class=\"steps-title\">What to do</p><ol class=\"steps\">\(a.steps.map { "<li>\(h($0))</li>" }.joined())</ol>")
            }
            if let heading = a.quotesHeading { parts.append("<p class=\"steps-title\">\(h(heading))</p>") }
            parts += a.quotes.map(quote)
            return "<li class=\"advice\(withdrawn ? " withdrawn" : "")\">\(time)<section>\(parts.joined(separator: "\n"))</section></li>"
        }
    }

    private func quote(_ quote: AdviceLayout.QuoteLayout) -> String {
        let h = HTMLText.escape
        var q = "<figure class=\"quote\"><figcaption>\(h(quote.label))</figcaption><blockquote>\(h(quote.text))</blockquote>"
        for note in quote.notes { q += "<p class=\"qnote\">\(h(note))</p>" }
        if let why = quote.why { q += "<p class=\"qnote\">\(h(why))</p>" }
        return q + "</figure>"
    }

    /// Text inside a CSS string: no quote, backslash, newline or angle bracket can end it or the style element.
    static func cssString(_ text: String) -> String {
        TerminalSafe.line(text).unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\", "<", ">", "&": return "\\" + String(scalar.value, radix: 16) + " "
            default: return String(scalar)
            }
        }.joined()
    }

    static let css = """
        body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45; color: #111; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 1.5em; margin-bottom: 0.5em; }
        h2 { font-size: 1.2em; border-bottom: 1px solid #999; padding-bottom: 0.2em; margin-top: 1.5em; }
        h3 { font-size: 1.1em; margin: 0.2em 0; }
        h4 { font-size: 1.05em; margin: 0.2em 0; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
        table.facts { border-collapse: collapse; width: 100%; }
        table.facts th { text-align: left; vertical-align: top; padding: 0.2em 1em 0.2em 0; white-space: nowrap; font-weight: bold; }
        table.facts td { padding: 0.2em 0; overflow-wrap: anywhere; }
        td.good { color: #05612a; font-weight: bold; }
        td.warn { color: #7a4b00; font-weight: bold; }
        td.bad, .alert { color: #a00000; font-weight: bold; }
        .alert { border: 2px solid #a00000; padding: 0.5em; }
        ol.events { list-style: none; padding: 0; margin: 0; }
        ol.events > li { display: grid; grid-template-columns: 5.5em 1fr; column-gap: 0.5em; margin: 0.4em 0; }
        ol.events > li > time { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; color: #555; padding-top: 0.15em; }
        ol.events > li > * { grid-column: 2; margin: 0; }
        ol.events > li > time { grid-column: 1; grid-row: 1 / span 3; }
        .who { font-weight: bold; }
        .note p { color: #444; font-style: italic; }
        .user p { font-weight: bold; }
        .topic h3 { margin-top: 0.8em; }
        pre { white-space: pre-wrap; font-family: inherit; margin: 0.2em 0 0 1em; }
        .advice section { border: 1px solid #777; padding: 0.5em 0.8em; }
        .verdict.yes { color: #05612a; } .verdict.no { color: #a00000; }
        .verdict.not-without, .verdict.ask-monitoring-officer { color: #7a4b00; }
        .meta { color: #444; font-size: 0.95em; }
        .steps-title { font-weight: bold; margin-bottom: 0; }
        figure.quote { margin: 0.6em 0; }
        figure.quote figcaption { font-weight: bold; }
        blockquote { margin: 0.2em 0 0.2em 0.5em; padding-left: 0.8em; border-left: 3px solid #777; white-space: pre-wrap; }
        .qnote { font-size: 0.95em; color: #444; margin: 0.2em 0 0 1.3em; }
        footer { margin-top: 2em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 0.9em; color: #333; }
        @page { size: A4; margin: 20mm 16mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
        @page { @top-center { font-size: 9pt; color: #333; } }
        .withdrawn section { border-style: dashed; color: #444; }
        .withdrawn-note { font-weight: bold; color: #7a4b00; }
        .caution { border-left: 4px solid #a60000; padding-left: 0.6em; }
        p.integrity { border: 1px solid #777; padding: 0.5em; }
        p.integrity.good { color: #05612a; } p.integrity.bad { color: #a00000; font-weight: bold; } p.integrity.warn { color: #7a4b00; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          a { color: inherit; text-decoration: none; }
          figure.quote, ol.events > li:not(.advice), .advice h4, .advice .meta { break-inside: avoid; page-break-inside: avoid; }
          .advice h4, .advice .meta, .steps-title, figcaption { break-after: avoid; page-break-after: avoid; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          td.good, td.warn, td.bad, .alert, .verdict { color: #000 !important; }
        }
        """
}

/// Escaping for text placed in HTML text and attribute values.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalSafe.strip(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
