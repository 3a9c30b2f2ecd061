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

    static let groups: [(String, [String])] = [
        ("~behaviour", ["bully", "rude", "rudeness", "shout", "yell", "scream", "aggressive", "aggression", "abusive",
                        "abuse", "insult", "belittle", "humiliate", "demean", "threaten", "threat", "swear", "hostile",
                        "offensive", "disrespectful", "undermine", "intimidate", "harass", "rant", "sexist", "racist",
                        "inappropriate", "pressure", "pressurise", "badger", "hound", "nag"]),
        ("~unhappy", ["unhappy", "dissatisfied", "displeased", "annoyed", "frustrated", "upset", "complain",
                      "grumble", "concern", "disappointed", "fed"]),
        ("~capability", ["incompetent", "incompetence", "inept", "useless", "hopeless", "capability", "mistake",
                         "error", "blunder", "botch", "performance", "competence"]),
        ("~media", ["media", "twitter", "tweet", "facebook", "instagram", "tiktok", "youtube", "blog", "blogger",
                    "podcast", "comms", "communications", "headline", "publicity", "publicly", "statement",
                    "interview", "quote", "column", "article", "story", "newsletter", "broadcast"]),
        ("~relationship", ["relationship", "dating", "boyfriend", "girlfriend", "fiance", "fiancee", "romantic",
                           "romance", "affair", "lover", "married", "marry", "marriage", "partner", "friend",
                           "friendship", "mate", "pal", "close", "ex", "flatmate", "housemate", "relative"]),
        ("~instruct", ["instruct", "instruction", "direct", "direction", "order", "demand", "command", "insist",
                       "prioritise", "priority", "expedite", "fasttrack", "tell"]),
        ("~reply", ["reply", "respond", "response", "answer", "turnaround", "acknowledge", "chase", "ignore",
                    "wait", "delay", "deadline", "days", "weeks", "month", "fortnight"]),
        ("~hours", ["evening", "night", "tonight", "midnight", "overnight", "weekend", "saturday", "sunday",
                    "holiday", "leave", "late", "home", "hours", "10pm", "11pm", "pm"]),
        ("~phone", ["phone", "ring", "rang", "call", "text", "whatsapp", "message", "mobile", "voicemail"]),
        ("~visit", ["visit", "tour", "unannounced", "drop", "pop", "wander", "arrive", "turn", "look", "round",
                    "around", "premises", "establishment", "building", "depot", "site", "centre", "home", "school",
                    "hostel", "office", "offices"]),
        ("~appoint", ["appoint", "appointment", "recruit", "recruitment", "hire", "interview", "shortlist",
                      "vacancy", "job", "post", "applicant", "candidate", "reference", "panel", "discipline",
                      "disciplinary", "dismiss", "sack", "fire", "appeal", "grievance"]),
        ("~amend", ["amend", "amendment", "rewrite", "redraft", "alter", "edit", "change", "delete", "remove",
                    "suppress", "withdraw", "tone", "water", "overrule", "reject", "ignore", "recommendation",
                    "report", "advice"]),
        ("~legal", ["legal", "court", "tribunal", "judicial", "litigation", "sue", "lawsuit", "prosecution",
                    "prosecute", "injunction", "solicitor", "barrister", "lawyer", "claim", "claimant",
                    "witness", "evidence", "proceedings", "case", "dispute", "inquiry", "eviction"]),
        ("~scrutiny", ["scrutiny", "scrutinise", "overview", "callin", "evidence", "witness", "review",
                       "select", "task", "question"]),
        ("~outside", ["trust", "trustee", "charity", "board", "governor", "governing", "director", "company",
                      "partnership", "association", "nominee", "appointee", "representative", "rep", "outside",
                      "organisation", "body", "external", "indemnity", "liable", "liability"]),
        ("~ward", ["ward", "division", "patch", "locality", "local", "area", "neighbourhood", "estate", "street",
                   "road", "consultation", "consult", "inform", "told", "notify", "heard", "found"]),
        ("~casework", ["constituent", "resident", "tenant", "voter", "casework", "case", "behalf", "represent",
                       "advocate", "help", "enquiry", "surgery", "hearing", "application", "family"]),
        ("~favour", ["favour", "favouritism", "preferential", "special", "treatment", "waive", "waiver", "cancel",
                     "drop", "overlook", "blind", "strings", "kindly", "bump", "queue", "jump", "fine", "ticket",
                     "quicker", "sooner", "perk", "freebie", "neighbour", "mate", "friend"]),
        ("~resources", ["resource", "equipment", "printer", "print", "photocopier", "photocopy", "laptop",
                        "computer", "ipad", "tablet", "stationery", "franking", "postage", "envelope", "letterhead",
                        "logo", "vehicle", "car", "room", "facilities", "email", "account", "staff", "time",
                        "campaign", "canvass", "election", "electioneering", "leaflet", "purdah", "party"]),
        ("~procure", ["contract", "tender", "procure", "procurement", "supplier", "contractor", "bid", "bidder",
                      "firm", "company", "business", "quote", "quotation", "award", "evaluation", "provider",
                      "builder", "catering", "purchase", "invoice", "local"]),
        ("~employee", ["grievance", "redundancy", "redundant", "regrade", "regrading", "salary", "pay", "promotion",
                       "sickness", "absence", "restructure", "manager", "boss", "colleague", "employee", "employment",
                       "work", "job", "workplace", "union", "shift"]),
        ("~care", ["care", "carer", "social", "safeguarding", "fostering", "foster", "adoption", "adopt",
                   "sectioned", "dementia", "assessment", "package", "placement", "dols", "protection", "worker",
                   "children", "adult", "services", "respite", "vulnerable"]),
        ("~documents", ["document", "documents", "papers", "paper", "report", "information", "file", "files",
                        "records", "appendix", "exempt", "confidential", "minutes", "agenda", "copy", "see", "read",
                        "access", "inspect", "entitled", "disclose", "know"]),
        ("~group", ["group", "party", "political", "caucus", "administration", "opposition", "majority",
                    "independent", "labour", "conservative", "tory", "libdem", "green", "agent", "candidate"]),
        ("~correspondence", ["correspondence", "email", "letter", "copy", "bcc", "cc", "forward", "reply",
                             "sign", "signature", "inbox", "copied", "blind"]),
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
