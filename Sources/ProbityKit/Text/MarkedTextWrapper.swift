/// A stretch of text that may be marked: a search match, or a word added or removed by a diff.
public struct MarkedText: Sendable, Equatable {
    public enum Mark: Sendable, Equatable {
        case none, match, added, removed
    }

    public var text: String
    public var mark: Mark

    public init(_ text: String, mark: Mark = .none) {
        self.text = text
        self.mark = mark
    }
}

/// Wraps marked text to a width. In plain text the marks are brackets that survive a pipe: `[[match]]`,
/// `{+added+}`, `[-removed-]`. On a terminal a match is bold yellow; an addition is green and a removal red and
/// struck through, and both keep their brackets, so that a reader who cannot tell the colours apart still sees
/// which is which. Widths count only what the reader sees.
public enum MarkedTextWrapper {
    public static func wrap(_ parts: [MarkedText], style: TextStyle, indent: String, firstIndent: String? = nil) -> [String] {
        // A word on the page: one or more pieces (a quote mark and a matched word make one word).
        var words: [[(text: String, mark: MarkedText.Mark)]] = []
        var continuesWord = false
        for part in parts {
            let (open, close) = style.colour && part.mark == .match ? ("", "") : brackets(part.mark)
            let text = open + part.text + close
            let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() where !piece.isEmpty {
                if i == 0, continuesWord, !words.isEmpty {
                    words[words.count - 1].append((String(piece), part.mark))
                } else {
                    words.append([(String(piece), part.mark)])
                }
            }
            continuesWord = !(text.last?.isWhitespace ?? true)
        }
        var lines: [String] = []
        var line = firstIndent ?? indent
        var column = DisplayWidth.of(line)
        var lineHasWord = false
        for word in words {
            let width = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if lineHasWord && column + 1 + width > style.width {
                lines.append(line)
                line = indent
                column = DisplayWidth.of(indent)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                column += 1
            }
            line += word.map { dress($0.text, $0.mark, style) }.joined()
            column += width
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The plain-text brackets for a mark.
    public static func brackets(_ mark: MarkedText.Mark) -> (String, String) {
        switch mark {
        case .none: ("", "")
        case .match: ("[[", "]]")
        case .added: ("{+", "+}")
        case .removed: ("[-", "-]")
        }
    }

    /// The text with the plain brackets, unwrapped (for JSON and tests).
    public static func plain(_ parts: [MarkedText]) -> String {
        parts.map {
            let (o, c) = brackets($0.mark)
            return o + $0.text + c
        }.joined()
    }

    private static func dress(_ text: String, _ mark: MarkedText.Mark, _ style: TextStyle) -> String {
        guard style.colour else { return text }
        switch mark {
        case .none: return text
        case .match: return style.bold(style.yellow(text))
        case .added: return style.green(text)
        case .removed: return style.red("\u{1B}[9m" + text)
        }
    }
}
