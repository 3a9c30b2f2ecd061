import ProbityBytes

/// One line of a transcript file: the header, an event, or the closing seal.
///
/// On disk each is one JSON object on one line, with its place in the file (`seq`, from 1), the time (UTC),
/// the SHA-256 of the line before it (`prev`) and, last, the SHA-256 of the line itself without that field (`sha256`).
public struct TranscriptRecord: Sendable, Equatable {
    public var seq: Int
    public var time: String
    public var prev: String
    public var body: Body

    public enum Body: Sendable, Equatable {
        case header(TranscriptHeader)
        case event(ConversationEvent)
        case seal(TranscriptSeal)
        /// A record this version of Probity cannot read (written by a later version): kept as its JSON text.
        case unrecognised(String)
    }

    public init(seq: Int, time: String, prev: String, body: Body) {
        self.seq = seq
        self.time = time
        self.prev = prev
        self.body = body
    }

    public var event: ConversationEvent? {
        if case .event(let event) = body { return event } else { return nil }
    }
}

/// The first line: who, when and with what knowledge. Council and role as known when the chat opened;
/// when they become known later, `councilSet` and `roleSet` events record them.
public struct TranscriptHeader: Sendable, Equatable, Codable {
    /// The version of this file's format: `probity-transcript/2` (events as data); files of
    /// `probity-transcript/1` (what was shown recorded as printed text) still read. The line envelope and the hash
    /// chain (including the genesis text) are the same in both.
    public var format: String
    public var id: String
    /// When the conversation started (UTC, ISO 8601). The end time is in the seal: the file is append-only.
    public var started: String
    /// The version of Probity that wrote it.
    public var probityVersion: String
    /// SHA-256 over the knowledge files in use (`KnowledgeBase.fingerprint`).
    public var knowledgeSHA256: String
    /// Every council's protocol version in that knowledge, current ones, by council id.
    public var protocolVersions: [String: String]
    public var council: String?
    public var councilName: String?
    public var protocolVersion: String?
    public var role: String?
    /// The id of the transcript this one carries on from, when the recording moved (`save DIR`).
    public var continues: String?
    /// Who: the login name, and the full name where the config file sets one (`name = …`).
    public var user: String?
    public var fullName: String?
    /// Where: the machine's host name.
    public var machine: String?

    public static let currentFormat = "probity-transcript/2"

    public init(
        id: String, started: String, probityVersion: String, knowledgeSHA256: String,
        protocolVersions: [String: String], council: String? = nil, councilName: String? = nil,
        protocolVersion: String? = nil, role: String? = nil, continues: String? = nil,
        identity: TranscriptIdentity? = nil
    ) {
        format = Self.currentFormat
        self.id = id
        self.started = started
        self.probityVersion = probityVersion
        self.knowledgeSHA256 = knowledgeSHA256
        self.protocolVersions = protocolVersions
        self.council = council
        self.councilName = councilName
        self.protocolVersion = protocolVersion
        self.role = role
        self.continues = continues
        user = identity?.user
        fullName = identity?.fullName
        machine = identity?.machine
    }
}

/// The closing line, written only at a clean end. A transcript without one is incomplete (the process died).
public struct TranscriptSeal: Sendable, Equatable, Codable {
    /// When the conversation ended (UTC, ISO 8601).
    public var ended: String
    /// Why: `quit`, `eof`, `interrupt`, `terminated`, `closed-pipe`, or `moved` when it carries on in another file.
    public var reason: String
    /// How many lines come before the seal (header and events).
    public var lines: Int
    /// The id of the transcript it carries on in, when the recording moved.
    public var continuedIn: String?

    public init(ended: String, reason: String, lines: Int, continuedIn: String? = nil) {
        self.ended = ended
        self.reason = reason
        self.lines = lines
        self.continuedIn = continuedIn
    }
}
