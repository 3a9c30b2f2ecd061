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
        (
            "media",
            [
                "media", "press", "journalist", "journo", "reporter", "newspaper", "broadcaster",
                "television", "tv", "radio", "bbc", "newsroom", "localpaper", "localpress", "socialmedia",
            ]
        ),
        ("group", ["group", "party", "caucus", "faction", "tory", "tories", "conservative", "labour", "libdem"]),
        ("dismiss", ["dismiss", "dismissed", "dismissing", "dismissal", "sack", "sacked", "sacking"]),
        (
            "print",
            [
                "print", "printed", "printing", "printer", "photocopy", "photocopied", "photocopying",
                "photocopier", "copier",
            ]
        ),
        ("equipment", ["equipment", "laptop", "computer", "pc", "ipad", "tablet", "mobile", "iphone", "smartphone"]),
        (
            "bully",
            [
                "bully", "bullied", "bullying", "harass", "harassed", "harassing", "harassment", "intimidate",
                "intimidated", "intimidating", "intimidation", "abusive",
            ]
        ),
        ("complain", ["complain", "complained", "complaining", "complaint", "grumble", "moan", "moaning"]),
        ("legal", ["legal", "sue", "sued", "suing", "lawsuit", "litigation", "litigate", "legally"]),
        (
            "contract",
            [
                "contract", "tender", "tendered", "tendering", "procure", "procured", "procurement",
                "supplier", "contractor", "bidder",
            ]
        ),
        ("constituent", ["constituent", "resident", "voter", "electorate", "householder"]),
        ("ward", ["ward", "division", "patch"]),
        ("manager", ["manager", "boss", "supervisor"]),
        ("advice", ["advice", "advise", "advised", "advises", "advising", "adviser", "advisor"]),
        ("visit", ["visit", "visited", "visiting", "tour", "toured"]),
        ("email", ["email", "emailed", "emailing"]),
        ("not", ["not", "non"]),
        ("exempt", ["exempt", "pinkpapers", "pinkpaper", "part2", "partii", "parttwo"]),
        ("callin", ["callin", "callins"]),
        ("confidential", ["confidential", "confidentially", "confidentiality", "secret"]),
        ("favour", ["favour", "favoured", "favouritism", "preferential"]),
    ]

    /// Two words written apart that name one thing ("local paper"), joined before anything else.
    /// (Hyphenated pairs are joined when the joined word has a synonym.)
    static let pairs: Set<String> = [
        "localpaper", "localpapers", "localpress", "socialmedia", "pinkpapers", "pinkpaper",
        "part2", "partii", "parttwo", "callin",
    ]
    /// The second words of `pairs`: only these make a pair worth checking.
    static let pairEndings: Set<String> = ["paper", "papers", "press", "media", "2", "ii", "two", "in"]

    /// Whether `word` may end a pair: a byte test first, so most words cost no hashing.
    static func mayEndPair(_ word: String) -> Bool {
        guard let first = word.utf8.first, word.utf8.count <= 6,
            first == 0x70 || first == 0x6D || first == 0x32 || first == 0x69 || first == 0x74
        else { return false }
        return pairEndings.contains(word)
    }

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
