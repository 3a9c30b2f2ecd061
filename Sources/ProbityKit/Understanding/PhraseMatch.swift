/// What the looser phrase rules need to know of a message beyond its stems.
struct PhraseContext {
    /// `breaks[i]`: punctuation that parts clauses stands before word `i` (empty: none known).
    var breaks: [Bool] = []
    /// Stems that so many of the facts' phrases use that they may not stand far from the phrase word before them.
    var common: Set<String> = []

    func isBreak(before index: Int) -> Bool { index < breaks.count && breaks[index] }
}

/// One phrase matched against one message's stems, under a set of rules.
struct Match {
    var phrase: [String]
    var text: [String]
    var rules: PhraseRules
    var context: PhraseContext

    /// How many words a wide gap may step over, between two phrase words that few phrases use.
    static let wideGap = 4

    /// Matches the phrase from `at`; returns where the match ends (the shortest match).
    func match(_ phrase: ArraySlice<String>, from at: Int, gapsLeft: Int, first: Bool, previous: String? = nil) -> Int? {
        guard let word = phrase.first else { return at }
        if let span = Duration(token: word) {
            // A length of time, said any way ("three weeks", "a fortnight", "10 working days").
            guard let (days, end) = Duration.read(text, from: at), span.contains(days) else { return nil }
            return match(phrase.dropFirst(), from: end, gapsLeft: gapsLeft, first: false)
        }
        if word == "*" {
            for skip in 0...3 where at + skip <= text.count {
                if let end = match(phrase.dropFirst(), from: at + skip, gapsLeft: gapsLeft, first: false) { return end }
            }
            return nil
        }
        if at < text.count, text[at] == word, let end = match(phrase.dropFirst(), from: at + 1, gapsLeft: gapsLeft, first: false, previous: word) {
            return end
        }
        guard !first, gapsLeft > 0 else { return nil }
        // One other word between two of the phrase's: never before its first word, never a negation
        // ("can see" is not "can not see").
        if at + 1 < text.count, text[at + 1] == word, !PhraseMatcher.negations.contains(text[at]),
            let end = match(phrase.dropFirst(), from: at + 2, gapsLeft: gapsLeft - 1, first: false, previous: word)
        {
            return end
        }
        // Rare words may stand further apart ("the exempt appendix" in "exempt information in the appendix"), once in a
        // match, within one clause: no negation, no word that starts a clause, no punctuation between them.
        guard rules.wideGaps, gapsLeft == PhraseMatcher.maximumGaps, let previous, isRare(previous), isRare(word) else { return nil }
        for skip in 2...Self.wideGap where at + skip < text.count {
            let between = at..<(at + skip)
            if between.contains(where: { context.isBreak(before: $0) || stops($0) }) || context.isBreak(before: at + skip) { return nil }
            if text[at + skip] == word, let end = match(phrase.dropFirst(), from: at + skip + 1, gapsLeft: 0, first: false, previous: word) {
                return end
            }
        }
        return nil
    }

    /// A word that few of the facts' phrases use, and that says something (not "the", "of", "be").
    func isRare(_ stem: String) -> Bool {
        stem.count > 2 && !context.common.contains(stem) && !StopWords.contains(stem) && !PhraseMatcher.negations.contains(stem)
            && Duration(token: stem) == nil
    }

    /// A word a wide gap may not step over: a negation or a word that starts another clause.
    private func stops(_ index: Int) -> Bool {
        PhraseMatcher.negations.contains(text[index]) || FactExtractor.clauseStarts.contains(text[index])
    }

    /// Where a phrase of two words of meaning occurs the other way round, joined by a preposition: "group briefing" in
    /// "a briefing for the group", "council laptop" in "a laptop of the council's". Not joined by a verb: "officer
    /// bullied" is not "bullied the officer".
    func reversed() -> [Range<Int>] {
        guard phrase.count == 2, isRare(phrase[0]), isRare(phrase[1]) else { return [] }
        var found: [Range<Int>] = []
        for start in text.indices where text[start] == phrase[1] {
            var i = start + 1
            guard i < text.count, Self.linkingPrepositions.contains(text[i]), !context.isBreak(before: i) else { continue }
            i += 1
            var determiners = 0
            while i < text.count, Self.determiners.contains(text[i]), determiners < 2, !context.isBreak(before: i) {
                i += 1
                determiners += 1
            }
            if i < text.count, text[i] == phrase[0], !context.isBreak(before: i) { found.append(start..<(i + 1)) }
        }
        return found
    }

    /// Prepositions that join a noun to the noun it is said of, as stems.
    static let linkingPrepositions: Set<String> = Set(["of", "for", "about", "on", "from", "at", "by"].map(PhraseMatcher.stem))
    /// Words that may stand before that noun, as stems.
    static let determiners: Set<String> = Set(
        ["the", "a", "an", "our", "my", "their", "his", "her", "its", "this", "that", "these", "those", "your"].map(PhraseMatcher.stem))
}
