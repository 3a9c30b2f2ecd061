/// Undoes the line wrapping of text the chat showed (it is recorded as printed, wrapped to the screen), so
/// that a rendering can wrap it again to its own width. Indentation, bullets, numbered items and quote bars
/// are kept; only the breaks inside a paragraph or an item go.
enum PlainTextReflow {
    static func unwrap(_ text: String) -> String {
        var out: [String] = []
        /// The prefix a continuation of the last line would start with, if it can have one.
        var continuation: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let (prefix, body) = split(line)
            if body.isEmpty {
                out.append(line)
                continuation = nil
                continue
            }
            if let continuation, prefix == continuation, marker(body) == nil, !out.isEmpty {
                out[out.count - 1] += " " + body
                continue
            }
            out.append(line)
            // The next line continues this one if it starts where this one's words start.
            if let m = marker(body), !prefix.contains("│") {
                continuation = prefix + String(repeating: " ", count: m)
            } else {
                continuation = prefix
            }
        }
        return out.joined(separator: "\n")
    }

    /// Wraps text that `unwrap` produced to a width, each line keeping its indentation, quote bar or list
    /// marker, continuation lines indented to where the words start. `base` goes before every line.
    static func wrap(_ text: String, width: Int, base: String) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let (prefix, body) = split(String(raw))
            if body.isEmpty {
                out.append(base + prefix)
                continue
            }
            let hanging = prefix.contains("│") ? prefix : prefix + String(repeating: " ", count: marker(body) ?? 0)
            out += TextWrapper.wrap(body, width: width, indent: base + hanging, firstIndent: base + prefix)
        }
        return out
    }

    /// Leading spaces and quote bars ("  │ "), and the rest.
    private static func split(_ line: String) -> (String, String) {
        let prefix = line.prefix { $0 == " " || $0 == "│" }
        return (String(prefix), String(line.dropFirst(prefix.count)))
    }

    /// The width of a list marker the text starts with ("• ", "- ", "12. "), if any.
    private static func marker(_ body: String) -> Int? {
        if body.hasPrefix("• ") || body.hasPrefix("- ") || body.hasPrefix("* ") { return 2 }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(". ") { return digits.count + 2 }
        return nil
    }
}
