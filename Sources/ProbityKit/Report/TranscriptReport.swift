/// The Monitoring Officer's overview of many transcripts: how many, by topic, verdict, role and user; the
/// questions Probity could not route (what people ask that the knowledge lacks); the past advice a protocol
/// revision would now change; and the transcripts that were never sealed.
public struct TranscriptReport: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        public var key: String
        public var count: Int
        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    public struct Unsealed: Sendable, Equatable, Codable {
        public var id: String
        public var user: String
        public var started: String
    }

    public struct Changed: Sendable, Equatable, Codable {
        public var id: String
        public var topic: String
        public var council: String
        /// What would differ now, in a few words.
        public var change: String
    }

    public var source: String
    public var from: String?
    public var to: String?
    public var transcripts = 0
    public var sealed = 0
    /// Pieces of advice given, by topic, and by verdict.
    public var byTopic: [Count] = []
    public var byVerdict: [Count] = []
    /// Transcripts, by role and by user.
    public var byRole: [Count] = []
    public var byUser: [Count] = []
    /// Questions that matched no topic, most asked first.
    public var unrouted: [Count] = []
    public var changedByRevision: [Changed] = []
    /// How many transcripts had advice recorded under another protocol version or knowledge, and were replayed.
    public var replayed = 0
    public var unsealed: [Unsealed] = []
    public var unsealedCount = 0

    public init(source: String, from: String?, to: String?) {
        self.source = source
        self.from = from
        self.to = to
    }

    /// Counts sorted: most first, then by name.
    static func counts(_ tally: [String: Int]) -> [Count] {
        tally.map { Count(key: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}

extension TranscriptReport {
    /// How many unsealed transcripts and unrouted questions a report lists by name (the counts cover all).
    public static let listLimit = 50

    /// Built from transcripts read one by one (a folder): the same figures the store's queries give.
    public init(entries: [TranscriptLibrary.Entry], source: String, from: String?, to: String?, replayer: TranscriptReplayer) {
        self.init(source: source, from: from, to: to)
        var topics: [String: Int] = [:]
        var verdicts: [String: Int] = [:]
        var roles: [String: Int] = [:]
        var users: [String: Int] = [:]
        var unrouted: [String: Int] = [:]
        for entry in entries {
            transcripts += 1
            let s = entry.summary
            if entry.document.seal != nil {
                sealed += 1
            } else {
                unsealedCount += 1
                if unsealed.count < Self.listLimit {
                    unsealed.append(Unsealed(id: s.id, user: entry.stored?.databaseUser ?? s.user ?? "unknown", started: s.started ?? ""))
                }
            }
            roles[s.roles.first ?? "not given", default: 0] += 1
            users[entry.stored?.databaseUser ?? s.user ?? "unknown", default: 0] += 1
            for verdict in s.verdicts {
                topics[verdict.topic, default: 0] += 1
                verdicts[verdict.verdict, default: 0] += 1
            }
            for (_, event) in entry.document.events {
                if case .routed(let question, _, let outcome) = event, outcome == .noMatch || outcome == .outOfScope {
                    unrouted[question, default: 0] += 1
                }
            }
            if !s.verdicts.isEmpty {
                replayed += 1
                for finding in Self.changes(replayer.replay(entry.document)) { changedByRevision.append(finding) }
            }
        }
        byTopic = Self.counts(topics)
        byVerdict = Self.counts(verdicts)
        byRole = Self.counts(roles)
        byUser = Self.counts(users)
        self.unrouted = Array(Self.counts(unrouted).prefix(Self.listLimit))
    }

    static func describe(_ f: ReplayFinding) -> String {
        var parts: [String] = []
        if f.verdictChanged { parts.append("verdict \(f.recordedVerdict) → \(f.currentVerdict ?? "none")") }
        if f.versionChanged { parts.append("protocol \(f.recordedVersion) → \(f.currentVersion ?? "none")") }
        let clauses = f.clauses.filter { $0.change != .unchanged }
        if !clauses.isEmpty { parts.append("\(clauses.count) clause\(clauses.count == 1 ? "" : "s") changed") }
        if !f.problems.isEmpty { parts.append(f.problems[0]) }
        if parts.isEmpty, f.headlineChanged { parts.append("headline changed") }
        return parts.joined(separator: "; ")
    }

    /// The advice in a replay that would now differ, one line each.
    static func changes(_ report: ReplayReport) -> [Changed] {
        report.findings.filter(\.changed).map {
            Changed(id: report.transcript, topic: $0.topic, council: $0.council, change: Self.describe($0))
        }
    }
}
