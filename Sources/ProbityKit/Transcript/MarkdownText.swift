/// Escaping for text placed in Markdown, so that what a user typed, or a clause, cannot turn into markup.
enum MarkdownText {
    /// Escapes inline: backslash, backtick, emphasis, links, HTML, tables; a line that starts like a heading,
    /// list or quote is escaped too. Newlines become hard line breaks.
    static func escape(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "{", "}", "!"]
        return TerminalSafe.strip(text).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = ""
            for (i, ch) in line.enumerated() {
                if special.contains(ch) || (i == 0 && (ch == "-" || ch == "+" || ch == "=")) { out.append("\\") }
                out.append(ch)
            }
            // "1. " at the start of a line would become a list.
            if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy(\.isNumber), !out[..<dot].isEmpty {
                out.insert("\\", at: dot)
            }
            return out
        }.joined(separator: "  \n")
    }
}
