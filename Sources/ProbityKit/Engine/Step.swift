/// Where a walk through a topic has got to: a question to ask, or the advice.
public enum Step: Sendable {
    case question(PendingQuestion)
    case advice(AdviceResult)
    /// The knowledge has no way forward from here (`probity validate` reports this); the text says where.
    case noRoute(String)
}

/// A question waiting for an answer, shown for the session's council.
public struct PendingQuestion: Sendable {
    public enum Kind: Sendable, Equatable { case council, role, topic }

    public var kind: Kind
    /// The fact the answer settles (`council`, `role`, `election-period`, `document-access.kind`).
    public var factKey: String
    /// The node in the topic, for topic questions.
    public var nodeID: String?
    public var prompt: String
    public var why: String
    /// The clauses of the session's council that make the answer matter.
    public var whyClauses: [QuotedClause]
    public var help: String
    public var options: [AnswerOption]
    /// Several options may be chosen at once.
    public var multiple: Bool = false
}

/// A clause as quoted to the user: the clause, and the protocol version it comes from.
public struct QuotedClause: Sendable {
    public var councilID: String
    public var councilName: String
    public var councilShortName: String
    public var version: String
    public var clause: Clause
    /// Why this clause is quoted here, if the topic says.
    public var note: String?

    public init(council: Council, clause: Clause, note: String? = nil) {
        councilID = council.id
        councilName = council.name
        councilShortName = council.shortName
        version = council.version
        self.clause = clause
        self.note = note
    }

    /// "Carlisle, paragraph 116 (Members' Access to Documents and Information)"
    public var label: String {
        "\(councilShortName), \(clause.citedAs) — \(clause.heading)"
    }
}

/// The advice at the end of a walk, for one council.
public struct AdviceResult: Sendable {
    public var topicID: String
    public var topicTitle: String
    public var nodeID: String
    public var councilID: String
    public var councilName: String
    public var protocolVersion: String
    public var verdict: Verdict
    public var headline: String
    public var summary: String
    public var steps: [AdviceStepResult]
    public var quotes: [QuotedClause]
    public var silent: Bool
}

/// One thing to do, as shown: its words, and what it rests on.
public struct AdviceStepResult: Sendable, Equatable {
    public var text: String
    /// The clauses it rests on, as a reader cites them ("7.4", "C 3.5").
    public var references: [String]
    /// Sensible guidance that the protocol does not contain.
    public var isPractical: Bool
    /// Set when a fact the user gave brought this step in: what they said.
    public var because: String?
    /// It rules out part of what the user said they would do: shown with the verdict (`AdviceLayout.cautions`).
    public var isCaution: Bool = false

    /// The step with its provenance, for records and plain text: "… (paragraph 7.4)" or "… (practical guidance, not in the protocol)".
    public var withProvenance: String {
        var out = text
        if let because { out = "Because \(because): " + out.lowercasedFirst() }
        if isCaution { out = "But " + out.lowercasedFirst() }
        if isPractical { return out + " (practical guidance, not in the protocol)" }
        return out + " (" + references.joined(separator: ", ") + ")"
    }
}

/// One answer that led to where the walk is now, for `why`.
public struct Reason: Sendable, Equatable {
    public var factKey: String
    public var question: String
    public var answer: String
    public var optionID: String
    /// False when the answer was already known (given earlier in the session, or by an option such as --council).
    public var askedInThisTopic: Bool
    /// The option the walk followed from this question (one of several, for a question that takes several).
    public var followedOption: String? = nil

    public init(factKey: String, question: String, answer: String, optionID: String, askedInThisTopic: Bool) {
        self.factKey = factKey
        self.question = question
        self.answer = answer
        self.optionID = optionID
        self.askedInThisTopic = askedInThisTopic
    }
}
