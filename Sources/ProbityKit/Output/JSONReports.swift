import Foundation

/// The JSON documents that `--json` prints. Field names are part of the command contract.
public enum JSONReports {
    public struct ClauseReport: Encodable, Sendable {
        public var council: String
        public var version: String
        public var id: String
        public var number: String
        public var reference: String
        public var part: String?
        public var item: Int?
        public var printed: String?
        public var heading: String
        public var text: String
        public var notes: [String]
        public var advisory: Bool
        public var source: String
        public var note: String?

        public init(council: Council, clause: Clause, note: String? = nil) {
            self.init(councilID: council.id, version: council.version, clause: clause, source: council.source, note: note)
        }

        public init(_ quoted: QuotedClause, source: String) {
            self.init(councilID: quoted.councilID, version: quoted.version, clause: quoted.clause, source: source, note: quoted.note)
        }

        private init(councilID: String, version: String, clause: Clause, source: String, note: String?) {
            council = councilID
            self.version = version
            id = clause.id
            number = clause.number
            reference = clause.reference
            part = clause.part
            item = clause.item
            printed = clause.printed
            heading = clause.heading
            text = clause.text
            notes = clause.notes
            advisory = clause.isAdvisory
            self.source = source
            self.note = note
        }
    }

    public struct TopicSummary: Encodable, Sendable {
        public var id: String
        public var title: String
        public var summary: String
        public var audience: String
        public init(_ topic: Topic) {
            id = topic.id
            title = topic.title
            summary = topic.summary
            audience = topic.audience.rawValue
        }
    }

    public struct OptionReport: Encodable, Sendable {
        public var number: Int
        public var id: String
        public var label: String
    }

    public struct QuestionReport: Encodable, Sendable {
        public var id: String
        public var kind: String
        public var prompt: String
        public var why: String
        public var whyClauses: [ClauseReport]
        public var help: String
        public var options: [OptionReport]
    }

    public struct AdviceReport: Encodable, Sendable {
        public var node: String
        public var verdict: String
        public var verdictLabel: String
        public var headline: String
        /// The verdict in words, said once, as every rendering shows it (`AdviceLayout.verdictLine`).
        public var verdictLine: String
        public var summary: String
        public var steps: [StepReport]
        public var silent: Bool
        public var citations: [ClauseReport]
    }

    /// A step and what it rests on: the clauses it cites, or practical guidance the protocol does not contain.
    public struct StepReport: Encodable, Sendable {
        public var text: String
        public var cites: [String]
        public var practical: Bool
        /// What the user said that brought the step in, when a rule did.
        public var because: String?

        init(_ step: AdviceStepResult) {
            text = step.text
            cites = step.references
            practical = step.isPractical
            because = step.because
        }
    }

    public struct ReasonReport: Encodable, Sendable {
        public var fact: String
        public var question: String
        public var answer: String
        public var option: String
    }

    public struct WalkReport: Encodable, Sendable {
        public var topic: String
        public var council: String?
        public var role: String?
        public var protocolVersion: String?
        public var status: String
        public var question: QuestionReport?
        public var advice: AdviceReport?
        public var problem: String?
        public var why: [ReasonReport]
    }

    public static func walk(_ session: Session) -> WalkReport {
        let source = session.council?.source ?? ""
        var report = WalkReport(
            topic: session.topic?.id ?? "", council: session.councilID, role: session.role?.rawValue,
            protocolVersion: session.council?.version, status: "", question: nil, advice: nil,
            problem: nil,
            why: session.reasons.map {
                ReasonReport(fact: $0.factKey, question: $0.question, answer: $0.answer, option: $0.optionID)
            })
        switch session.step {
        case .question(let q)?:
            report.status = "question"
            report.question = QuestionReport(
                id: q.kind == .topic ? Fact.localID(ofKey: q.factKey) : q.factKey,
                kind: "\(q.kind)", prompt: q.prompt, why: q.why,
                whyClauses: q.whyClauses.map { ClauseReport($0, source: source) }, help: q.help,
                options: q.options.enumerated().map { OptionReport(number: $0.offset + 1, id: $0.element.id, label: $0.element.label) })
        case .advice(let a)?:
            report.status = "advice"
            report.advice = AdviceReport(
                node: a.nodeID, verdict: a.verdict.rawValue, verdictLabel: a.verdict.label,
                headline: a.headline, verdictLine: AdviceLayout(a).verdictLine, summary: a.summary, steps: a.steps.map(StepReport.init), silent: a.silent,
                citations: a.quotes.map { ClauseReport($0, source: source) })
        case .noRoute(let text)?:
            report.status = "no-route"
            report.problem = text
        case nil:
            report.status = "no-topic"
        }
        return report
    }

    /// Pretty, key-sorted JSON text with a trailing newline.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
