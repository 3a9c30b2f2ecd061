/// A fact taken from what the user typed.
public struct LearntFact: Sendable, Equatable {
    public var factKey: String
    public var optionIDs: [String]
    /// What Probity says back, in the words for each role where the options word it so: "you sit on a council body…"
    /// to a member, "the councillor sits on…" to an officer.
    public var saidBack: RoleText
    /// What Probity says back to a member (and to anyone before the role is known): "someone who is not a councillor
    /// will be at the meeting".
    public var says: String { saidBack.member }
    /// Where in the message the phrases heard it, as ranges of its words; empty when it was heard another way.
    /// Not part of what was learnt: two facts are the same whichever words stated them.
    public var heardIn: [Range<Int>] = []

    public init(factKey: String, optionIDs: [String], says: String, heardIn: [Range<Int>] = []) {
        self.factKey = factKey
        self.optionIDs = optionIDs
        saidBack = RoleText(says)
        self.heardIn = heardIn
    }

    /// What Probity says back to someone in `role`.
    public func says(for role: Role?) -> String { saidBack.text(for: role) }

    public static func == (a: LearntFact, b: LearntFact) -> Bool {
        a.factKey == b.factKey && a.optionIDs == b.optionIDs && a.says == b.says
    }

    /// Whether every place this fact was heard is also a place `other` was heard: the same words stated both.
    func heardWithin(_ other: LearntFact) -> Bool {
        !heardIn.isEmpty && heardIn.allSatisfy { mine in other.heardIn.contains { $0.overlaps(mine) } }
    }
}

/// Reads the facts a message states: every fact one of whose options it states unambiguously.
public enum FactExtractor {
    private struct Hit {
        var fact: Fact
        var option: FactOption
        var range: Range<Int>
    }

    /// The facts `text` states, among `facts`, in the order the facts are listed.
    /// - Parameter index: where the facts' phrases are kept once split into words (a new one splits them afresh).
    public static func facts(in text: String, among facts: [Fact]) -> [LearntFact] {
        FactExtractor.facts(in: text, among: facts, index: PhraseIndex())
    }

    static func facts(
        in text: String, among facts: [Fact], index: PhraseIndex, synonyms: SynonymLayer? = nil, meaning: MeaningLayer? = nil
    ) -> [LearntFact] {
        hearing(in: text, among: facts, index: index, synonyms: synonyms, meaning: meaning).learnt
    }

    /// The same, with the keys of every fact the phrases spoke of (taken or not) and every fact taken.
    static func hearing(
        in text: String, among facts: [Fact], index: PhraseIndex, synonyms: SynonymLayer? = nil, meaning: MeaningLayer? = nil
    ) -> (learnt: [LearntFact], touched: Set<String>) {
        let heard = phraseFacts(in: text, among: facts, index: index)
        guard synonyms != nil || meaning != nil else { return heard }
        var all = heard.learnt
        var touched = heard.touched
        if let synonyms {
            let near = synonyms.facts(in: text, among: facts, phrases: index, skipping: touched)
            all += near
            touched.formUnion(near.map(\.factKey))
        }
        if let meaning { all += meaning.facts(in: text, among: facts, skipping: touched) }
        // In the catalogue's order, whichever layer heard the fact.
        return (facts.compactMap { fact in all.first { $0.factKey == fact.key } }, touched.union(all.map(\.factKey)))
    }

    /// What the phrases hear: the facts taken, and the keys of every fact a phrase spoke of (taken or not: two
    /// options heard at once leave the fact to be asked, and the meaning layer leaves it alone too).
    static func phraseFacts(in text: String, among facts: [Fact], index: PhraseIndex) -> (learnt: [LearntFact], touched: Set<String>) {
        phraseFacts(words: PhraseMatcher.stems(text), tokens: PhraseMatcher.tokens(text), among: facts, index: index)
    }

    /// The same, on a message already split into stems and tokens (one for one).
    static func phraseFacts(words: [String], tokens: [PhraseMatcher.Token], among facts: [Fact], index: PhraseIndex) -> (
        learnt: [LearntFact], touched: Set<String>
    ) {
        phraseFacts(words: words, tokens: tokens, among: facts, entries: index.entries(for: facts), common: index.common(for: facts))
    }

    /// The same, with these phrases only (an evaluation leaves some out). The phrases are matched as written first;
    /// the looser `rules` then speak only of the facts no phrase as written spoke of, so that they never undo or
    /// contradict what the user's own words matched.
    static func phraseFacts(
        words stems: [String], tokens: [PhraseMatcher.Token], among facts: [Fact], entries: [PhraseIndex.Entry], rules: PhraseRules = .standard,
        common: Set<String>? = nil
    ) -> (learnt: [LearntFact], touched: Set<String>) {
        let literal = hear(stems, tokens: tokens, among: facts, entries: entries, rules: .literal, common: [])
        let rest = facts.filter { !literal.touched.contains($0.key) }
        guard rules != .literal, !rest.isEmpty else { return literal }
        let keys = Set(rest.map(\.key))
        // Abbreviations written out, where the stems are the tokens' own (a near word put in is left as it is).
        var (stems, tokens) = (stems, tokens)
        if rules.equivalents, tokens.count == stems.count, zip(tokens, stems).allSatisfy({ PhraseMatcher.stem($0.word) == $1 }) {
            tokens = FactVocabulary.expanded(tokens)
            stems = tokens.map { PhraseMatcher.stem($0.word) }
        }
        let loose = hear(
            stems, tokens: tokens, among: rest, entries: entries.filter { keys.contains($0.fact.key) }, rules: rules,
            common: common ?? (rules.wideGaps || rules.freeOrder ? PhraseIndex.common(of: entries) : []))
        let learnt = literal.learnt + loose.learnt
        return (facts.compactMap { fact in learnt.first { $0.factKey == fact.key } }, literal.touched.union(loose.touched))
    }

    /// The facts `entries` hear in a message under `rules`.
    private static func hear(
        _ stems: [String], tokens: [PhraseMatcher.Token], among facts: [Fact], entries: [PhraseIndex.Entry], rules: PhraseRules, common: Set<String>
    ) -> (learnt: [LearntFact], touched: Set<String>) {
        guard !stems.isEmpty else { return ([], []) }
        let aligned = tokens.count == stems.count
        // Council vocabulary that says the same thing is one word on both sides (a near word put in stays as it is).
        let words =
            rules.equivalents && aligned
            ? zip(tokens, stems).map { token, stem in stem == PhraseMatcher.stem(token.word) ? FactVocabulary.fold(word: token.word, stem: stem) : stem }
            : stems
        var context = PhraseContext()
        if aligned { context.breaks = tokens.map(\.afterBreak) }
        context.common = common
        var found: [Hit] = []
        for entry in entries {
            for range in PhraseMatcher.occurrences(of: rules.equivalents ? entry.folded : entry.words, in: words, rules: rules, context: context) {
                if let end = entry.possessiveEnd, aligned {
                    let said = tokens[range.upperBound - 1]
                    guard said.possessive || said.word == end + "s" else { continue }
                }
                found.append(Hit(fact: entry.fact, option: entry.option, range: range))
            }
        }
        // A negation inside a phrase that matched is spent there: "a councillor who isn't on the panel keeps
        // ringing me" negates being on the panel, not the ringing.
        let spent = found.map(\.range).filter { $0.contains { PhraseMatcher.negations.contains(words[$0]) } }
        let hits = found.filter { hit in
            // "not on the committee" is no evidence for "on the committee", unless the phrase itself says "not".
            // A phrase that is a question ("what liabilities", "which code applies") is asked, not denied, by
            // "I'm not clear what liabilities…", "I don't know which code applies".
            guard let negation = precedingNegation(words, before: hit.range.lowerBound),
                !PhraseMatcher.negations.contains(words[hit.range.lowerBound]),
                !questionWords.contains(words[hit.range.lowerBound])
            else { return true }
            return spent.contains { $0.contains(negation) && $0.upperBound <= hit.range.lowerBound }
        }
        // A longer phrase that contains a shorter one of another option wins ("not on the committee" over "on the committee").
        let surviving = hits.filter { hit in
            !hits.contains { other in
                other.option.id != hit.option.id && other.fact.key == hit.fact.key
                    && other.range.lowerBound <= hit.range.lowerBound && other.range.upperBound >= hit.range.upperBound
                    && other.range.count > hit.range.count
            }
        }
        var learnt: [LearntFact] = []
        for fact in facts {
            let options = fact.options.filter { option in surviving.contains { $0.fact.key == fact.key && $0.option.id == option.id } }
            guard !options.isEmpty, fact.multiple || options.count == 1 else { continue }
            var taken = LearntFact(fact: fact, options: options)
            taken.heardIn = surviving.filter { $0.fact.key == fact.key }.map(\.range)
            learnt.append(taken)
        }
        return (learnt, Set(surviving.map(\.fact.key)))
    }

    /// The index of a negating word shortly before `index` ("is not", "am not going to say the"), if any: up to four
    /// words back, never past a word that starts another clause ("I'm not sure, but our agent will be there").
    private static func precedingNegation(_ words: [String], before index: Int) -> Int? {
        for back in 1...4 where index - back >= 0 {
            let word = words[index - back]
            if PhraseMatcher.negations.contains(word) { return index - back }
            if clauseStarts.contains(word) { return nil }
        }
        return nil
    }

    /// Words that begin a question: a phrase that starts with one is not denied by a negation before it.
    static let questionWords: Set<String> = ["what", "which", "who", "whose", "whom", "how", "whether", "where", "when", "why"]

    /// Words that begin a new clause: a negation before them does not reach past them.
    static let clauseStarts: Set<String> = ["but", "and", "so", "though", "although", "however", "because", "while", "whereas", "yet"]
}

extension LearntFact {
    /// `options` of `fact` taken, with what Probity says back.
    init(fact: Fact, options: [FactOption]) {
        func says(_ role: Role) -> [String] {
            options.map {
                $0.says?.text(for: role) ?? "\(fact.prompt.text(for: role).trimmingCharacters(in: ["?"])): \($0.label.lowercasedFirst())"
            }
        }
        self.init(factKey: fact.key, optionIDs: options.map(\.id), says: ListJoiner.andSharing(says(.member)))
        saidBack.officer = ListJoiner.andSharing(says(.officer))
    }
}

/// "a", "a and b", "a, b and c".
enum ListJoiner {
    /// The same, with the words every item starts with said once: "your question is about contact outside working
    /// hours and how quickly enquiries should be answered", not "… and your question is about how quickly …".
    static func andSharing(_ items: [String]) -> String {
        let words = items.map { $0.split(separator: " ", omittingEmptySubsequences: false) }
        guard items.count > 1, let shortest = words.map(\.count).min() else { return and(items) }
        var shared = 0
        while shared < shortest - 1, words.allSatisfy({ $0[shared] == words[0][shared] }) { shared += 1 }
        guard shared >= 2 else { return and(items) }
        return words[0].prefix(shared).joined(separator: " ") + " " + and(words.map { $0.dropFirst(shared).joined(separator: " ") })
    }

    static func and(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
