import Foundation

/// The report as Markdown or one HTML page. Everything read from transcripts is escaped (and stripped of
/// control characters): a question someone typed cannot become markup or a terminal command.
public struct TranscriptReportRenderer: Sendable {
    public var topicTitles: [String: String]

    public init(topicTitles: [String: String] = [:]) { self.topicTitles = topicTitles }

    private struct Section {
        var title: String
        var header: [String]
        var rows: [[String]]
        var empty: String
    }

    private func sections(_ r: TranscriptReport) -> [Section] {
        func counts(_ title: String, _ what: String, _ list: [TranscriptReport.Count], names: [String: String] = [:], empty: String) -> Section {
            Section(
                title: title, header: [what, "how many"],
                rows: list.map { c in [names[c.key].map { "\($0) (\(c.key))" } ?? c.key, String(c.count)] }, empty: empty)
        }
        return [
            counts("Advice given, by topic", "topic", r.byTopic, names: topicTitles, empty: "No advice was given."),
            counts("Advice given, by verdict", "verdict", r.byVerdict, empty: "No advice was given."),
            counts("Transcripts, by role", "role", r.byRole, empty: "No transcripts."),
            counts("Transcripts, by user (the database user who sent them)", "user", r.byUser, empty: "No transcripts."),
            counts(
                "Questions Probity could not route (what people ask that the knowledge lacks)", "question", r.unrouted,
                empty: "Every question was routed to a topic."),
            Section(
                title:
                    "Past advice a protocol revision would now change (\(r.replayed) transcript\(r.replayed == 1 ? "" : "s") recorded under other knowledge, replayed)",
                header: ["transcript", "council", "topic", "what would differ"],
                rows: r.changedByRevision.map { [$0.id, $0.council, $0.topic, $0.change] },
                empty: "None: the advice recorded is what the current protocols give."),
            Section(
                title: "Unsealed transcripts (\(r.unsealedCount): the chat did not end cleanly, or the rest never arrived)",
                header: ["transcript", "user", "started"],
                rows: r.unsealed.map { [$0.id, $0.user, $0.started] },
                empty: "None."),
        ]
    }

    private func period(_ r: TranscriptReport) -> String {
        switch (r.from, r.to) {
        case (let from?, let to?): "from \(from) to \(to)"
        case (let from?, nil): "from \(from)"
        case (nil, let to?): "up to \(to)"
        case (nil, nil): "all dates"
        }
    }

    public func markdown(_ r: TranscriptReport) -> String {
        func md(_ s: String) -> String { MarkdownText.escape(s.replacingOccurrences(of: "&", with: "&amp;")) }
        var out = "# Transcript report\n\n"
        out += "\(md(r.source)), \(period(r)): \(r.transcripts) transcript\(r.transcripts == 1 ? "" : "s"), \(r.sealed) sealed, \(r.unsealedCount) unsealed.\n"
        for section in sections(r) {
            out += "\n## \(md(section.title))\n\n"
            if section.rows.isEmpty {
                out += section.empty + "\n"
                continue
            }
            out += "| " + section.header.map(md).joined(separator: " | ") + " |\n"
            out += "|" + section.header.map { _ in " --- |" }.joined() + "\n"
            for row in section.rows { out += "| " + row.map(md).joined(separator: " | ") + " |\n" }
        }
        if r.unsealed.count < r.unsealedCount || r.unrouted.count >= TranscriptReport.listLimit {
            out += "\nLists show at most \(TranscriptReport.listLimit) entries; the counts cover everything.\n"
        }
        return out
    }

    public func html(_ r: TranscriptReport) -> String {
        let h = HTMLText.escape
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Transcript report — \(h(period(r)))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}
            td.n{text-align:right}</style></head><body>
            <h1>Transcript report</h1>
            <p>\(h(r.source)), \(h(period(r))): \(r.transcripts) transcripts, \(r.sealed) sealed, \(r.unsealedCount) unsealed.</p>

            """
        for section in sections(r) {
            out += "<h2>\(h(section.title))</h2>\n"
            if section.rows.isEmpty {
                out += "<p>\(h(section.empty))</p>\n"
                continue
            }
            out += "<table><tr>" + section.header.map { "<th>\(h($0))</th>" }.joined() + "</tr>\n"
            for row in section.rows {
                out += "<tr>" + row.map { cell in Int(cell) != nil ? "<td class=\"n\">\(h(cell))</td>" : "<td>\(h(cell))</td>" }.joined() + "</tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</body></html>\n"
    }
}
