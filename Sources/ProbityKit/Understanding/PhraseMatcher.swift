/// Finds where a fact option's phrases occur in what a user typed: whole words in order, ignoring case,
/// punctuation and contractions, with `*` standing for up to three words.
public enum PhraseMatcher {
    /// Words as the matcher compares them: lower case, contractions expanded ("I'm" → "i am", "isn't" → "is not"),
    /// possessive "'s" dropped, every other non-letter, non-digit a break. `*` is kept as a word of its own.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.word)
    }

    /// A word as `words` gives it, and whether it was written as a possessive ("officer's", "officers'").
    struct Token: Equatable {
        var word: String
        var possessive = false
    }

    static func tokens(_ text: String) -> [Token] {
        // Scalar by scalar, ASCII without looking anything up: validate splits every phrase of the catalogue.
        var out: [Token] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            out += expand(String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x27 {
                    current.append(scalar)
                } else if v >= 0x41 && v <= 0x5A {
                    current.append(Unicode.Scalar(v + 0x20)!)
                } else if v == 0x2A {
                    flush()
                    out.append(Token(word: "*"))
                } else {
                    flush()
                }
            } else if v == 0x2019 {
                current.append("'")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    private static let whole: [String: [String]] = [
        "i'm": ["i", "am"], "can't": ["can", "not"], "cannot": ["can", "not"], "won't": ["will", "not"],
        "shan't": ["shall", "not"], "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "he's": ["he", "is"], "she's": ["she", "is"], "what's": ["what", "is"], "who's": ["who", "is"],
        "let's": ["let", "us"], "ain't": ["is", "not"],
    ]

    private static let suffixes: [(String, String)] = [("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]

    private static func expand(_ word: String) -> [Token] {
        guard word.utf8.contains(0x27) else { return word == "cannot" ? [Token(word: "can"), Token(word: "not")] : [Token(word: word)] }
        var w = Substring(word)
        while w.first == "'" { w = w.dropFirst() }
        // "officers'" is a possessive; a closing quote after any other word is not.
        let pluralPossessive = w.hasSuffix("s'")
        while w.last == "'" { w = w.dropLast() }
        guard !w.isEmpty else { return [] }
        let text = String(w)
        if let known = whole[text] { return known.map { Token(word: $0) } }
        for (suffix, replacement) in suffixes where text.hasSuffix(suffix) {
            return [Token(word: String(text.dropLast(suffix.count))), Token(word: replacement)]
        }
        if text.hasSuffix("'s") { return [Token(word: String(text.dropLast(2)).filter { $0 != "'" }, possessive: true)] }
        return [Token(word: text.filter { $0 != "'" }, possessive: pluralPossessive)]
    }

    /// Words reduced to a common form, so that "councillors" meets "councillor" and "organised" meets "organized".
    public static func stems(_ text: String) -> [String] {
        words(text).map { $0 == "*" || negations.contains($0) ? $0 : PorterStemmer.stem(SpellingVariants.fold($0)) }
    }

    /// Every place `phrase` (already split into words) occurs in `text`, as half-open word ranges. Between two
    /// words of the phrase one other word may stand ("brief the group" in "brief the Labour group"), twice at most;
    /// `*` stands for up to three.
    static func occurrences(of phrase: [String], in text: [String]) -> [Range<Int>] {
        guard !phrase.isEmpty else { return [] }
        var found: [Range<Int>] = []
        for start in text.indices {
            if let end = match(phrase[...], text, from: start, gapsLeft: maximumGaps, first: true) { found.append(start..<end) }
        }
        return found
    }

    /// How many single extra words a match may step over.
    static let maximumGaps = 2

    /// Matches the phrase from `at`; returns where the match ends (the shortest match).
    private static func match(_ phrase: ArraySlice<String>, _ text: [String], from at: Int, gapsLeft: Int, first: Bool) -> Int? {
        guard let word = phrase.first else { return at }
        if let span = Duration(token: word) {
            // A length of time, said any way ("three weeks", "a fortnight", "10 working days").
            guard let (days, end) = Duration.read(text, from: at), span.contains(days) else { return nil }
            return match(phrase.dropFirst(), text, from: end, gapsLeft: gapsLeft, first: false)
        }
        if word == "*" {
            for skip in 0...3 where at + skip <= text.count {
                if let end = match(phrase.dropFirst(), text, from: at + skip, gapsLeft: gapsLeft, first: false) { return end }
            }
            return nil
        }
        if at < text.count, text[at] == word,
            let end = match(phrase.dropFirst(), text, from: at + 1, gapsLeft: gapsLeft, first: false)
        {
            return end
        }
        // One other word between two of the phrase's: never before its first word, never a negation
        // ("can see" is not "can not see").
        guard !first, gapsLeft > 0, at + 1 < text.count, text[at + 1] == word, !negations.contains(text[at]) else { return nil }
        return match(phrase.dropFirst(), text, from: at + 2, gapsLeft: gapsLeft - 1, first: false)
    }

    /// Words that turn what follows into its opposite.
    static let negations: Set<String> = ["not", "no", "never", "nor", "neither", "without", "none", "nothing", "nobody"]
}

/// A span of working days written in a phrase as `#wd:N-M` or `#wd:N+` ("#wd:11+" is "more than ten working days"),
/// matched by any length of time the user writes: "three weeks", "a fortnight", "10 working days", "a couple of days".
/// Days count as working days, a week as five, a fortnight as ten, a month as twenty.
struct Duration: Equatable {
    var range: ClosedRange<Int>

    init?(token: String) {
        guard token.hasPrefix("#wd:") else { return nil }
        let spec = token.dropFirst(4)
        if spec.hasSuffix("+"), let low = Int(spec.dropLast()) {
            range = low...Int.max
        } else {
            let parts = spec.split(separator: "-")
            guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low <= high else { return nil }
            range = low...high
        }
    }

    func contains(_ days: Int) -> Bool { range.contains(days) }

    /// Numbers as the matcher's stems spell them.
    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "on": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelv": 12, "fifteen": 15, "twenti": 20, "few": 3, "sever": 3, "coupl": 2,
    ]

    /// Working days in one of each unit, by stem.
    static let units: [String: Int] = ["dai": 1, "week": 5, "fortnight": 10, "month": 20]

    /// The working days a length of time at `at` in `text` (stems) comes to, and where it ends.
    static func read(_ text: [String], from at: Int) -> (Int, Int)? {
        guard at < text.count else { return nil }
        var i = at
        var count: Int
        if let n = Int(text[i]) { count = n } else if let n = numbers[text[i]] { count = n } else { return nil }
        i += 1
        // "a couple of days", "a few weeks", "over a month": the number may take "of" or a second word.
        if i < text.count, text[i] == "coupl" || text[i] == "few" || text[i] == "sever" {
            count = numbers[text[i]] ?? count
            i += 1
        }
        if i < text.count, text[i] == "of" { i += 1 }
        if i < text.count, text[i] == "work" || text[i] == "busi" { i += 1 }
        guard i < text.count, let unit = units[text[i]] else { return nil }
        return (count * unit, i + 1)
    }
}
