/// Something that happened in a conversation, in the order it happened. The chat emits these;
/// the transcript writer records each one (flushed before the next prompt), and replay reads them back.
public enum ConversationEvent: Sendable, Equatable, Codable {
    /// The conversation began; council and role as far as they are known.
    case started(council: String?, role: String?)
    /// A line the user typed, stripped of control characters.
    case userInput(text: String)
    /// How a free-text question was routed: the ranked topics and what was done.
    case routed(question: String, candidates: [RoutedTopic], outcome: RoutingOutcome)
    case topicStarted(topic: String)
    case councilSet(council: String, version: String)
    case roleSet(role: String)
    /// A question put to the user, with its options as shown.
    case asked(topic: String, fact: String, node: String?, prompt: String, options: [String])
    /// The answer the user chose.
    case answered(topic: String, fact: String, option: String, label: String)
    /// `back` undid an answer (the fact), or nothing when there was none.
    case wentBack(topic: String, fact: String?)
    case restarted(topic: String)
    /// `cancel`/`leave`: the topic was left before (or after) its advice, without ending the chat.
    case leftTopic(topic: String)
    /// The advice, with the verdict and the full text of every clause quoted.
    case advised(Advised)
    /// `why` was shown: the answers that led to the advice.
    case explained(topic: String, reasons: [String])
    /// Anything else shown to the user (help, clause look-ups, search results, a rejected answer).
    case shown(kind: String, text: String)
    /// The conversation ended: `quit`, `eof`, `interrupt`, `terminated`, `hangup`, `closed-pipe` (see `ConversationEndReason`).
    case ended(reason: String)

    public struct RoutedTopic: Sendable, Equatable, Codable {
        public var topic: String
        public var score: Double
        public init(topic: String, score: Double) {
            self.topic = topic
            self.score = score
        }
    }

    public enum RoutingOutcome: String, Sendable, Equatable, Codable {
        /// A clear winner: went straight into it.
        case chosen
        /// Two close ones: asked which was meant.
        case askedWhichOne = "asked-which-one"
        /// Nothing matched well enough.
        case noMatch = "no-match"
        /// Typed mid-topic and sounding like a new question: asked whether to leave the current topic.
        case askedToSwitch = "asked-to-switch"
        /// The message asked about two topics: the parts follow, each recorded as `chosen` or `deferred`.
        case twoQuestions = "two-questions"
        /// The second of two questions, kept to offer when the first is done.
        case deferred
        /// About a subject the protocols do not cover: referred to where its rule lives (the subject is shown).
        case outOfScope = "out-of-scope"
    }

    public struct Advised: Sendable, Equatable, Codable {
        public var topic: String
        public var node: String
        public var council: String
        public var protocolVersion: String
        public var verdict: String
        public var headline: String
        public var quotes: [Quote]
        // Transcripts (issue 6): what else the advice showed, so the record holds everything on screen.
        // Optional so that records written without them still read.
        public var summary: String? = nil
        public var steps: [String]? = nil
        public var silent: Bool? = nil

        public struct Quote: Sendable, Equatable, Codable {
            public var clause: String
            public var reference: String
            public var heading: String
            public var text: String
            // Transcripts (issue 6): the label as shown, the notes shown beside the clause, and why the topic quotes it.
            public var label: String? = nil
            public var notes: [String]? = nil
            public var note: String? = nil
        }

        public init(_ advice: AdviceResult) {
            topic = advice.topicID
            node = advice.nodeID
            council = advice.councilID
            protocolVersion = advice.protocolVersion
            verdict = advice.verdict.rawValue
            headline = advice.headline
            quotes = advice.quotes.map { Quote(clause: $0.clause.id, reference: $0.clause.fullReference, heading: $0.clause.heading, text: $0.clause.text,
                                               label: $0.label, notes: $0.clause.notes.isEmpty ? nil : $0.clause.notes, note: $0.note) }
            summary = advice.summary  // transcripts (issue 6)
            steps = advice.steps.map(\.withProvenance)
            silent = advice.silent
        }
    }
}
