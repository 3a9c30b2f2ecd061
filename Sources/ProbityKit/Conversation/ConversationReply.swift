/// What the conversation does with one line the user typed: what to show, what happened
/// (for the transcript), and anything the program around it must do.
public struct ConversationReply: Sendable {
    /// What to show, in order; the executable renders them with `ConversationRenderer`.
    public var blocks: [ConversationBlock] = []
    /// What happened, in order, for the transcript.
    public var events: [ConversationEvent] = []
    /// What the program must do beyond showing the blocks.
    public var actions: [ConversationAction] = []

    public init() {}

    /// The conversation is over: nothing more will be read.
    public var endReason: ConversationEndReason? {
        for action in actions { if case .end(let reason) = action { return reason } }
        return nil
    }

    mutating func append(_ other: ConversationReply) {
        blocks += other.blocks
        events += other.events
        actions += other.actions
    }
}

/// Something the program around the conversation must do.
public enum ConversationAction: Sendable, Equatable {
    /// `save [FOLDER]`: say where the conversation is being recorded, or carry the record on in FOLDER.
    case save(directory: String?)
    /// The user answered the council or role question, or typed `remember`: the program may keep them for next time.
    case rememberSettings(council: String?, role: Role?)
    /// The conversation has ended; `.ended` is the last event.
    case end(ConversationEndReason)
}

/// Why a conversation ended; the raw value is what `.ended(reason:)` records.
public enum ConversationEndReason: String, Sendable, Equatable, CaseIterable {
    /// The user typed `quit`.
    case quit
    /// End of input: Ctrl-D, or the end of piped input.
    case eof
    /// A second Ctrl-C.
    case interrupt
    /// SIGTERM.
    case terminated
    /// SIGHUP: the terminal went away.
    case hangup
    /// SIGQUIT (Ctrl-\\): ended and sealed like SIGTERM.
    case quitSignal = "quit-signal"
    /// Standard output was closed (the reader of a pipe went away).
    case closedPipe = "closed-pipe"
}

/// One piece of what the conversation shows.
public enum ConversationBlock: Sendable {
    /// A paragraph of plain prose.
    case text(Message)
    /// A quieter paragraph: hints, what to type next.
    case hint(Message)
    /// Something that went wrong or needs care.
    case warning(Message)
    /// A free-text question went straight into this topic.
    case routed(RouteScore)
    /// A question with numbered options; `why` adds the "why I ask" line; `proposed`, an answer proposed from the
    /// user's own words, quoted above the question.
    case question(PendingQuestion, why: Bool, proposed: ProposedAnswer? = nil)
    /// Numbered topics to choose from, after a heading.
    case topicChoices(heading: Message, choices: [RouteScore])
    case advice(AdviceResult)
    /// The answers that led to where the walk is.
    case reasons([Reason])
    /// Why a question is asked, with the clauses that make the answer matter, quoted in full.
    case whyAsked(PendingQuestion)
    /// Clauses quoted in full.
    case clauses([QuotedClause])
    /// The topic catalogue.
    case topics([Topic])
    /// The commands, with what an answer may look like at a question when there is one.
    case help(question: PendingQuestion?)
    /// The current topic across every council.
    case comparison(TopicComparison)
    /// Clause search results for a query; `heading` replaces "Paragraphs that match …" (a question that matched no topic).
    case searchResults(query: String, council: String?, hits: [ClauseHit], heading: String? = nil)
}

/// An answer proposed from what the user typed, as shown with its question: the sentence quoted, and the option's
/// place among the question's options (0-based).
public struct ProposedAnswer: Sendable, Equatable {
    public var said: String
    public var option: Int

    public init(said: String, option: Int) {
        self.said = said
        self.option = option
    }
}

/// A clause found by a search, with the words that matched.
public struct ClauseHit: Sendable {
    public var clause: QuotedClause
    public var score: Double
    /// The matched words, as they appear in the clause, for highlighting.
    public var matched: [String]
    /// The share (0…1) of the query's weight the clause contains (`SearchHit.coverage`).
    public var coverage: Double

    public init(clause: QuotedClause, score: Double, matched: [String], coverage: Double = 1) {
        self.clause = clause
        self.score = score
        self.matched = matched
        self.coverage = coverage
    }
}
