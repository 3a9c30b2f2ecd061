/// `probity compare --json`.
public struct ComparisonReport: Encodable, Sendable {
    public struct Outcome: Encodable, Sendable {
        public var node: String
        public var verdict: String
        public var verdictLabel: String
        public var headline: String
        public var silent: Bool
    }

    public struct VerdictCount: Encodable, Sendable {
        public var verdict: String
        public var label: String
        public var count: Int
    }

    public struct ClauseRef: Encodable, Sendable {
        public var id: String
        public var reference: String
        public var heading: String
    }

    public struct Walk: Encodable, Sendable {
        /// `advice`, `question` (the council needs a question the answers do not settle) or `no-route`.
        public var status: String
        public var advice: Outcome?
        public var citations: [ClauseRef]?
        public var question: JSONReports.QuestionReport?
        public var problem: String?
    }

    public struct Column: Encodable, Sendable {
        public var council: String
        public var name: String
        public var version: String
        public var verdicts: [VerdictCount]
        public var advice: [Outcome]
        public var clauses: [ClauseRef]
        public var outcome: Walk?
    }

    public struct Answer: Encodable, Sendable {
        public var question: String
        public var option: String
    }

    public var topic: String
    public var title: String
    public var role: String?
    public var answers: [Answer]
    public var councils: [Column]
    public var outcomesDiffer: Bool?

    public init(_ comparison: TopicComparison) {
        topic = comparison.topic.id
        title = comparison.topic.title
        role = comparison.role?.rawValue
        answers = comparison.answers.map { Answer(question: $0.question, option: $0.option) }
        outcomesDiffer = comparison.answers.isEmpty ? nil : comparison.outcomesDiffer
        councils = comparison.columns.map { column in
            Column(
                council: column.council.id, name: column.council.name, version: column.council.version,
                verdicts: column.verdicts.map { VerdictCount(verdict: $0.verdict.rawValue, label: $0.verdict.label, count: $0.count) },
                advice: column.outcomes.map {
                    Outcome(
                        node: $0.nodeID, verdict: $0.verdict.rawValue, verdictLabel: $0.verdict.label,
                        headline: $0.headline, silent: $0.silent)
                },
                clauses: column.clauses.map { ClauseRef(id: $0.id, reference: $0.fullReference, heading: $0.heading) },
                outcome: column.walk.map(Self.walk))
        }
    }

    static func walk(_ walk: TopicComparison.Walk) -> Walk {
        switch walk {
        case .advice(let a):
            return Walk(
                status: "advice",
                advice: Outcome(
                    node: a.nodeID, verdict: a.verdict.rawValue, verdictLabel: a.verdict.label,
                    headline: a.headline, silent: a.silent),
                citations: a.quotes.map { ClauseRef(id: $0.clause.id, reference: $0.clause.fullReference, heading: $0.clause.heading) },
                question: nil, problem: nil)
        case .question(let q):
            return Walk(
                status: "question", advice: nil, citations: nil,
                question: JSONReports.QuestionReport(
                    id: q.nodeID ?? q.factKey, kind: "\(q.kind)", prompt: q.prompt, why: q.why, whyClauses: [], help: q.help,
                    options: q.options.enumerated().map { JSONReports.OptionReport(number: $0.offset + 1, id: $0.element.id, label: $0.element.label) }),
                problem: nil)
        case .noRoute(let text):
            return Walk(status: "no-route", advice: nil, citations: nil, question: nil, problem: text)
        }
    }
}
