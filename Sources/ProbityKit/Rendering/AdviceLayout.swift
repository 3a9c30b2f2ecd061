import Foundation

/// How a piece of advice is laid out, whatever draws it (the chat, `walk`, `transcripts show`, Markdown, HTML,
/// JSON): the verdict first, in words, said once; what it is about; the summary; the steps, each with what it rests
/// on; then the clauses quoted in full. Built from the engine's result, or from the record of it.
public struct AdviceLayout: Sendable, Equatable, Encodable {
    /// The verdict's id (`no`, `yes-if`…), for colour and classes; `Verdict(rawValue:)` may not know a later one.
    public var verdict: String
    /// The verdict in words, first: "No: not the confidential…", never "No: No: …".
    public var verdictLine: String
    /// Right after the verdict: what a fact the user gave rules out, with what it rests on ("But because you
    /// said you want to raise it in public: members should not … (paragraph 6.3)").
    public var cautions: [String]
    /// "Seeing a document or information · Carlisle City Council, protocol version 2007".
    public var context: String
    /// Said when the protocol has nothing specific on this.
    public var silentNotice: String?
    public var summary: String?
    /// Each step with what it rests on: "… (paragraph 116)", "… (practical guidance, not in the protocol)".
    public var steps: [String]
    /// "What your protocol says (3 clauses)", when any are quoted.
    public var quotesHeading: String?
    public var quotes: [QuoteLayout]

    public struct QuoteLayout: Sendable, Equatable, Encodable {
        /// "Carlisle, paragraph 116 — Members' Access to Documents"
        public var label: String
        /// The clause's words, exactly.
        public var text: String
        /// "Note: …" lines shown beside it.
        public var notes: [String]
        /// "Why it applies: …", when the topic says.
        public var why: String?

        public init(label: String, text: String, notes: [String], note: String?) {
            self.label = label
            self.text = text
            self.notes = notes.map { "Note: \($0)" }
            why = note.map { "Why it applies: \($0)" }
        }

        public init(_ quote: QuotedClause) {
            self.init(label: quote.label, text: quote.clause.text, notes: quote.clause.notes, note: quote.note)
        }

        /// From a record; records written without the label get one made from the reference and heading.
        public init(_ quote: ConversationEvent.Advised.Quote, councilName: String) {
            let cited = quote.reference.first?.isNumber == true ? "paragraph \(quote.reference)" : quote.reference
            self.init(
                label: quote.label ?? "\(councilName), \(cited) — \(quote.heading)", text: quote.text,
                notes: quote.notes ?? [], note: quote.note)
        }
    }

    static let silentText =
        "Your council's protocol has no specific rule on this. The general clauses below still apply; ask the Monitoring Officer before you act."

    init(
        verdict: String, headline: String, topicTitle: String, councilName: String, protocolVersion: String, silent: Bool,
        summary: String?, cautions: [String], steps: [String], quotes: [QuoteLayout]
    ) {
        self.verdict = verdict
        verdictLine = Self.verdictLine(verdict, headline: headline)
        self.cautions = cautions
        context = "\(topicTitle) · \(councilName), protocol version \(protocolVersion)"
        silentNotice = silent ? Self.silentText : nil
        self.summary = summary.flatMap { $0.isEmpty ? nil : $0 }
        self.steps = steps
        quotesHeading = quotes.isEmpty ? nil : quotes.count == 1 ? "What your protocol says" : "What your protocol says (\(quotes.count) clauses)"
        self.quotes = quotes
    }

    public init(_ advice: AdviceResult) {
        self.init(
            verdict: advice.verdict.rawValue, headline: advice.headline, topicTitle: advice.topicTitle, councilName: advice.councilName,
            protocolVersion: advice.protocolVersion, silent: advice.silent, summary: advice.summary,
            cautions: advice.steps.filter(\.isCaution).map(\.withProvenance),
            steps: advice.steps.filter { !$0.isCaution }.map(\.withProvenance), quotes: advice.quotes.map(QuoteLayout.init))
    }

    /// From a record. Names come from the record, else from the knowledge in use, else the ids.
    public init(_ advised: ConversationEvent.Advised, topicTitle: String? = nil, councilName: String? = nil) {
        let council = advised.councilName ?? councilName ?? advised.council
        self.init(
            verdict: advised.verdict, headline: advised.headline, topicTitle: advised.topicTitle ?? topicTitle ?? advised.topic,
            councilName: council, protocolVersion: advised.protocolVersion, silent: advised.silent ?? false,
            summary: advised.summary, cautions: (advised.steps ?? []).filter(\.isCaution).map(\.withProvenance),
            steps: (advised.steps ?? []).filter { !$0.isCaution }.map(\.withProvenance),
            quotes: advised.quotes.map { QuoteLayout($0, councilName: council) })
    }

    /// The verdict in words, first: the headline alone when it already says it ("No: you should not…",
    /// "…: ask the Monitoring Officer"), otherwise the verdict's label and then the headline.
    public static func verdictLine(_ raw: String, headline: String) -> String {
        guard let verdict = Verdict(rawValue: raw) else { return headline.isEmpty ? raw : "\(raw): \(headline)" }
        let label = verdict.label.trimmingCharacters(in: CharacterSet(charactersIn: "…."))
        let firstWord = label.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        let headlineFirst = headline.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        if !firstWord.isEmpty && firstWord == headlineFirst { return headline }
        if verdict == .askMonitoringOfficer && headline.lowercased().contains("monitoring officer") { return headline }
        return "\(label): \(headline)"
    }
}
