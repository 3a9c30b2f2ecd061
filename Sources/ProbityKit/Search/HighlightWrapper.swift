/// Wraps a search snippet to a width with its matches dressed (see `MarkedTextWrapper`).
public enum HighlightWrapper {
    public static func wrap(_ parts: [Snippet.Part], style: TextStyle, indent: String, firstIndent: String? = nil) -> [String] {
        MarkedTextWrapper.wrap(
            parts.map { MarkedText($0.text, mark: $0.isMatch ? .match : .none) },
            style: style, indent: indent, firstIndent: firstIndent)
    }
}
