import ProbityBytes

/// A transcript laid out for reading, whatever the format: the facts at the top, then the conversation as the
/// user saw it, in order. The terminal, Markdown and HTML renderings all draw from this, and advice through the
/// one `AdviceLayout`. Everything in it was read from a file and is free of control characters.
public struct TranscriptPresentation: Sendable {
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public struct Entry: Sendable {
        public var time: String
        public var kind: Kind
    }

    public enum Kind: Sendable {
        /// A line the user typed.
        case typed(String)
        /// How a question was routed, in words (no scores).
        case routed(String)
        case topic(title: String, id: String)
        case question(prompt: String, options: [String])
        case answer(String)
        /// Something the record notes: went back, restarted, council or role set, the end.
        case note(String)
        /// Advice; `withdrawn` when a later `back`, `change` or `restart` in the same topic undid it.
        case advice(AdviceLayout, withdrawn: Bool)
        case reasons([String])
        /// Anything else Probity showed.
        case shown(Panel)
    }

    /// Something shown besides questions and advice: a heading, paragraphs, a list, clauses quoted in full.
    public struct Panel: Sendable {
        /// What it was (`help`, `search`, `rejected`…).
        public var kind: String
        /// "Probity showed the help", "Clauses that match the search".
        public var title: String?
        public var paragraphs: [String] = []
        public var items: [String] = []
        public var quotes: [AdviceLayout.QuoteLayout] = []
        /// Part of the chat's own furniture (the greeting, where it records, an invitation to type): a page to
        /// file leaves these out.
        public var furniture: Bool = false
        /// A warning the user was shown (writing the transcript failed, say).
        public var warning: Bool = false
        /// Text as a first-format record holds it: lines as printed, indents and bars kept.
        public var preformatted: Bool = false
    }

    public var id: String
    /// The council's name (or id) and the person's role, for a title.
    public var council: String?
    public var role: String?
    /// Who was recorded as using Probity: the full name from their settings and their login name, and the machine
    /// (nil in transcripts written before the header carried them).
    public var person: String?
    /// When it started, for people.
    public var started: String?
    /// The first question the user asked, for a title block (nil when redacted, or none was asked).
    public var firstQuestion: String?
    public var facts: [Fact]
    public var verification: TranscriptVerification
    public var entries: [Entry]
    /// The SHA-256 of the seal line, when sealed.
    public var sealDigest: String?
    public var redacted: Bool

    /// - Parameters:
    ///   - topicTitles, councilNames: from the knowledge in use, for names a record does not carry; ids otherwise.
    public init(
        _ document: TranscriptDocument, verification: TranscriptVerification, redact: Bool = false,
        topicTitles: [String: String] = [:], councilNames: [String: String] = [:]
    ) {
        id = document.id
        self.verification = verification
        redacted = redact
        let header = document.header
        let seal = document.seal
        var names = councilNames
        if let c = header?.council, let n = header?.councilName { names[c] = names[c] ?? n }
        let timed = redact ? TranscriptRedactor.redact(document.events) : document.events
        for (_, event) in timed {
            if case .advised(let a) = event, let n = a.councilName { names[a.council] = names[a.council] ?? n }
        }
        var titles = topicTitles
        for (_, event) in timed {
            if case .advised(let a) = event, let t = a.topicTitle { titles[a.topic] = titles[a.topic] ?? t }
        }
        let naming = Naming(topics: titles, councils: names)

        let summary = TranscriptSummary(document, verification: verification)
        council = summary.councils.first.map { names[$0] ?? $0 }
        role = summary.roles.first.map(Self.roleName)
        person = Self.person(fullName: summary.fullName, user: summary.user, machine: summary.machine)
        started = summary.started.map(UTCTime.readable)
        firstQuestion =
            timed.lazy.compactMap { _, event -> String? in
                if case .routed(let question, _, _) = event, question != TranscriptRedactor.marker { return question }
                return nil
            }.first
        var facts: [Fact] = [Fact(label: "Transcript", value: document.id)]
        facts.append(Fact(label: "Started", value: started ?? "unknown"))
        if let seal {
            facts.append(Fact(label: "Ended", value: "\(UTCTime.readable(seal.ended)) (\(Self.endReason(seal.reason)))"))
        } else {
            facts.append(Fact(label: "Ended", value: "not recorded: the transcript was never sealed"))
        }
        facts.append(Fact(label: "Council", value: summary.councils.isEmpty ? "not given" : summary.councils.map(naming.councilWithID).joined(separator: "; ")))
        if !summary.protocolVersions.isEmpty {
            facts.append(
                Fact(
                    label: "Protocol quoted",
                    value: summary.protocolVersions.map { v in
                        let parts = v.split(separator: "@", maxSplits: 1).map(String.init)
                        return parts.count == 2 ? "\(names[parts[0]] ?? parts[0]), version \(parts[1])" : v
                    }.joined(separator: "; ")))
        }
        facts.append(Fact(label: "Role", value: summary.roles.isEmpty ? "not given" : summary.roles.map(Self.roleName).joined(separator: "; ")))
        if !summary.topics.isEmpty { facts.append(Fact(label: "Topics", value: summary.topics.map(naming.topic).joined(separator: "; "))) }
        if !summary.verdicts.isEmpty {
            facts.append(
                Fact(label: "Verdicts", value: summary.verdicts.map { "\(naming.topic($0.topic)): \(Self.verdictLabel($0.verdict))" }.joined(separator: "; ")))
        }
        if let header {
            facts.append(Fact(label: "Probity", value: "version \(header.probityVersion)"))
            facts.append(Fact(label: "Knowledge SHA-256", value: header.knowledgeSHA256.isEmpty ? "not recorded" : header.knowledgeSHA256))
            if let continues = header.continues { facts.append(Fact(label: "Carries on from", value: continues)) }
        }
        if let next = seal?.continuedIn { facts.append(Fact(label: "Carried on in", value: next)) }
        facts.append(Fact(label: "Integrity", value: verification.summary))
        if redact { facts.append(Fact(label: "Redacted", value: "the free text the user typed is left out")) }
        self.facts = facts.map { Fact(label: $0.label, value: TerminalSafe.strip($0.value)) }

        if seal != nil, case .sealed = verification.status, let last = document.lines.last {
            sealDigest = SHA256.hex(last.bytes)
        } else {
            sealDigest = nil
        }

        let withdrawn = Self.withdrawnAdvice(timed.map(\.event))
        entries = timed.enumerated().compactMap { index, item in
            TranscriptEntries.kind(item.event, naming: naming, withdrawn: withdrawn.contains(index)).map { Entry(time: item.time, kind: $0) }
        }
    }

    /// The places of advice that a later `back`, `change` or `restart` in the same topic undid, before any other
    /// topic began.
    static func withdrawnAdvice(_ events: [ConversationEvent]) -> Set<Int> {
        var withdrawn = Set<Int>()
        for (index, event) in events.enumerated() {
            guard case .advised(let advice) = event else { continue }
            later: for next in events[(index + 1)...] {
                switch next {
                case .topicStarted: break later
                case .wentBack(let topic, let fact) where topic == advice.topic && fact != nil:
                    withdrawn.insert(index)
                    break later
                case .restarted(let topic) where topic == advice.topic:
                    withdrawn.insert(index)
                    break later
                case .answered(let topic, _, _, _, _) where topic == advice.topic:
                    withdrawn.insert(index)
                    break later
                default: continue
                }
            }
        }
        return withdrawn
    }

    /// Names for ids: from the record, else from the knowledge in use, else the id itself.
    struct Naming {
        var topics: [String: String]
        var councils: [String: String]
        func topic(_ id: String) -> String { topics[id] ?? id }
        func council(_ id: String) -> String { councils[id] ?? id }
        func councilWithID(_ id: String) -> String { councils[id].map { "\($0) (\(id))" } ?? id }
    }

    public static func verdictLabel(_ raw: String) -> String {
        ProbityKit.Verdict(rawValue: raw)?.label ?? raw
    }

    /// "Jane Smith (jsmith on ws-042)", "jsmith on ws-042", or nil when the header names nobody.
    static func person(fullName: String?, user: String?, machine: String?) -> String? {
        let login = [user, machine.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
        switch (fullName, login.isEmpty) {
        case (let name?, false): return "\(name) (\(login))"
        case (let name?, true): return name
        case (nil, false): return login
        case (nil, true): return nil
        }
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
        case "quit-signal": "ended by a quit signal (SIGQUIT, Ctrl-\\)"
        case "moved": "the recording moved to another file"
        default: raw
        }
    }
}
