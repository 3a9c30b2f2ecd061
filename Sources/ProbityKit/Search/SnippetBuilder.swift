/// Cuts a clause down to the stretch with the most matches, keeping its words exactly as written
/// and marking the words that matched.
enum SnippetBuilder {
    /// Clauses up to this many words are shown whole.
    static let wholeClauseWords = 60
    /// Longer clauses are cut to a window of this many words around the matches.
    static let windowWords = 40

    static func snippet(
        for document: ClauseIndex.Document, matching terms: Set<Int>,
        phraseStarts: [(start: Int, length: Int)]
    ) -> Snippet {
        let tokens = document.tokens
        var matched = tokens.map { !$0.isStop && $0.terms.contains(where: terms.contains) }
        for (start, length) in phraseStarts {
            for position in start..<(start + length) where position < document.sequenceToken.count {
                matched[document.sequenceToken[position]] = true
            }
        }
        let text = Array(document.clause.text.utf8)
        guard !tokens.isEmpty else { return Snippet(parts: [.init(document.clause.text, isMatch: false)]) }

        var first = 0
        var last = tokens.count - 1
        if tokens.count > wholeClauseWords {
            // The window with the most matched words; ties go to the earliest.
            var best = 0
            var bestCount = -1
            var count = 0
            for i in 0..<tokens.count {
                if matched[i] { count += 1 }
                if i >= windowWords, matched[i - windowWords] { count -= 1 }
                if i >= windowWords - 1, count > bestCount {
                    bestCount = count
                    best = i - windowWords + 1
                }
            }
            // Start a few words before the first match in the window, for context.
            let firstMatch = (best..<(best + windowWords)).first { matched[$0] } ?? best
            first = max(0, min(firstMatch - 6, tokens.count - windowWords))
            last = min(tokens.count - 1, first + windowWords - 1)
        }

        var parts: [Snippet.Part] = []
        func append(_ bytes: ArraySlice<UInt8>, _ isMatch: Bool) {
            let s = String(decoding: bytes, as: UTF8.self)
            guard !s.isEmpty else { return }
            if let lastPart = parts.last, lastPart.isMatch == isMatch {
                parts[parts.count - 1].text += s
            } else {
                parts.append(.init(s, isMatch: isMatch))
            }
        }
        if first > 0 { parts.append(.init("… ", isMatch: false)) }
        var cursor = tokens[first].token.start
        for i in first...last {
            let token = tokens[i].token
            // Text between two matched words joins the match when it is a space or a hyphen
            // (need to know, non-members).
            let gap = text[cursor..<token.start]
            let joinsMatch =
                matched[i] && i > first && matched[i - 1] && gap.count <= 3
                && (gap.allSatisfy { $0 == 0x20 || $0 == 0x2D } || Array(gap) == [0xE2, 0x80, 0x91])
            append(gap, joinsMatch)
            append(text[token.start..<token.end], matched[i])
            cursor = token.end
        }
        if last == tokens.count - 1 {
            append(text[cursor..<text.count], false)
        } else {
            parts.append(.init(" …", isMatch: false))
        }
        return Snippet(parts: parts)
    }
}
