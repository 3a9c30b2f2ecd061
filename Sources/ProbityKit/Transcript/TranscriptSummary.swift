import ProbityBytes

/// What the Monitoring Officer sees of a transcript in a list: when, who, about what, and what was advised.
/// Council and role come from the header, or from the events when they became known during the chat.
public struct TranscriptSummary: Sendable, Equatable, Codable {
    public var id: String
    public var file: String
    public var started: String?
    public var ended: String?
    public var endReason: String?
    /// Every council the conversation was about, in order (usually one).
    public var councils: [String]
    /// The protocol versions quoted, as `council@version`.
    public var protocolVersions: [String]
    public var roles: [String]
    public var topics: [String]
    /// One per piece of advice given, in order: `topic: verdict`.
    public var verdicts: [Verdict]
    public var events: Int
    public var status: String
    public var verification: String
    public var probityVersion: String?
    public var knowledgeSHA256: String?
    /// Who and where, as the header records them.
    public var user: String?
    public var fullName: String?
    public var machine: String?

    public struct Verdict: Sendable, Equatable, Codable {
        public var topic: String
        public var council: String
        public var verdict: String
        public var headline: String
    }

    public init(_ document: TranscriptDocument, verification: TranscriptVerification) {
        id = document.id
        file = document.path
        let header = document.header
        started = header?.started ?? document.records.first?.time
        ended = document.seal?.ended
        endReason = document.seal?.reason
        probityVersion = header?.probityVersion
        knowledgeSHA256 = header?.knowledgeSHA256
        user = header?.user
        fullName = header?.fullName
        machine = header?.machine
        var councils: [String] = header?.council.map { [$0] } ?? []
        var versions: [String] = []
        var roles: [String] = header?.role.map { [$0] } ?? []
        var topics: [String] = []
        var verdicts: [Verdict] = []
        func note(_ value: String?, in list: inout [String]) {
            if let value, !value.isEmpty, !list.contains(value) { list.append(value) }
        }
        if let council = header?.council, let version = header?.protocolVersion { note("\(council)@\(version)", in: &versions) }
        let events = document.events
        for (_, event) in events {
            switch event {
            case .started(let council, let role):
                note(council, in: &councils)
                note(role, in: &roles)
            case .councilSet(let council, let version):
                note(council, in: &councils)
                note("\(council)@\(version)", in: &versions)
            case .roleSet(let role):
                note(role, in: &roles)
            case .topicStarted(let topic):
                note(topic, in: &topics)
            case .advised(let advice):
                note(advice.topic, in: &topics)
                note(advice.council, in: &councils)
                note("\(advice.council)@\(advice.protocolVersion)", in: &versions)
                verdicts.append(Verdict(topic: advice.topic, council: advice.council, verdict: advice.verdict, headline: advice.headline))
            default:
                break
            }
        }
        self.councils = councils
        protocolVersions = versions
        self.roles = roles
        self.topics = topics
        self.verdicts = verdicts
        self.events = events.count
        status = verification.label
        self.verification = verification.summary
        makeOneLine()
    }

    /// Every value read from the file as one line without control characters: a list shows them one to a line.
    private mutating func makeOneLine() {
        let line = TerminalSafe.line
        id = line(id)
        file = line(file)
        started = started.map(line)
        ended = ended.map(line)
        endReason = endReason.map(line)
        councils = councils.map(line)
        protocolVersions = protocolVersions.map(line)
        roles = roles.map(line)
        topics = topics.map(line)
        verdicts = verdicts.map { Verdict(topic: line($0.topic), council: line($0.council), verdict: line($0.verdict), headline: line($0.headline)) }
        verification = line(verification)
        probityVersion = probityVersion.map(line)
        knowledgeSHA256 = knowledgeSHA256.map(line)
    }
}
