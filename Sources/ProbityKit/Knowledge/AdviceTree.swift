/// One council's advice on one topic: a tree over the catalogue's facts, and the rules that
/// follow from a fact however it was learnt.
public struct AdviceTree: Sendable {
    public var topicID: String
    public var councilID: String
    public var start: String
    /// Node ids in the order the file lists them.
    public var nodeOrder: [String]
    public var nodes: [String: Node]
    public var rules: [Rule]
    /// The file, relative to the knowledge directory (`council.json` for silent advice made from its principles).
    public var file: String

    public init(topicID: String, councilID: String, start: String, nodes: [Node], rules: [Rule], file: String) {
        self.topicID = topicID
        self.councilID = councilID
        self.start = start
        self.nodeOrder = nodes.map(\.id)
        self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.rules = rules
        self.file = file
    }

    public subscript(id: String) -> Node? { nodes[id] }

    /// Every node, in the order of the file.
    public var orderedNodes: [Node] { nodeOrder.compactMap { nodes[$0] } }

    /// Every clause that some node or rule cites, in order of first citation.
    public var citations: [Citation] {
        var seen = Set<String>()
        var result: [Citation] = []
        func add(_ cited: [Citation]) {
            for c in cited where seen.insert(c.clause).inserted { result.append(Citation(council: c.council, clause: c.clause)) }
        }
        for node in orderedNodes {
            switch node {
            case .question(let q): add(q.why.cites)
            case .advice(let a): add(a.citations + a.steps.flatMap(\.citations))
            case .branch: break
            }
        }
        for rule in rules { add(rule.citations + rule.steps.flatMap(\.citations)) }
        return result
    }

    /// The question nodes, in file order.
    public var questions: [Question] {
        orderedNodes.compactMap { if case .question(let q) = $0 { q } else { nil } }
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
            var result = q.options.map { (JSONPath([.key("next"), .key($0.id)]), $0.next) }
            if let d = q.defaultNext { result.append((JSONPath([.key("default")]), d)) }
            return result
        case .branch(let b):
            var result = b.cases.map { (JSONPath([.key("cases"), .key($0.value)]), $0.next) }
            if let d = b.defaultNext { result.append((JSONPath([.key("default")]), d)) }
            return result
        case .advice:
            return []
        }
    }
}

/// A question put to the user: a catalogue fact, asked the way this council's tree needs it.
public struct Question: Sendable {
    public var id: String
    /// The fact this question settles (its session key).
    public var fact: String
    public var isSharedFact: Bool
    public var prompt: RoleText
    public var why: Why
    public var help: String
    public var multiple: Bool
    /// The options this council offers, in the catalogue's order, each with where it leads.
    public var options: [AnswerOption]
    /// Where an option the tree does not map leads, if anywhere.
    public var defaultNext: String?
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

    public init(id: String, label: String, next: String) {
        self.id = id
        self.label = label
        self.next = next
    }
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
        if let value {
            for v in FactValue.options(value) {
                if let match = cases.first(where: { $0.value == v }) { return match.next }
            }
        }
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

/// One thing to do, with what it rests on: clauses of the protocol, or practical guidance the protocol does not contain.
public struct AdviceStep: Sendable, Hashable {
    public var text: String
    public var citations: [Citation]
    public var isPractical: Bool
    /// A rule's step that rules out part of what the user said they would do ("you want to raise it in public"):
    /// shown with the verdict, not among the steps, so that the answer to what they asked is not step 5.
    public var isCaution: Bool
    /// Whom it is for, when a topic advises both sides of one situation (a member and an officer in a close
    /// relationship): shown only to that role; nil for everyone.
    public var audience: Role?

    public init(text: String, citations: [Citation] = [], isPractical: Bool = false, isCaution: Bool = false, audience: Role? = nil) {
        self.text = text
        self.citations = citations
        self.isPractical = isPractical
        self.isCaution = isCaution
        self.audience = audience
    }

    /// Whether a user in `role` is shown it (everyone is, while the role is not known).
    public func isFor(_ role: Role?) -> Bool {
        guard let audience, let role else { return true }
        return audience == role
    }
}

/// The end of a walk: a verdict, what to do, and the clauses that say so.
public struct Advice: Sendable {
    public var id: String
    public var verdict: Verdict
    /// The verdict in plain words; a member and an officer wording where the advice speaks to either ("you must not …",
    /// "the councillor must not …").
    public var headline: RoleText
    public var summary: String
    public var steps: [AdviceStep]
    public var citations: [Citation]
    /// The council's protocol has no specific rule; the advice quotes the general clauses and refers to the Monitoring Officer.
    public var silent: Bool
    public var position: SourcePosition?
}

/// Advice that follows from a fact, wherever it was learnt: its steps and clauses join whatever advice the walk reaches.
public struct Rule: Sendable {
    public var fact: String
    public var values: [String]
    public var role: Role?
    public var steps: [AdviceStep]
    public var citations: [Citation]
    public var position: SourcePosition?
    /// Its place in the file's `rules`, for messages.
    public var index: Int

    /// Whether the rule applies to what is known.
    public func applies(to facts: [String: String]) -> Bool {
        if let role, facts["role"] != role.rawValue { return false }
        guard let known = facts[fact] else { return false }
        return FactValue.options(known).contains { values.contains($0) }
    }
}

/// A reference from advice to one clause of one council's current protocol.
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

/// How a fact's value is kept in a session: one option id, or several joined by commas for a `multiple` fact.
public enum FactValue {
    public static func options(_ value: String) -> [String] {
        value.split(separator: ",").map(String.init)
    }

    public static func joined(_ options: [String]) -> String {
        options.joined(separator: ",")
    }
}
