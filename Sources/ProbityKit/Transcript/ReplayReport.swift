/// What replaying one transcript found: one finding per piece of advice it recorded.
public struct ReplayReport: Sendable, Encodable {
    public var transcript: String
    public var started: String?
    public var findings: [ReplayFinding]

    /// True when some advice would now differ.
    public var changed: Bool { findings.contains(where: \.changed) }
}

/// One piece of recorded advice, compared with what the current knowledge gives for the same answers.
public struct ReplayFinding: Sendable, Encodable {
    public var time: String
    public var topic: String
    public var council: String
    public var recordedVersion: String
    public var currentVersion: String?
    public var recordedVerdict: String
    public var currentVerdict: String?
    public var recordedHeadline: String
    public var currentHeadline: String?
    public var currentNode: String?
    public var clauses: [ClauseComparison] = []
    /// Anything that keeps the same answers from reaching the same advice.
    public var problems: [String] = []
    /// When the protocol version quoted then is an earlier one still in the knowledge: the clauses whose
    /// recorded words are not that version's words (empty when all match; nil when not checked).
    public var recordedTextDiffersFromItsVersion: [String]? = nil

    public var verdictChanged: Bool { currentVerdict != recordedVerdict }
    public var headlineChanged: Bool { currentHeadline != recordedHeadline }
    public var versionChanged: Bool { currentVersion != recordedVersion }

    /// True when the advice, the verdict or any quoted text would now differ.
    public var changed: Bool {
        verdictChanged || headlineChanged || !problems.isEmpty || clauses.contains { $0.change != .unchanged }
    }

    enum CodingKeys: String, CodingKey {
        case time, topic, council, recordedVersion, currentVersion, recordedVerdict, currentVerdict, recordedHeadline,
            currentHeadline, currentNode, clauses, problems, changed, verdictChanged, versionChanged, recordedTextDiffersFromItsVersion
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(time, forKey: .time)
        try c.encode(topic, forKey: .topic)
        try c.encode(council, forKey: .council)
        try c.encode(recordedVersion, forKey: .recordedVersion)
        try c.encode(currentVersion, forKey: .currentVersion)
        try c.encode(recordedVerdict, forKey: .recordedVerdict)
        try c.encode(currentVerdict, forKey: .currentVerdict)
        try c.encode(recordedHeadline, forKey: .recordedHeadline)
        try c.encode(currentHeadline, forKey: .currentHeadline)
        try c.encode(currentNode, forKey: .currentNode)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(problems, forKey: .problems)
        try c.encode(changed, forKey: .changed)
        try c.encode(verdictChanged, forKey: .verdictChanged)
        try c.encode(versionChanged, forKey: .versionChanged)
        try c.encode(recordedTextDiffersFromItsVersion, forKey: .recordedTextDiffersFromItsVersion)
    }
}

/// One quoted clause, then and now.
public struct ClauseComparison: Sendable, Encodable, Equatable {
    public enum Change: String, Sendable, Encodable, Equatable {
        case unchanged
        /// The clause's words are different now.
        case textChanged = "text-changed"
        /// The same answers no longer lead to advice quoting it.
        case noLongerQuoted = "no-longer-quoted"
        /// The advice now quotes it, and did not then.
        case newlyQuoted = "newly-quoted"
        /// The protocol no longer has the clause.
        case removedFromProtocol = "removed-from-protocol"
    }

    public var clause: String
    public var reference: String
    public var change: Change
    public var recordedText: String?
    public var currentText: String?
    /// Whether the current advice still quotes it (nil when there is no current advice to compare).
    public var stillQuoted: Bool?
}
