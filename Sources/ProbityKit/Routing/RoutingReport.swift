/// `probity ask --json`: `{"decision":"topic"|"choose"|"none","topics":[{"id","title","score"},…]}`, best first;
/// with `"referral"` when the question is about a subject the protocols do not cover, and `"secondQuestion"` when
/// the message asks about a second topic too.
public struct RoutingReport: Encodable, Sendable {
    public struct TopicScore: Encodable, Sendable {
        public var id: String
        public var title: String
        public var score: Double
    }

    public struct Referral: Encodable, Sendable {
        public var id: String
        public var title: String
        public var ruleLivesIn: String
        public var reply: String
        /// The user's own council's clauses that touch the subject (only with `--council`).
        public var clauses: [JSONReports.ClauseReport]?
    }

    public struct SecondQuestion: Encodable, Sendable {
        public var question: String
        public var id: String
        public var title: String
        public var score: Double
        /// When the second question alone is close between topics: those topics (`id` is the first), for the user to
        /// choose from; absent when it routes clearly.
        public var choices: [TopicScore]?
    }

    public var decision: String
    public var topics: [TopicScore]
    /// With `"decision": "none"`, when the text is a chat command or a slip for one: the command, as the chat takes it.
    public var command: String?
    public var referral: Referral?
    public var secondQuestion: SecondQuestion?

    /// - Parameters:
    ///   - shown: the ranked topics to list (as many as asked for).
    ///   - clauses: the user's council's clauses that touch the referral's subject, when the council is known.
    public init(decision: QuestionDecision, shown: [RouteScore], clauses: [JSONReports.ClauseReport]? = nil) {
        self.decision = decision.name
        topics = shown.map { TopicScore(id: $0.topicID, title: $0.title, score: $0.score) }
        command = decision.command
        if let subject = decision.referral {
            referral = Referral(
                id: subject.id, title: subject.title, ruleLivesIn: subject.ruleLivesIn, reply: subject.reply,
                clauses: clauses)
        }
        if let split = decision.split {
            secondQuestion = SecondQuestion(
                question: split.second, id: split.secondTopic.topicID, title: split.secondTopic.title,
                score: split.secondTopic.score,
                choices: split.secondChoices.isEmpty ? nil : split.secondChoices.map { TopicScore(id: $0.topicID, title: $0.title, score: $0.score) })
        }
    }
}
