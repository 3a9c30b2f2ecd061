import Foundation

/// Turns what a conversation shows into text: wrapped to the style's width, coloured only when the style says.
/// Blocks are separated by a blank line.
public struct ConversationRenderer: Sendable {
    public var style: TextStyle
    private var advice: AdviceRenderer { AdviceRenderer(style: style) }

    public init(style: TextStyle) { self.style = style }

    public func render(_ blocks: [ConversationBlock]) -> String {
        blocks.map(render).joined(separator: "\n\n")
    }

    /// Advice that fits the screen when the prompt returns: in full when it fits; else with the quotes folded to
    /// their labels and a hint to unfold them (`quotes`); and if even that is taller than the screen, the verdict
    /// said again last, so that it is in view whatever scrolled away.
    func fitted(_ result: AdviceResult) -> String {
        let full = advice.render(result)
        guard let height = style.height else { return full }
        // The blank line, the hint under the advice and the prompt take three or four rows.
        let room = height - 4
        if full.split(separator: "\n", omittingEmptySubsequences: false).count <= room { return full }
        var folded = advice.render(result, foldQuotes: true)
        if !result.quotes.isEmpty {
            folded +=
                "\n"
                + wrap(
                    "The words of \(result.quotes.count == 1 ? "this clause are" : "these clauses are") folded to keep the advice in view: type `quotes` to read them in full."
                )
                .split(separator: "\n").map { style.dim(String($0)) }.joined(separator: "\n")
        }
        if folded.split(separator: "\n", omittingEmptySubsequences: false).count > room {
            let verdict = AdviceRenderer.verdictLine(result.verdict, headline: result.headline)
            folded += "\n\n" + TextWrapper.wrap("In short: \(verdict)", width: style.width).map { style.verdict(result.verdict, $0) }.joined(separator: "\n")
        }
        return folded
    }

    public func render(_ block: ConversationBlock) -> String {
        let width = style.width
        switch block {
        case .text(let message):
            return wrap(message.text())
        case .hint(let message):
            return wrap(message.text()).split(separator: "\n", omittingEmptySubsequences: false).map { style.dim(String($0)) }.joined(separator: "\n")
        case .warning(let message):
            return wrap(message.text()).split(separator: "\n", omittingEmptySubsequences: false).map { style.yellow(String($0)) }.joined(separator: "\n")
        case .routed(let choice):
            return style.bold("Topic: \(choice.title)") + style.dim(" (\(choice.topicID))")
        case .question(let question, let why, let proposed):
            guard let proposed else { return advice.render(question, showWhy: why) }
            return proposal(proposed, question: question, why: why)
        case .topicChoices(let heading, let choices):
            var lines = TextWrapper.wrap(heading.text(), width: width)
            for (i, choice) in choices.enumerated() {
                lines += TextWrapper.wrap("\(choice.title) (\(choice.topicID))", width: width, indent: "      ", firstIndent: "  \(i + 1). ")
            }
            return lines.joined(separator: "\n")
        case .advice(let result):
            return fitted(result)
        case .reasons(let reasons):
            return advice.render(reasons: reasons)
        case .whyAsked(let question):
            var lines = TextWrapper.wrap("Why I ask \"\(question.prompt)\": \(question.why)", width: width)
            for quote in question.whyClauses {
                lines.append("")
                lines += advice.renderQuote(quote)
            }
            return lines.joined(separator: "\n")
        case .clauses(let quotes):
            return quotes.map { advice.renderQuote($0).joined(separator: "\n") }.joined(separator: "\n\n")
        case .topics(let topics):
            var lines = ["The topics I advise on:"]
            let idWidth = topics.map(\.id.count).max() ?? 0
            let numberWidth = String(topics.count).count
            for (i, topic) in topics.enumerated() {
                let number = String(repeating: " ", count: numberWidth - String(i + 1).count) + "\(i + 1). "
                let id = topic.id + String(repeating: " ", count: idWidth - topic.id.count)
                let first = "  " + number + style.bold(id) + "  "
                let indent = String(repeating: " ", count: 2 + number.count + idWidth + 2)
                let wrapped = TextWrapper.wrap(topic.title, width: max(width - indent.count, 20))
                lines.append(first + (wrapped.first ?? ""))
                lines += wrapped.dropFirst().map { indent + $0 }
            }
            return lines.joined(separator: "\n")
        case .help(let question):
            return help(question)
        case .comparison(let comparison):
            return ComparisonRenderer(style: style).render(comparison).trimmingCharacters(in: .newlines)
        case .searchResults(let query, let council, let hits, let heading):
            return searchResults(query: query, council: council, hits: hits, heading: heading)
        }
    }

    /// A question put as a confirmation of the answer proposed from the user's words: their sentence quoted (never a
    /// control character of theirs reaches the terminal), the option marked, and how to take it.
    private func proposal(_ proposed: ProposedAnswer, question: PendingQuestion, why: Bool) -> String {
        let said = Echo.quote(TerminalSafe.line(proposed.said), limit: 240)
        var lines = TextWrapper.wrap("You said: \(said)", width: style.width)
        lines.append(advice.render(question, showWhy: why, proposed: proposed.option))
        lines += TextWrapper.wrap("Press Enter to take \(proposed.option + 1), or choose another.", width: style.width).map(style.dim)
        return lines.joined(separator: "\n")
    }

    private func wrap(_ text: String) -> String {
        TextWrapper.wrap(text, width: style.width).joined(separator: "\n")
    }

    private func help(_ question: PendingQuestion?) -> String {
        var lines: [String] = []
        if let question {
            lines += TextWrapper.wrap(question.help, width: style.width)
            let several = question.multiple ? " If more than one is true, give them all (\"1 3\")." : ""
            lines += TextWrapper.wrap(
                "Answer with a number from 1 to \(question.options.count), or the start of an option's words, or tell me about the situation in your own words.\(several)",
                width: style.width)
            lines.append("")
        } else {
            lines += TextWrapper.wrap(
                "Ask a question in your own words, e.g. \"can I see the exempt report for planning committee?\". I'll find the topic, ask a few questions, then quote your council's protocol.",
                width: style.width)
            lines.append("")
        }
        lines.append(style.bold("At any prompt:"))
        let commands: [(String, String)] = [
            ("help", "this help"),
            ("back", "undo your last answer"),
            ("change [N]", "list what you have told me; change N to answer that one again"),
            ("restart", "start the current topic again"),
            ("cancel", "leave the current topic (`leave` and `stop` do too); the chat carries on"),
            ("why", "the answers that led here, and why a question is asked"),
            ("topics", "the topics I advise on (type a topic's id to start it)"),
            ("clause NUMBER", "a paragraph of your council's protocol, word for word"),
            ("search WORDS", "paragraphs that mention WORDS"),
            ("compare", "how each council treats the current topic"),
            ("quotes", "the clauses of the last advice in full, when they were folded"),
            ("council ID", "change council, for this conversation"),
            ("role member|officer", "change role, for this conversation"),
            ("remember", "keep the council and role as your defaults for next time"),
            ("save [FOLDER]", "where this conversation is saved, or save it in FOLDER"),
            ("quit", "end the chat (Ctrl-D does too)"),
        ]
        let nameWidth = commands.map(\.0.count).max() ?? 0
        for (name, what) in commands {
            let padded = name + String(repeating: " ", count: nameWidth - name.count)
            lines += TextWrapper.wrap(
                what, width: style.width, indent: String(repeating: " ", count: nameWidth + 4),
                firstIndent: "  " + padded + "  ")
        }
        lines.append(style.dim("Tab completes commands, topics and answers; Ctrl-C clears the line."))
        return lines.joined(separator: "\n")
    }

    private func searchResults(query: String, council: String?, hits: [ClauseHit], heading: String?) -> String {
        var lines = TextWrapper.wrap(heading ?? "Paragraphs that match \"\(query)\":", width: style.width)
        for hit in hits {
            lines.append("")
            lines.append(style.cyan(hit.clause.label))
            let snippet = Self.snippet(hit.clause.clause.text, around: hit.matched, length: 280)
            let wrapped = TextWrapper.wrap(snippet, width: style.width, indent: "  │ ")
            lines += wrapped.map { highlight($0, hit.matched) }
        }
        lines.append("")
        lines.append(style.dim("Type `clause NUMBER` to read one in full."))
        return lines.joined(separator: "\n")
    }

    /// Marks the matched words in bold on a terminal; plain text is left as it is.
    private func highlight(_ line: String, _ words: [String]) -> String {
        guard style.colour, !words.isEmpty else { return line }
        var result = line
        for word in Set(words.map { $0.lowercased() }) where !word.isEmpty {
            var output = ""
            var rest = Substring(result)
            while let range = rest.range(of: word, options: .caseInsensitive) {
                output += rest[..<range.lowerBound]
                output += style.bold(String(rest[range]))
                rest = rest[range.upperBound...]
            }
            result = output + rest
        }
        return result
    }

    /// The clause's text, or about `length` characters of it where the matched words are thickest.
    static func snippet(_ text: String, around words: [String], length: Int) -> String {
        // A clause not much longer than a snippet is shown whole.
        guard text.count > length * 3 / 2 else { return text }
        let lowered = text.lowercased()
        var positions: [Int] = []
        for word in Set(words.map { $0.lowercased() }) where !word.isEmpty {
            var from = lowered.startIndex
            while let found = lowered.range(of: word, range: from..<lowered.endIndex) {
                positions.append(lowered.distance(from: lowered.startIndex, to: found.lowerBound))
                from = found.upperBound
            }
        }
        positions.sort()
        // The window holding the most matches starts a little before the first of them.
        var bestStart = 0
        var bestCount = 0
        for (i, position) in positions.enumerated() {
            let count = positions[i...].prefix { $0 < position + length * 2 / 3 }.count
            if count > bestCount {
                bestCount = count
                bestStart = position
            }
        }
        let offset = max(0, min(bestStart - length / 3, text.count - length))
        var start = text.index(text.startIndex, offsetBy: offset)
        // Begin at a whole word.
        while start > text.startIndex, start < text.endIndex, text[text.index(before: start)] != " " {
            start = text.index(after: start)
        }
        let end = text.index(start, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
        var piece = String(text[start..<end])
        if end < text.endIndex, let space = piece.lastIndex(of: " ") { piece = String(piece[..<space]) }
        return (start > text.startIndex ? "..." : "") + piece + (end < text.endIndex ? "..." : "")
    }
}
