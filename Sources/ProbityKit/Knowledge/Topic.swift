/// Who typically asks about a topic.
public enum Audience: String, Sendable, CaseIterable {
    case member, officer, both
}

/// Whether the user is a councillor or a council employee.
public enum Role: String, Sendable, CaseIterable {
    case member, officer

    public var label: String {
        switch self {
        case .member: "A councillor (member)"
        case .officer: "A council employee (officer)"
        }
    }
}

/// An advice tree for one situation in the topic catalogue.
public struct Topic: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var audience: Audience
    public var examples: [String]
    public var start: String
    /// Node ids in the order the file lists them.
    public var nodeOrder: [String]
    public var nodes: [String: Node]
    /// The file this topic was read from, relative to the knowledge directory.
    public var file: String

    public init(id: String, title: String, summary: String, audience: Audience, examples: [String], start: String,
                nodes: [Node], file: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.audience = audience
        self.examples = examples
        self.start = start
        self.nodeOrder = nodes.map(\.id)
        var byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A branch may name the question whose answer it follows by the question's node id.
        for (id, node) in byID {
            if case .branch(var b) = node, case .fact(let key) = b.on, case .question(let q)? = byID[key] {
                b.on = .fact(q.fact)
                byID[id] = .branch(b)
            }
        }
        self.nodes = byID
        self.file = file
    }

    public subscript(id: String) -> Node? { nodes[id] }

    /// Every node, in the order of the file.
    public var orderedNodes: [Node] { nodeOrder.compactMap { nodes[$0] } }

    /// Every clause that some node of this topic cites, in order of first citation.
    public var citations: [Citation] {
        var seen = Set<Citation>()
        var result: [Citation] = []
        for node in orderedNodes {
            let cited: [Citation]
            switch node {
            case .question(let q): cited = q.why.cites
            case .advice(let a): cited = a.citations
            case .branch: cited = []
            }
            for c in cited where seen.insert(Citation(council: c.council, clause: c.clause)).inserted {
                result.append(Citation(council: c.council, clause: c.clause))
            }
        }
        return result
    }
}

/// One step of an advice tree.
public enum Node: Sendable {
    case question(Question)
    case branch(Branch)
    case advice(Advice)

    public var id: String {
        switch self {
        case .question(let q): q.id
        case .branch(let b): b.id
        case .advice(let a): a.id
        }
    }

    public var position: SourcePosition? {
        switch self {
        case .question(let q): q.position
        case .branch(let b): b.position
        case .advice(let a): a.position
        }
    }

    /// The nodes this one can lead to, with the JSON path (below the node) that names each.
    public var successors: [(path: JSONPath, target: String)] {
        switch self {
        case .question(let q):
            return q.options.enumerated().map { (JSONPath([.key("options"), .index($0.offset), .key("next")]), $0.element.next) }
        case .branch(let b):
            var result = b.cases.map { (JSONPath([.key("cases"), .key($0.value)]), $0.next) }
            if let d = b.defaultNext { result.append((JSONPath([.key("default")]), d)) }
            return result
        case .advice:
            return []
        }
    }
}

/// A question put to the user, with numbered options.
public struct Question: Sendable {
    public var id: String
    /// The fact this question settles: a shared key (`election-period`) or `<topic>.<node>`.
    public var fact: String
    public var isSharedFact: Bool
    public var prompt: String
    public var why: Why
    public var help: String
    public var options: [AnswerOption]
    public var position: SourcePosition?

    public func option(id: String) -> AnswerOption? { options.first { $0.id == id } }
}

/// Why a question is asked: a sentence and the clauses that make the answer matter.
public struct Why: Sendable {
    public var text: String
    public var cites: [Citation]
}

public struct AnswerOption: Sendable {
    public var id: String
    public var label: String
    public var next: String
}

/// What a branch looks at.
public enum BranchSubject: Sendable, Hashable, CustomStringConvertible {
    case council
    case role
    case fact(String)

    public init(_ text: String) {
        switch text {
        case "council": self = .council
        case "role": self = .role
        default: self = .fact(text)
        }
    }

    /// The key in a session's facts.
    public var factKey: String {
        switch self {
        case .council: "council"
        case .role: "role"
        case .fact(let key): key
        }
    }

    public var description: String { factKey }
}

/// A step that asks nothing: it follows a fact already known.
public struct Branch: Sendable {
    public var id: String
    public var on: BranchSubject
    public var cases: [(value: String, next: String)]
    public var defaultNext: String?
    public var position: SourcePosition?

    public func next(for value: String?) -> String? {
        if let value, let match = cases.first(where: { $0.value == value }) { return match.next }
        return defaultNext
    }
}

/// The kind of answer an advice node gives, shown first.
public enum Verdict: String, Sendable, CaseIterable {
    case yes
    case yesIf = "yes-if"
    case no
    case notWithout = "not-without"
    case askMonitoringOfficer = "ask-monitoring-officer"
    case guidance

    /// A short label for lists and tables.
    public var label: String {
        switch self {
        case .yes: "Yes"
        case .yesIf: "Yes, if…"
        case .no: "No"
        case .notWithout: "Not without…"
        case .askMonitoringOfficer: "Ask the Monitoring Officer first"
        case .guidance: "Guidance"
        }
    }
}

/// The end of a walk: a verdict, what to do, and the clauses that say so.
public struct Advice: Sendable {
    public var id: String
    public var verdict: Verdict
    public var headline: String
    public var summary: String
    public var steps: [String]
    public var citations: [Citation]
    /// The council's protocol has no specific rule; the advice quotes the general clauses and refers to the Monitoring Officer.
    public var silent: Bool
    public var position: SourcePosition?
}

/// A reference from a topic to one clause of one council's current protocol.
public struct Citation: Sendable, Hashable {
    public var council: String
    public var clause: String
    public var note: String?

    public init(council: String, clause: String, note: String? = nil) {
        self.council = council
        self.clause = clause
        self.note = note
    }
}
