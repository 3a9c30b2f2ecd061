/// Which transcripts the Monitoring Officer asked for: by council, role, user, topic, verdict and date.
/// Every condition given must hold; dates are `YYYY-MM-DD` (or longer ISO 8601 prefixes), both inclusive.
public struct TranscriptFilter: Sendable, Equatable {
    public var council: String?
    public var role: String?
    /// The login name the header records, or the database user who sent it to the store.
    public var user: String?
    public var topic: String?
    /// A verdict kind as recorded (`yes`, `no`, `ask-mo`, …).
    public var verdict: String?
    public var from: String?
    public var to: String?

    public init(
        council: String? = nil, role: String? = nil, user: String? = nil, topic: String? = nil,
        verdict: String? = nil, from: String? = nil, to: String? = nil
    ) {
        self.council = council
        self.role = role
        self.user = user
        self.topic = topic
        self.verdict = verdict
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { self == TranscriptFilter() }

    public func matches(_ entry: TranscriptLibrary.Entry) -> Bool {
        let s = entry.summary
        if let council, !s.councils.contains(council) { return false }
        if let role, !s.roles.contains(role) { return false }
        if let user, s.user != user, entry.stored?.databaseUser != user { return false }
        if let topic, !s.topics.contains(topic) { return false }
        if let verdict, !s.verdicts.contains(where: { $0.verdict == verdict }) { return false }
        if let from, (s.started ?? "") < from { return false }
        if let to, String((s.started ?? "").prefix(to.count)) > to { return false }
        return true
    }
}
