/// Words that mean the same thing in a member/officer protocol, folded to one term so that a
/// question about a "journalist" finds clauses about "the press", and "cllr" finds "Members".
/// The canonical terms are final: they are not stemmed again.
public enum Synonyms {
    /// The canonical term a (lowercase, spelling-folded) word is folded to, or nil when it has none.
    public static func canonical(for word: String) -> String? {
        table[word]
    }

    /// The words an abbreviation stands for (`bcc` → `blind copy`), or nil.
    public static func expansion(of word: String) -> [String]? {
        expansions[word]
    }

    /// Canonical term → the words folded to it. Plurals (`-s`, `-es`, `-ies`) are added automatically.
    static let groups: [(String, [String])] = [
        ("member", ["member", "councillor", "cllr", "councilor"]),
        ("officer", ["officer", "staff", "staffer", "employee", "official", "worker", "personnel"]),
        ("media", ["media", "press", "journalist", "journo", "reporter", "newspaper", "broadcaster",
                   "television", "tv", "radio", "bbc", "newsroom"]),
        ("group", ["group", "party", "caucus", "faction", "tory", "tories", "conservative", "labour", "libdem"]),
        ("relative", ["relative", "mother", "mum", "mummy", "father", "dad", "daddy", "son", "daughter", "brother",
                      "sister", "sibling", "aunt", "auntie", "uncle", "nephew", "niece", "cousin", "grandson",
                      "granddaughter", "grandchild", "grandchildren", "grandmother", "grandfather", "grandma",
                      "grandad", "granddad", "grandpa", "gran", "nan", "nana", "wife", "husband", "spouse",
                      "family", "stepson", "stepdaughter", "stepmother", "stepfather", "parent",
                      "inlaw", "inlaws"]),
        ("dismiss", ["dismiss", "dismissed", "dismissing", "dismissal", "sack", "sacked", "sacking"]),
        ("print", ["print", "printed", "printing", "printer", "photocopy", "photocopied", "photocopying",
                   "photocopier", "copier"]),
        ("equipment", ["equipment", "laptop", "computer", "pc", "ipad", "tablet", "mobile", "iphone", "smartphone"]),
        ("bully", ["bully", "bullied", "bullying", "harass", "harassed", "harassing", "harassment", "intimidate",
                   "intimidated", "intimidating", "intimidation", "abusive"]),
        ("complain", ["complain", "complained", "complaining", "complaint", "grumble", "moan", "moaning"]),
        ("legal", ["legal", "sue", "sued", "suing", "lawsuit", "litigation", "litigate", "legally"]),
        ("contract", ["contract", "tender", "tendered", "tendering", "procure", "procured", "procurement",
                      "supplier", "contractor", "bidder"]),
        ("constituent", ["constituent", "resident", "voter", "electorate", "householder"]),
        ("ward", ["ward", "division", "patch"]),
        ("manager", ["manager", "boss", "supervisor"]),
        ("advice", ["advice", "advise", "advised", "advises", "advising", "adviser", "advisor"]),
        ("visit", ["visit", "visited", "visiting", "tour", "toured"]),
        ("email", ["email", "emailed", "emailing"]),
        ("not", ["not", "non"]),
        ("confidential", ["confidential", "confidentially", "confidentiality", "secret"]),
        ("favour", ["favour", "favoured", "favouritism", "preferential"]),
    ]

    /// Abbreviations and words that stand for a phrase (in plain words: they are normalised like any others).
    static let expansions: [String: [String]] = [
        "bcc": ["blind", "copy"],
        "bcced": ["blind", "copy"],
        "cc": ["copy"],
        "cced": ["copy"],
        "mo": ["monitoring", "officer"],
        "ceo": ["chief", "executive"],
        "hr": ["human", "resources"],
        "purdah": ["pre", "election"],
        "foi": ["freedom", "information"],
        "dols": ["deprivation", "liberty"],
        "pa": ["personal", "assistant"],
    ]

    private static let table: [String: String] = {
        var map: [String: String] = [:]
        for (canonical, words) in groups {
            for word in words {
                map[word] = canonical
                for plural in plurals(of: word) where map[plural] == nil { map[plural] = canonical }
            }
        }
        return map
    }()

    private static func plurals(of word: String) -> [String] {
        if word.hasSuffix("y"), let last = word.dropLast().last, !"aeiou".contains(last) {
            return [word.dropLast() + "ies"]
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return [word + "es"]
        }
        return [word + "s"]
    }
}
