/// Something the chat showed, besides questions and advice, as data: what it was, never how it was printed.
/// `ConversationBlock` is what the chat draws; `Shown` is what the record keeps of it.
public enum Shown: Sendable, Equatable, Codable {
    public enum Tone: String, Sendable, Equatable, Codable {
        /// A paragraph of prose.
        case text
        /// A quieter paragraph: hints, what to type next.
        case hint
        /// Something that went wrong or needs care.
        case warning
    }

    /// A topic named by id and title, with the router's score where there was one.
    public struct TopicRef: Sendable, Equatable, Codable {
        public var topic: String
        public var title: String
        public var score: Double? = nil
    }

    /// A clause a search found, by id; `matched` are the words that matched, as they appear in the clause.
    public struct Hit: Sendable, Equatable, Codable {
        public var council: String
        public var clause: String
        public var reference: String
        public var label: String
        public var score: Double
        public var matched: [String]
    }

    /// One council's column of `compare`: the verdicts its advice on the topic can reach, and the clauses cited.
    public struct CouncilOutcomes: Sendable, Equatable, Codable {
        public var council: String
        public var verdicts: [String]
        public var clauses: [String]
    }

    /// Probity's own words, with any words of the user's it repeats kept apart.
    case message(tone: Tone, words: Message)
    /// A question went straight into this topic.
    case topic(route: TopicRef)
    /// Topics offered to choose from, after a heading.
    case topicChoices(heading: Message, choices: [TopicRef])
    /// The topic catalogue.
    case topics(list: [TopicRef])
    /// The help, by name: the commands, and how to answer the question waiting (its fact and help), if any.
    case help(fact: String?, prompt: String?, questionHelp: String?)
    /// Clauses quoted in full (`clause N`).
    case clauses(quotes: [ConversationEvent.Advised.Quote])
    /// Why a question is asked, with the clauses that make the answer matter, quoted in full.
    case whyAsked(fact: String, prompt: String, why: String, quotes: [ConversationEvent.Advised.Quote])
    /// A clause search: the words searched for (the user's), and the clauses found, by id; `heading` when the
    /// results were shown under another heading than "Paragraphs that match …" (Probity's words).
    case searchResults(query: String, council: String?, hits: [Hit], heading: String? = nil)
    /// A topic compared across councils.
    case comparison(topic: String, role: String?, councils: [CouncilOutcomes])

    /// What the record keeps of a block the chat shows; nil for questions, advice and reasons, which have events
    /// of their own.
    init?(_ block: ConversationBlock) {
        switch block {
        case .text(let m): self = .message(tone: .text, words: m)
        case .hint(let m): self = .message(tone: .hint, words: m)
        case .warning(let m): self = .message(tone: .warning, words: m)
        case .routed(let route): self = .topic(route: TopicRef(topic: route.topicID, title: route.title, score: route.score))
        case .topicChoices(let heading, let choices):
            self = .topicChoices(heading: heading, choices: choices.map { TopicRef(topic: $0.topicID, title: $0.title, score: $0.score) })
        case .topics(let topics): self = .topics(list: topics.map { TopicRef(topic: $0.id, title: $0.title) })
        case .help(let question): self = .help(fact: question?.factKey, prompt: question?.prompt, questionHelp: question?.help)
        case .clauses(let quotes): self = .clauses(quotes: quotes.map(ConversationEvent.Advised.Quote.init))
        case .whyAsked(let q):
            self = .whyAsked(fact: q.factKey, prompt: q.prompt, why: q.why, quotes: q.whyClauses.map(ConversationEvent.Advised.Quote.init))
        case .searchResults(let query, let council, let hits, let heading):
            self = .searchResults(
                query: query, council: council,
                hits: hits.map {
                    Hit(
                        council: $0.clause.councilID, clause: $0.clause.clause.id, reference: $0.clause.clause.fullReference,
                        label: $0.clause.label, score: $0.score, matched: $0.matched)
                }, heading: heading)
        case .comparison(let c):
            self = .comparison(
                topic: c.topic.id, role: c.role?.rawValue,
                councils: c.columns.map { column in
                    CouncilOutcomes(council: column.council.id, verdicts: column.verdicts.map(\.verdict.rawValue), clauses: column.clauses.map(\.id))
                })
        case .question, .advice, .reasons:
            return nil
        }
    }
}
