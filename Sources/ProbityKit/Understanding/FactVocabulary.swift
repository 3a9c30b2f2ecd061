/// Words of council business that say the same thing, for hearing facts: a small curated table, folded to one stem
/// on both sides (the phrase's words and the message's), so that a phrase written with one of them meets a message
/// written with another ("a reporter rang me" meets "a journalist phoned me"). Irregular verbs are here too: the
/// stemmer makes "briefed" "brief" but leaves "told" apart from "tell".
///
/// Each group names one thing; a word that means something else in a council ("paper": committee papers or a
/// newspaper; "left": the political left) is left out.
enum FactVocabulary {
    static let groups: [[String]] = [
        // Who is who.
        ["journalist", "reporter", "journo", "press", "media", "newspaper", "broadcaster"],
        ["councillor", "cllr", "councilor"],
        ["manager", "boss"],
        ["chair", "chairman", "chairwoman", "chairperson"],
        ["friend", "mate", "pal"],
        ["mother", "mum", "mam", "mom"],
        ["father", "dad"],
        ["grandmother", "gran", "nan", "nana", "granny", "grandma"],
        ["grandfather", "grandad", "granddad", "grandpa"],
        ["son", "daughter", "child", "children", "kid"],
        ["wife", "husband", "spouse"],
        ["aunt", "uncle"],
        ["nephew", "niece"],
        ["conservative", "tory", "tories"],
        // People of a party who are not councillors ("their party organiser will be there").
        ["agent", "organiser", "activist", "campaigner", "volunteer", "coordinator"],
        // What happens.
        ["complain", "complaint"],
        ["bully", "harass", "harassment", "intimidate", "intimidation"],
        ["sack", "dismiss", "dismissal"],
        // Irregular verbs: the past said as the present.
        ["tell", "told"], ["ring", "rang", "rung"], ["speak", "spoke", "spoken"], ["write", "wrote", "written"], ["send", "sent"],
        ["give", "gave", "given"], ["meet", "met"], ["see", "saw", "seen"], ["go", "went", "gone"],
        ["take", "took", "taken"], ["keep", "kept"], ["say", "said"], ["come", "came"], ["hear", "heard"],
        ["know", "knew", "known"], ["pay", "paid"], ["sit", "sat"], ["bring", "brought"], ["buy", "bought"],
        ["lend", "lent"], ["think", "thought"], ["find", "found"], ["feel", "felt"], ["hold", "held"],
        ["choose", "chose", "chosen"], ["forget", "forgot", "forgotten"], ["lose", "lost"], ["spend", "spent"],
        ["make", "made"], ["mean", "meant"], ["begin", "began", "begun"],
    ]

    /// Words the stemmer would run into another word ("reporters" → "report", "pressed" → "press"): folded only as
    /// written (and in the plural), never by their stem.
    static let asWritten: Set<String> = ["reporter", "press", "campaigner", "organiser"]

    /// Word as written (and its plural) → the stem of its group's first word.
    static let byWord: [String: String] = {
        var map: [String: String] = [:]
        for group in groups {
            let canonical = stem(group[0])
            for word in group {
                map[word] = canonical
                map[word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") ? word + "es" : word + "s"] = canonical
            }
        }
        return map
    }()

    /// Stem → the stem of its group's first word (every inflection of a word the stemmer keeps apart from others).
    static let byStem: [String: String] = {
        var map: [String: String] = [:]
        for group in groups {
            let canonical = stem(group[0])
            for word in group where !asWritten.contains(word) && stem(word) != canonical { map[stem(word)] = canonical }
        }
        return map
    }()

    private static func stem(_ word: String) -> String { PhraseMatcher.stems(word).joined(separator: " ") }

    /// Tokens with abbreviations written out: those the routing normaliser writes out (`Synonyms.expansions`: "MO",
    /// "CEO", "HR", "purdah" …), a few more of council business, and "O&S" (read as "o and s") as overview and scrutiny.
    static func expanded(_ tokens: [PhraseMatcher.Token]) -> [PhraseMatcher.Token] {
        var out: [PhraseMatcher.Token] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            var words: [String]?
            if token.word == "o", i + 2 < tokens.count, tokens[i + 1].word == "and", tokens[i + 2].word == "s", !tokens[i + 1].afterBreak,
                !tokens[i + 2].afterBreak
            {
                words = ["overview", "and", "scrutiny"]
                i += 2
            } else {
                words = abbreviations[token.word] ?? Synonyms.expansion(of: token.word)
            }
            if let words {
                out += words.enumerated().map { n, word in
                    PhraseMatcher.Token(word: word, possessive: n == words.count - 1 && token.possessive, afterBreak: n == 0 && token.afterBreak)
                }
            } else {
                out.append(token)
            }
            i += 1
        }
        return out
    }

    /// Abbreviations of council business the routing normaliser does not write out.
    static let abbreviations: [String: [String]] = [
        "dcs": ["director", "of", "children", "services"], "dass": ["director", "of", "adult", "social", "services"],
        "cx": ["chief", "executive"],
    ]

    /// The stem a word stands for: its group's, or its own. `word` as `PhraseMatcher.words` gives it, `stem` its stem.
    static func fold(word: String, stem: String) -> String {
        byWord[word] ?? byStem[stem] ?? stem
    }
}
