/// Everyday words linked to the ideas the protocols are written in, for routing only: a
/// question about a councillor who "shouted" or "swore" should reach the topic about members'
/// behaviour even though no clause uses those words. Unlike a synonym, a concept is added
/// beside the word's own term, so "tribunal" still matches "tribunal" best.
/// Words are listed in plain form; they are normalised (and so match every inflection).
public enum ConceptLexicon {
    /// The concepts a normalised term belongs to (concept names start with `~`).
    public static func concepts(forTerm term: String) -> [String] {
        table[term] ?? []
    }

    /// Concepts that hold only for a word in its everyday sense, not inside a proper name: "the Evening Star" and
    /// "the Sunday Times" are newspapers, not times of day (see `ProperNames`).
    public static let everydaySenseOnly: Set<String> = ["~hours"]

    /// The concept of a proper name, from the word it ends in: British newspapers are named "the Evening Star", "the
    /// Gazette", "the Westshire Echo". Words that also name councils' own people and groups ("Leader", "Independent")
    /// are left out.
    public static func concepts(forNameEndingIn word: String) -> [String] {
        mastheads.contains(word) ? ["~media"] : []
    }

    private static let mastheads: Set<String> = [
        "star", "echo", "gazette", "post", "herald", "chronicle", "mail", "times", "news", "mercury", "advertiser",
        "argus", "courier", "journal", "observer", "express", "standard", "telegraph", "press", "sentinel", "examiner",
        "messenger", "reporter", "bugle", "recorder", "mirror", "sun", "record", "bulletin", "tribune",
    ]

    static let groups: [(String, [String])] = [
        (
            "~behaviour",
            [
                "bully", "rude", "rudeness", "shout", "yell", "scream", "aggressive", "aggression", "abusive",
                "abuse", "insult", "belittle", "humiliate", "demean", "threaten", "threat", "swear", "hostile",
                "offensive", "disrespectful", "undermine", "intimidate", "harass", "rant", "sexist", "racist",
                "inappropriate", "pressure", "pressurise", "badger", "hound",
            ]
        ),
        (
            "~unhappy",
            [
                "unhappy", "dissatisfied", "displeased", "annoyed", "frustrated", "upset", "complain", "grumble",
                "disappointed",
            ]
        ),
        (
            "~capability",
            [
                "incompetent", "incompetence", "inept", "useless", "hopeless", "capability", "mistake",
                "error", "blunder", "botch", "competence",
            ]
        ),
        (
            "~media",
            [
                "media", "twitter", "tweet", "facebook", "instagram", "tiktok", "youtube", "blog", "blogger",
                "podcast", "comms", "communications", "headline", "publicity", "statement", "article",
                "broadcast",
            ]
        ),
        (
            "~relationship",
            [
                "relationship", "dating", "boyfriend", "girlfriend", "fiance", "fiancee", "romantic",
                "romance", "affair", "lover", "married", "marry", "marriage", "partner", "wife", "husband", "spouse", "friend",
                "friendship", "flatmate", "housemate",
            ]
        ),
        (
            "~family",
            [
                "relative", "mother", "mum", "mummy", "father", "dad", "daddy", "son", "daughter", "brother",
                "sister", "sibling", "aunt", "auntie", "uncle", "nephew", "niece", "cousin", "grandson",
                "granddaughter", "grandchild", "grandchildren", "grandmother", "grandfather", "grandma", "grandad",
                "granddad", "grandpa", "gran", "nan", "nana", "wife", "husband", "spouse", "family", "stepson",
                "stepdaughter", "stepmother", "stepfather", "parent", "inlaw",
            ]
        ),
        (
            "~instruct",
            [
                "instruct", "instruction", "direct", "direction", "order", "demand", "command", "insist",
                "prioritise", "priority", "expedite", "fasttrack",
            ]
        ),
        (
            "~reply",
            [
                "reply", "respond", "response", "answer", "turnaround", "acknowledge", "deadline", "delay",
                "fortnight",
            ]
        ),
        (
            "~hours",
            [
                "evening", "night", "tonight", "midnight", "overnight", "weekend", "saturday", "sunday",
                "holiday", "hours", "10pm", "11pm",
            ]
        ),
        ("~phone", ["phone", "ring", "rang", "text", "whatsapp", "mobile", "voicemail"]),
        (
            "~visit",
            [
                "visit", "tour", "unannounced", "wander", "premises", "establishment", "building", "depot",
                "hostel",
            ]
        ),
        (
            "~appoint",
            [
                "appoint", "appointment", "recruit", "recruitment", "hire", "interview", "shortlist",
                "vacancy", "applicant", "candidate", "discipline", "disciplinary", "dismiss", "sack",
                "fire",
            ]
        ),
        (
            "~amend",
            [
                "amend", "amendment", "rewrite", "redraft", "alter", "edit", "delete", "suppress", "withdraw",
                "overrule", "reject",
            ]
        ),
        (
            "~legal",
            [
                "legal", "court", "tribunal", "judicial", "litigation", "sue", "lawsuit", "prosecution",
                "prosecute", "injunction", "solicitor", "barrister", "lawyer", "claimant", "witness",
                "proceedings", "dispute", "eviction",
            ]
        ),
        ("~scrutiny", ["scrutiny", "scrutinise", "overview", "callin"]),
        (
            "~outside",
            [
                "trust", "trustee", "charity", "board", "governor", "governing", "partnership", "nominee",
                "appointee", "outside", "external", "indemnity", "liable", "liability",
            ]
        ),
        (
            "~ward",
            [
                "ward", "division", "patch", "locality", "neighbourhood", "estate", "consultation", "consult",
                "inform", "notify",
            ]
        ),
        (
            "~casework",
            [
                "constituent", "resident", "tenant", "voter", "casework", "behalf", "represent", "advocate",
                "surgery", "hearing",
            ]
        ),
        (
            "~favour",
            [
                "favour", "favouritism", "preferential", "waive", "waiver", "cancel", "overlook", "strings",
                "kindly", "bump", "queue", "jump", "fine", "ticket", "quicker", "sooner", "perk", "freebie",
            ]
        ),
        (
            "~resources",
            [
                "resource", "equipment", "printer", "print", "photocopier", "photocopy", "laptop",
                "computer", "ipad", "tablet", "stationery", "franking", "postage", "envelope", "letterhead",
                "logo", "vehicle", "car", "room", "facilities", "campaign", "canvass", "electioneering",
                "leaflet", "purdah",
            ]
        ),
        (
            "~procure",
            [
                "contract", "tender", "procure", "procurement", "supplier", "contractor", "bid", "bidder",
                "firm", "quotation", "award", "evaluation", "provider", "builder", "catering", "purchase",
                "invoice",
            ]
        ),
        (
            "~employee",
            [
                "grievance", "redundancy", "redundant", "regrade", "regrading", "salary", "pay", "promotion",
                "sickness", "absence", "restructure", "employment", "union", "shift",
            ]
        ),
        (
            "~care",
            [
                "care", "carer", "social", "safeguarding", "fostering", "foster", "adoption", "adopt",
                "sectioned", "dementia", "assessment", "package", "placement", "dols", "protection", "respite",
                "vulnerable",
            ]
        ),
        (
            "~documents",
            [
                "document", "documents", "papers", "appendix", "exempt", "confidential", "minutes", "agenda",
                "records", "file", "inspect", "entitled", "disclose", "access",
            ]
        ),
        (
            "~group",
            [
                "group", "party", "political", "caucus", "administration", "opposition", "majority",
                "labour", "conservative", "tory", "libdem", "agent",
            ]
        ),
        (
            "~correspondence",
            [
                "correspondence", "email", "letter", "copy", "bcc", "cc", "forward", "inbox",
                "copied", "blind",
            ]
        ),
    ]

    private static let table: [String: [String]] = {
        var map: [String: [String]] = [:]
        for (concept, words) in groups {
            for word in words {
                for term in TextNormaliser.normalise(word) where !(map[term]?.contains(concept) ?? false) {
                    map[term, default: []].append(concept)
                }
            }
        }
        return map
    }()
}
