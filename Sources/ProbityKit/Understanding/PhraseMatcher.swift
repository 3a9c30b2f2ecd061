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
        /// Punctuation that parts clauses (a comma, a full stop, a dash between spaces…) stands before the word.
        var afterBreak = false
    }

    static func tokens(_ text: String) -> [Token] {
        // Scalar by scalar, ASCII without looking anything up: validate splits every phrase of the catalogue.
        var out: [Token] = []
        var current = String.UnicodeScalarView()
        var pendingBreak = false
        var previous: UInt32 = 0x20
        func flush() {
            guard !current.isEmpty else { return }
            var expanded = expand(String(current))
            if pendingBreak, !expanded.isEmpty {
                expanded[0].afterBreak = true
                pendingBreak = false
            }
            out += expanded
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previous = v }
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x27 {
                    current.append(scalar)
                } else if v >= 0x41 && v <= 0x5A {
                    current.append(Unicode.Scalar(v + 0x20)!)
                } else if v == 0x2A {
                    flush()
                    out.append(Token(word: "*"))
                } else if v == 0x26 {
                    // "Planning & Highways" is "Planning and Highways".
                    flush()
                    out.append(Token(word: "and", afterBreak: pendingBreak))
                    pendingBreak = false
                } else {
                    flush()
                    // A hyphen inside a word ("non-councillors") parts nothing; one after a space is a dash.
                    if clauseBreaks.contains(v) || (v == 0x2D && previous == 0x20) { pendingBreak = true }
                }
            } else if v == 0x2019 {
                current.append("'")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
                if v == 0x2013 || v == 0x2014 || v == 0x2026 { pendingBreak = true }
            }
        }
        flush()
        return out
    }

    /// ASCII punctuation that parts clauses: , . ; : ! ? ( ) [ ] "
    private static let clauseBreaks: Set<UInt32> = [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x22]

    private static let whole: [String: [String]] = [
        "i'm": ["i", "am"], "can't": ["can", "not"], "cannot": ["can", "not"], "won't": ["will", "not"],
        "shan't": ["shall", "not"], "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "he's": ["he", "is"], "she's": ["she", "is"], "what's": ["what", "is"], "who's": ["who", "is"],
        "let's": ["let", "us"], "ain't": ["is", "not"],
    ]

    private static let suffixes: [(String, String)] = [("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]

    /// Contractions typed without their apostrophe ("they arent councillors", "I havent told anyone"), read as the
    /// contraction: only those that are no other English word ("its", "were", "id", "well" and "shell" are left alone).
    private static let apostropheless: [String: [String]] = [
        "arent": ["are", "not"], "isnt": ["is", "not"], "wasnt": ["was", "not"], "werent": ["were", "not"],
        "dont": ["do", "not"], "doesnt": ["does", "not"], "didnt": ["did", "not"], "havent": ["have", "not"],
        "hasnt": ["has", "not"], "hadnt": ["had", "not"], "couldnt": ["could", "not"], "wouldnt": ["would", "not"],
        "shouldnt": ["should", "not"], "mustnt": ["must", "not"], "neednt": ["need", "not"], "im": ["i", "am"],
        "ive": ["i", "have"], "theyre": ["they", "are"], "youre": ["you", "are"], "theyve": ["they", "have"],
        "theres": ["there", "is"], "thats": ["that", "is"], "whats": ["what", "is"], "hes": ["he", "is"],
        "shes": ["she", "is"],
    ]

    /// "nobody's" typed as "nobodys" (and the like): the word with its possessive, as the apostrophe would give it.
    private static let apostrophelessPossessives: Set<String> = [
        "nobodys", "somebodys", "everybodys", "anybodys", "someones", "everyones", "anyones",
    ]

    private static func expand(_ word: String) -> [Token] {
        guard word.utf8.contains(0x27) else {
            if let known = apostropheless[word] { return known.map { Token(word: $0) } }
            if apostrophelessPossessives.contains(word) { return [Token(word: String(word.dropLast()), possessive: true)] }
            return word == "cannot" ? [Token(word: "can"), Token(word: "not")] : [Token(word: word)]
        }
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
        words(text).map(stem)
    }

    /// The stems of `text` with the council vocabulary that says the same thing folded to one word (`FactVocabulary`).
    static func foldedStems(_ text: String) -> [String] {
        FactVocabulary.expanded(tokens(text)).map { FactVocabulary.fold(word: $0.word, stem: stem($0.word)) }
    }

    static func stem(_ word: String) -> String {
        word == "*" || negations.contains(word) ? word : PorterStemmer.stem(SpellingVariants.fold(word))
    }

    /// Every place `phrase` (already split into words) occurs in `text`, as half-open word ranges. Between two
    /// words of the phrase one other word may stand ("brief the group" in "brief the Labour group"), twice at most;
    /// `*` stands for up to three. `rules` may loosen this (`PhraseRules`), with what `context` knows of the text.
    static func occurrences(
        of phrase: [String], in text: [String], rules: PhraseRules = .literal, context: PhraseContext = PhraseContext()
    ) -> [Range<Int>] {
        guard !phrase.isEmpty else { return [] }
        let matcher = Match(phrase: phrase, text: text, rules: rules, context: context)
        var found: [Range<Int>] = []
        for start in text.indices {
            if let end = matcher.match(phrase[...], from: start, gapsLeft: maximumGaps, first: true) { found.append(start..<end) }
        }
        if rules.freeOrder { found += matcher.reversed() }
        return found
    }

    /// How many single extra words a match may step over.
    static let maximumGaps = 2

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
