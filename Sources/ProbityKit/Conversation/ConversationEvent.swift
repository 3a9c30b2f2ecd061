/// Something that happened in a conversation, in the order it happened. The chat emits these;
/// the transcript writer records each one (flushed before the next prompt), and replay reads them back.
///
/// Events are data, never rendered screen text: what was asked and its options, the answer, the advice with its
/// verdict, steps and quoted clauses in full, what else was shown by name (`displayed`). Renderings are drawn
/// from them. Files written before this (`probity-transcript/1`) recorded other things shown as text
/// (`shown`); they still read.
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
    /// A question put to the user, with its options (labels as shown, and their ids), why it is asked and the
    /// clauses that make the answer matter. The last four are absent in records written before they were kept.
    case asked(
        topic: String, fact: String, node: String?, prompt: String, options: [String],
        optionIDs: [String]? = nil, why: String? = nil, whyClauses: [String]? = nil, multiple: Bool? = nil)
    /// An answer proposed from the user's own words before the question that follows (`asked`): the option, its label
    /// and the sentence of what the user typed that it rests on. Never an answer by itself.
    case suggested(topic: String, fact: String, option: String, label: String, said: String)
    /// The answer the user chose. `accepted`, when an answer had been proposed (`suggested`): whether this was it
    /// (absent when none was, and in records written before proposals).
    case answered(topic: String, fact: String, option: String, label: String, accepted: Bool? = nil)
    /// `back` undid an answer (the fact), or nothing when there was none.
    case wentBack(topic: String, fact: String?)
    case restarted(topic: String)
    /// `cancel`/`leave`: the topic was left before (or after) its advice, without ending the chat.
    case leftTopic(topic: String)
    /// The advice, with the verdict and the full text of every clause quoted.
    case advised(Advised)
    /// `why` was shown: the answers that led to the advice.
    case explained(topic: String, reasons: [String])
    /// Anything else shown to the user, as data: a message, help by name, clauses, search hits by clause…
    /// `kind` names what it was for (`help`, `clause`, `search`, `rejected`, `storage`…).
    case displayed(kind: String, shown: Shown)
    /// Records written as `probity-transcript/1`: something else shown, as the text printed. Read, never written.
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
}
