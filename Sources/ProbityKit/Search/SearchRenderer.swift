/// Text for search results, for `probity search` and for `search WORDS` in the chat:
/// each hit's council, paragraph and heading, then its snippet with the matches dressed.
public struct SearchRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ hits: [SearchHit], query: String) -> String {
        let shown = query.contains("\"") ? query : "\"\(query)\""
        guard !hits.isEmpty else {
            return "No clause matches \(shown). Try fewer or different words, or drop the quotes.\n"
        }
        var out: [String] = [style.dim(hits.count == 1 ? "1 clause matches \(shown):" : "The \(hits.count) best clauses for \(shown):")]
        let numberWidth = String(hits.count).count
        for (i, hit) in hits.enumerated() {
            out.append("")
            let number = String(i + 1)
            let prefix = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            let indent = String(repeating: " ", count: prefix.count)
            let label = "\(hit.councilShortName) \(hit.clause.fullReference) — \(hit.clause.heading)"
            out += TextWrapper.wrap(label, width: style.width, indent: indent, firstIndent: prefix).map(style.cyan)
            out += HighlightWrapper.wrap(hit.snippet.parts, style: style, indent: indent + "  ")
        }
        out.append("")
        out.append(style.dim("Show a whole clause with `probity clause COUNCIL NUMBER`."))
        return out.joined(separator: "\n") + "\n"
    }
}
