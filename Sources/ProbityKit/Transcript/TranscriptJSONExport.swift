import ProbityBytes

/// A transcript as one JSON document (`export --format json`): the header, every event with its place and
/// time, the seal, and what verification found. A redacted export is for reading, not for verifying.
public struct TranscriptJSONExport: Encodable, Sendable {
    public var id: String
    public var header: TranscriptHeader?
    public var events: [Event]
    public var seal: TranscriptSeal?
    public var sealSHA256: String?
    public var verification: Verification
    public var summary: TranscriptSummary
    /// Each piece of advice as every rendering lays it out, in order; `withdrawn` when a later `back` undid it.
    public var advice: [AdviceEntry]
    public var redacted: Bool

    public struct AdviceEntry: Encodable, Sendable {
        public var seq: Int
        public var layout: AdviceLayout
        public var withdrawn: Bool
    }

    public struct Event: Encodable, Sendable {
        public var seq: Int
        public var time: String
        public var event: ConversationEvent
    }

    public struct Verification: Encodable, Sendable {
        public var status: String
        public var summary: String
        /// The first line found changed, removed, reordered or added.
        public var line: Int?
        public var problem: String?
    }

    public init(_ document: TranscriptDocument, verification: TranscriptVerification, redact: Bool) {
        id = document.id
        header = document.header
        seal = document.seal
        let presentation = TranscriptPresentation(document, verification: verification)
        sealSHA256 = presentation.sealDigest
        let timed = document.records.compactMap { r in r.event.map { (r.seq, r.time, $0) } }
        let redactedEvents = redact ? TranscriptRedactor.redact(timed.map { ($0.1, $0.2) }).map(\.event) : timed.map(\.2)
        events = zip(timed, redactedEvents).map { Event(seq: $0.0.0, time: $0.0.1, event: $0.1) }
        let withdrawn = TranscriptPresentation.withdrawnAdvice(redactedEvents)
        advice = events.enumerated().compactMap { index, item in
            guard case .advised(let a) = item.event else { return nil }
            return AdviceEntry(seq: item.seq, layout: AdviceLayout(a), withdrawn: withdrawn.contains(index))
        }
        var v = Verification(status: verification.label.lowercased(), summary: verification.summary)
        if case .tampered(let finding) = verification.status {
            v.line = finding.line
            v.problem = finding.kind.rawValue
        }
        self.verification = v
        summary = TranscriptSummary(document, verification: verification)
        redacted = redact
    }
}
