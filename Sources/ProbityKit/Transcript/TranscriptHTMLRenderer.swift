/// A transcript as one self-contained HTML page a Monitoring Officer can print: no scripts, no outside
/// resources, every piece of text escaped, and print styles that keep quotes and advice on one page where they fit.
public struct TranscriptHTMLRenderer: Sendable {
    public init() {}

    public func render(_ p: TranscriptPresentation) -> String {
        let h = HTMLText.escape
        var body: [String] = []
        body.append("<header>")
        body.append("<h1>Probity transcript <code>\(h(p.id))</code></h1>")
        let integrityClass = !p.verification.isIntact ? "bad" : (p.verification.status == .sealed ? "good" : "warn")
        if !p.verification.isIntact {
            body.append("<p class=\"alert\">This transcript has been altered since it was written: \(h(p.verification.summary))</p>")
        }
        body.append("<table class=\"facts\">")
        for fact in p.facts {
            let cls = fact.label == "Integrity" ? " class=\"\(integrityClass)\"" : ""
            body.append("<tr><th scope=\"row\">\(h(fact.label))</th><td\(cls)>\(h(fact.value))</td></tr>")
        }
        if let digest = p.sealDigest {
            body.append("<tr><th scope=\"row\">Seal SHA-256</th><td><code>\(h(digest))</code></td></tr>")
        }
        body.append("</table>")
        body.append("</header>")
        body.append("<main>")
        body.append("<h2>Conversation</h2>")
        body.append("<ol class=\"events\">")
        for entry in p.entries {
            let time = "<time datetime=\"\(h(entry.time))\">\(h(UTCTime.clock(entry.time)))</time>"
            switch entry.kind {
            case .typed(let text):
                body.append("<li class=\"user\">\(time)<p><span class=\"who\">You:</span> \(h(text))</p></li>")
            case .routed(let text):
                body.append("<li class=\"note\">\(time)<p>\(h(text))</p></li>")
            case .topic(let title, let id):
                body.append("<li class=\"topic\">\(time)<h3>\(h(title)) <code>\(h(id))</code></h3></li>")
            case .question(let prompt, let options):
                let items = options.map { "<li>\(h($0))</li>" }.joined()
                body.append("<li class=\"question\">\(time)<p><span class=\"who\">Probity asked:</span> \(h(prompt))</p><ol>\(items)</ol></li>")
            case .answer(let label):
                body.append("<li class=\"answer\">\(time)<p><span class=\"who\">Answer:</span> \(h(label))</p></li>")
            case .note(let text):
                body.append("<li class=\"note\">\(time)<p>\(h(text))</p></li>")
            case .reasons(let reasons):
                let items = reasons.map { "<li>\(h($0))</li>" }.joined()
                body.append("<li class=\"shown\">\(time)<p><span class=\"who\">Probity showed why:</span></p><ul>\(items)</ul></li>")
            case .shown(let kind, let text):
                body.append("<li class=\"shown\">\(time)<p><span class=\"who\">Probity showed (\(h(kind))):</span></p><pre>\(h(text))</pre></li>")
            case .advice(let a):
                var parts: [String] = []
                parts.append("<h4 class=\"verdict \(h(a.verdict))\">\(h(a.verdictLabel)): \(h(a.headline))</h4>")
                parts.append("<p class=\"meta\">\(h(a.topicTitle)) · \(h(a.councilName)), protocol version \(h(a.protocolVersion))</p>")
                if a.silent { parts.append("<p>The council's protocol has no specific rule on this; the general clauses below still apply.</p>") }
                if let summary = a.summary { parts.append("<p>\(h(summary))</p>") }
                if !a.steps.isEmpty {
                    parts.append("<p class=\"steps-title\">What to do</p><ol class=\"steps\">\(a.steps.map { "<li>\(h($0))</li>" }.joined())</ol>")
                }
                for quote in a.quotes {
                    var q = "<figure class=\"quote\"><figcaption>\(h(quote.label))</figcaption><blockquote>\(h(quote.text))</blockquote>"
                    for note in quote.notes { q += "<p class=\"qnote\">Note: \(h(note))</p>" }
                    if let note = quote.note { q += "<p class=\"qnote\">Why it applies: \(h(note))</p>" }
                    parts.append(q + "</figure>")
                }
                body.append("<li class=\"advice\">\(time)<section>\(parts.joined(separator: "\n"))</section></li>")
            }
        }
        body.append("</ol>")
        body.append("</main>")
        body.append("<footer><p>")
        if let digest = p.sealDigest {
            body.append("Sealed. Seal SHA-256 <code>\(h(digest))</code>. ")
        } else {
            body.append("Not sealed. ")
        }
        body.append("Check the original file with <code>probity transcripts verify \(h(p.id))</code>.")
        if p.redacted { body.append(" This copy leaves out the free text the user typed.") }
        body.append("</p></footer>")

        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Probity transcript \(h(p.id))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
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
        @page { size: A4; margin: 18mm 16mm; }
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
