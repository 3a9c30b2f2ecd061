/// Escaping for text placed in Markdown, so that what a user typed, a clause, or anything read from a file
/// cannot turn into markup.
enum MarkdownText {
    /// Escapes inline: backslash, backtick, emphasis, links, HTML and entities (`&`), tables; a line that starts
    /// like a heading, list, quote or code block is escaped too. Control characters go; newlines become hard
    /// line breaks.
    static func escape(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "{", "}", "!", "&"]
        return TerminalSafe.strip(text).replacingOccurrences(of: "\t", with: " ")
            .split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
                // Leading spaces would make an indented code block.
                let line = raw.drop { $0 == " " }
                var out = ""
                for (i, ch) in line.enumerated() {
                    if special.contains(ch) || (i == 0 && (ch == "-" || ch == "+" || ch == "=")) { out.append("\\") }
                    out.append(ch)
                }
                // "1. " or "1) " at the start of a line would become a list.
                if let mark = out.firstIndex(where: { $0 == "." || $0 == ")" }), out[..<mark].allSatisfy(\.isNumber), !out[..<mark].isEmpty {
                    out.insert("\\", at: mark)
                }
                return out
            }.joined(separator: "  \n")
    }

    /// A code span holding `text` (an id, a time, a command): only letters, digits, spaces and `- _ . : / @` are
    /// kept, so nothing read from a file can close the span or look like markup to a later reader.
    static func code(_ text: String) -> String {
        "`" + TerminalSafe.line(text).filter { $0.isLetter || $0.isNumber || " -_.:/@".contains($0) } + "`"
    }
}
