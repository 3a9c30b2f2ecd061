/// A transcript laid out for reading, whatever the format: the facts at the top, then what happened, in order.
/// The Markdown, HTML and terminal renderings all start from this.
public struct TranscriptPresentation: Sendable {
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public enum Speaker: Sendable, Equatable { case user, probity, record }

    public struct Entry: Sendable {
        public var time: String
        public var kind: Kind
    }

    public enum Kind: Sendable {
        /// A line the user typed.
        case typed(String)
        /// How the question was routed, in words.
        case routed(String)
        case topic(title: String, id: String)
        case question(prompt: String, options: [String])
        case answer(String)
        /// Something the record notes: went back, restarted, council or role set, the end.
        case note(String)
        case advice(AdviceBlock)
        case shown(kind: String, text: String)
        case reasons([String])
    }

    public struct AdviceBlock: Sendable {
        public var verdict: String
        public var verdictLabel: String
        public var headline: String
        public var topicTitle: String
        public var councilName: String
        public var protocolVersion: String
        public var summary: String?
        public var steps: [String]
        public var silent: Bool
        public var quotes: [Quote]
    }

    public struct Quote: Sendable {
        public var label: String
        public var text: String
        public var notes: [String]
        public var note: String?
    }

    public var id: String
    public var facts: [Fact]
    public var verification: TranscriptVerification
    public var entries: [Entry]
    /// The SHA-256 of the seal line, when sealed.
    public var sealDigest: String?
    public var redacted: Bool

    /// - Parameters:
    ///   - topicTitles, councilNames: from the knowledge in use, for friendlier names; ids are shown without them.
    public init(_ document: TranscriptDocument, verification: TranscriptVerification, redact: Bool = false,
                topicTitles: [String: String] = [:], councilNames: [String: String] = [:]) {
        id = document.id
        self.verification = verification
        redacted = redact
        let header = document.header
        let seal = document.seal
        var names = councilNames
        if let c = header?.council, let n = header?.councilName { names[c] = names[c] ?? n }
        func title(_ topic: String) -> String { topicTitles[topic] ?? topic }
        func council(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }

        let summary = TranscriptSummary(document, verification: verification)
        var facts: [Fact] = [Fact(label: "Transcript", value: document.id)]
        facts.append(Fact(label: "Started", value: summary.started.map(UTCTime.readable) ?? "unknown"))
        if let seal {
            facts.append(Fact(label: "Ended", value: "\(UTCTime.readable(seal.ended)) (\(Self.endReason(seal.reason)))"))
        } else {
            facts.append(Fact(label: "Ended", value: "not recorded: the transcript was never sealed"))
        }
        facts.append(Fact(label: "Council", value: summary.councils.isEmpty ? "not given" : summary.councils.map(council).joined(separator: "; ")))
        if !summary.protocolVersions.isEmpty {
            facts.append(Fact(label: "Protocol quoted", value: summary.protocolVersions.map { v in
                let parts = v.split(separator: "@", maxSplits: 1).map(String.init)
                return parts.count == 2 ? "\(names[parts[0]] ?? parts[0]), version \(parts[1])" : v
            }.joined(separator: "; ")))
        }
        facts.append(Fact(label: "Role", value: summary.roles.isEmpty ? "not given" : summary.roles.map(Self.roleName).joined(separator: "; ")))
        if !summary.topics.isEmpty { facts.append(Fact(label: "Topics", value: summary.topics.map(title).joined(separator: "; "))) }
        if !summary.verdicts.isEmpty {
            facts.append(Fact(label: "Verdicts", value: summary.verdicts.map { "\(title($0.topic)): \(Self.verdictLabel($0.verdict))" }.joined(separator: "; ")))
        }
        if let header {
            facts.append(Fact(label: "Probity", value: "version \(header.probityVersion)"))
            facts.append(Fact(label: "Knowledge SHA-256", value: header.knowledgeSHA256.isEmpty ? "not recorded" : header.knowledgeSHA256))
            if let continues = header.continues { facts.append(Fact(label: "Carries on from", value: continues)) }
        }
        if let next = seal?.continuedIn { facts.append(Fact(label: "Carried on in", value: next)) }
        facts.append(Fact(label: "Integrity", value: verification.summary))
        if redact { facts.append(Fact(label: "Redacted", value: "the free text the user typed is left out")) }
        self.facts = facts

        if seal != nil, case .sealed = verification.status, let last = document.lines.last {
            sealDigest = SHA256.hex(last.bytes)
        } else {
            sealDigest = nil
        }

        let events = redact ? TranscriptRedactor.redact(document.events) : document.events
        entries = events.compactMap { time, event in
            Self.entry(event, topicTitle: title, councilName: { names[$0] ?? $0 }).map { Entry(time: time, kind: $0) }
        }
    }

    private static func entry(_ event: ConversationEvent, topicTitle: (String) -> String, councilName: (String) -> String) -> Kind? {
        switch event {
        case .started(let council, let role):
            var known: [String] = []
            if let council { known.append("council: \(councilName(council))") }
            if let role { known.append("role: \(Role(rawValue: role)?.phrase ?? role)") }
            return .note(known.isEmpty ? "Chat started (council and role not yet known)" : "Chat started — " + known.joined(separator: "; "))
        case .userInput(let text):
            return .typed(text)
        case .routed(let question, let candidates, let outcome):
            let best = candidates.prefix(3).map { "\(topicTitle($0.topic)) (\(formatScore($0.score)))" }.joined(separator: ", ")
            let quoted = question == TranscriptRedactor.marker ? question : "“\(question)”"
            switch outcome {
            case .chosen:
                return .routed("Routed \(quoted) to \(candidates.first.map { topicTitle($0.topic) } ?? "a topic") (clear match; nearest: \(best))")
            case .askedWhichOne:
                return .routed("Routed \(quoted): two topics were close, so Probity asked which was meant (\(best))")
            case .noMatch:
                return .routed("Routed \(quoted): no topic matched well enough\(best.isEmpty ? "" : " (nearest: \(best))")")
            case .askedToSwitch:
                return .routed("Routed \(quoted) mid-topic to \(candidates.first.map { topicTitle($0.topic) } ?? "another topic"); Probity asked whether to switch")
            case .twoQuestions:
                return .routed("Routed \(quoted): it asks about two topics, taken one after the other")
            case .deferred:
                return .routed("Kept \(quoted) for later: \(candidates.first.map { topicTitle($0.topic) } ?? "another topic"), offered when the first is done")
            case .outOfScope:
                return .routed("Routed \(quoted): a subject the protocol does not cover; Probity said where its rule lives\(best.isEmpty ? "" : " (nearest: \(best))")")
            }
        case .topicStarted(let topic):
            return .topic(title: topicTitle(topic), id: topic)
        case .councilSet(let council, let version):
            return .note("Council set to \(councilName(council)), protocol version \(version)")
        case .roleSet(let role):
            return .note("Role set to \(roleName(role))")
        case .asked(_, _, _, let prompt, let options):
            return .question(prompt: prompt, options: options)
        case .answered(_, _, _, let label):
            return .answer(label)
        case .wentBack(_, let fact):
            return .note(fact == nil ? "Went back (there was no answer to undo)" : "Went back: the last answer was undone")
        case .restarted(let topic):
            return .note("Restarted \(topicTitle(topic)): its answers were forgotten")
        case .leftTopic(let topic):
            return .note("Left \(topicTitle(topic))")
        case .advised(let a):
            return .advice(AdviceBlock(
                verdict: a.verdict, verdictLabel: verdictLabel(a.verdict), headline: a.headline, topicTitle: topicTitle(a.topic),
                councilName: councilName(a.council), protocolVersion: a.protocolVersion, summary: a.summary, steps: a.steps ?? [],
                silent: a.silent ?? false,
                quotes: a.quotes.map { Quote(label: $0.label ?? fallbackLabel($0, council: councilName(a.council)), text: $0.text,
                                             notes: $0.notes ?? [], note: $0.note) }))
        case .explained(_, let reasons):
            return .reasons(reasons)
        case .shown(let kind, let text):
            return .shown(kind: kind, text: PlainTextReflow.unwrap(text))
        case .ended(let reason):
            return .note("Chat ended (\(endReason(reason)))")
        }
    }

    /// A quote's label for records written without one: "Carlisle City Council, paragraph 116 — heading".
    private static func fallbackLabel(_ quote: ConversationEvent.Advised.Quote, council: String) -> String {
        let cited = quote.reference.first?.isNumber == true ? "paragraph \(quote.reference)" : quote.reference
        return "\(council), \(cited) — \(quote.heading)"
    }

    public static func verdictLabel(_ raw: String) -> String {
        ProbityKit.Verdict(rawValue: raw)?.label ?? raw
    }

    static func roleName(_ raw: String) -> String {
        Role(rawValue: raw)?.label ?? raw
    }

    static func endReason(_ raw: String) -> String {
        switch raw {
        case "quit": "the user typed quit"
        case "eof": "end of input (Ctrl-D)"
        case "interrupt": "interrupted (Ctrl-C)"
        case "terminated": "terminated by a signal (SIGTERM)"
        case "closed-pipe": "the output was closed"
        case "hangup": "the terminal went away (SIGHUP)"
        case "moved": "the recording moved to another file"
        default: raw
        }
    }

    private static func formatScore(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
