/// Understands an answer typed at a question: a number, an option's id or words,
/// or an unambiguous beginning of them, in any case.
public enum OptionMatcher {
    public enum Match: Sendable {
        case option(AnswerOption)
        case ambiguous([AnswerOption])
        case none
    }

    public static func match(_ input: String, in options: [AnswerOption]) -> Match {
        let text = input.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { return .none }
        if let n = Int(text) {
            return (1...max(options.count, 1)).contains(n) && n <= options.count ? .option(options[n - 1]) : .none
        }
        if let exact = options.first(where: { $0.id.lowercased() == text || $0.label.lowercased() == text }) {
            return .option(exact)
        }
        let folded = fold(text)
        let prefixed = options.filter { fold($0.label).hasPrefix(folded) || fold($0.id).hasPrefix(folded) }
        if prefixed.count == 1 { return .option(prefixed[0]) }
        if prefixed.count > 1 { return .ambiguous(prefixed) }
        // Every typed word is found in the option's label, as a word or the start of one.
        let words = folded.split(separator: " ")
        let byWords = options.filter { option in
            let labelWords = fold(option.label + " " + option.id).split(separator: " ")
            return words.allSatisfy { w in labelWords.contains { $0.hasPrefix(w) } }
        }
        if byWords.count == 1 { return .option(byWords[0]) }
        if byWords.count > 1 { return .ambiguous(byWords) }
        return .none
    }

    /// Lowercase, punctuation and hyphens as spaces, single-spaced.
    static func fold(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }
}

extension OptionMatcher {
    /// Several answers at once, for a question that takes them: "1 3", "1, 3", "1 and 3", or options' words
    /// separated by commas or "and". Nil unless every part names exactly one option.
    public static func matchSeveral(_ input: String, in options: [AnswerOption]) -> [AnswerOption]? {
        let normalised = input.lowercased().replacingOccurrences(of: " and ", with: ",")
        var parts = normalised.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        if parts.count == 1, parts[0].split(separator: " ").allSatisfy({ Int($0) != nil }) {
            parts = parts[0].split(separator: " ").map(String.init)
        }
        guard parts.count > 1 else { return nil }
        var chosen: [AnswerOption] = []
        for part in parts {
            guard case .option(let option) = match(part, in: options) else { return nil }
            if !chosen.contains(where: { $0.id == option.id }) { chosen.append(option) }
        }
        return options.filter { o in chosen.contains { $0.id == o.id } }
    }
}
