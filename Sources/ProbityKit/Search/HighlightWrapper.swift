/// Wraps text made of plain and matched parts to a width, dressing the matches: bold and
/// yellow with colour, between markers without. Widths count only what the reader sees.
public enum HighlightWrapper {
    /// A word on the page: one or more pieces (a quote mark and a matched word make one word).
    private typealias Word = [(text: String, isMatch: Bool)]

    public static func wrap(_ parts: [Snippet.Part], style: TextStyle, indent: String, firstIndent: String? = nil,
                            open: String = "[[", close: String = "]]") -> [String] {
        var words: [Word] = []
        var continuesWord = false
        for part in parts {
            // Without colour the markers are part of the text.
            let text = part.isMatch && !style.colour ? open + part.text + close : part.text
            let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() where !piece.isEmpty {
                if i == 0, continuesWord, !words.isEmpty {
                    words[words.count - 1].append((String(piece), part.isMatch))
                } else {
                    words.append([(String(piece), part.isMatch)])
                }
            }
            continuesWord = !(text.last?.isWhitespace ?? true)
        }
        var lines: [String] = []
        var line = firstIndent ?? indent
        var column = line.count
        var lineHasWord = false
        for word in words {
            let width = word.reduce(0) { $0 + $1.text.count }
            if lineHasWord && column + 1 + width > style.width {
                lines.append(line)
                line = indent
                column = indent.count
                lineHasWord = false
            }
            if lineHasWord { line += " "; column += 1 }
            line += word.map { $0.isMatch && style.colour ? style.bold(style.yellow($0.text)) : $0.text }.joined()
            column += width
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
