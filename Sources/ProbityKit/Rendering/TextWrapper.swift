/// Wraps prose to a width, keeping an indent for continuation lines.
public enum TextWrapper {
    /// Wraps `text` so no line exceeds `width` columns (a single longer word stands on its own line).
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        let first = firstIndent ?? indent
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? first : indent
            var lineHasWord = false
            let prefixWidth = line.count
            var column = prefixWidth
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let w = word.count
                if lineHasWord && column + 1 + w > width {
                    lines.append(line)
                    line = indent
                    column = indent.count
                    lineHasWord = false
                }
                if lineHasWord { line += " "; column += 1 }
                line += word
                column += w
                lineHasWord = true
            }
            lines.append(line)
        }
        return lines
    }
}
