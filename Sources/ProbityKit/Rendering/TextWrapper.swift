/// Wraps prose to a width, keeping an indent for continuation lines.
public enum TextWrapper {
    /// Wraps `text` so no line exceeds `width` columns by display width (a single longer word stands on its own line).
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        let first = firstIndent ?? indent
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? first : indent
            var lineHasWord = false
            let prefixWidth = DisplayWidth.of(line)
            var column = prefixWidth
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let w = DisplayWidth.of(word)
                if lineHasWord && column + 1 + w > width {
                    lines.append(line)
                    line = indent
                    column = DisplayWidth.of(indent)
                    lineHasWord = false
                }
                if lineHasWord {
                    line += " "
                    column += 1
                }
                line += word
                column += w
                lineHasWord = true
            }
            lines.append(line)
        }
        return lines
    }

    /// Every line of `text` that is wider than `width` columns, wrapped at its spaces with its own leading spaces as
    /// the indent of what follows: no line is left for the terminal to split mid-word. Lines that fit are left alone.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard DisplayWidth.of(line) > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            let hanging = indent.count < width / 2 ? indent : ""
            return wrap(String(line.dropFirst(indent.count)), width: width, indent: hanging, firstIndent: indent).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
