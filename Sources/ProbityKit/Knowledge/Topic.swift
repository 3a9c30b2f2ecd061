import Foundation

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

/// Words that may differ with the role of the person they are said to.
public struct RoleText: Sendable, Hashable {
    public var member: String
    public var officer: String

    public init(_ both: String) {
        member = both
        officer = both
    }
    public init(member: String, officer: String) {
        self.member = member
        self.officer = officer
    }

    /// The wording for this role; the member's when the role is not yet known and the two differ.
    public func text(for role: Role?) -> String {
        role == .officer ? officer : member
    }

    /// Each distinct wording: one when both roles are told the same words.
    public var wordings: [String] {
        member == officer ? [member] : [member, officer]
    }
}

/// One situation in the catalogue: shared by every council. Each council's advice on it is an
/// `AdviceTree` in the council's own folder.
public struct Topic: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var audience: Audience
    public var examples: [String]
    /// The topic's own facts, in the order the file lists them. From a catalogue snapshot they are decoded the first
    /// time they are asked for: a command that only lists or routes topics never reads their 16,000-odd phrases.
    public var facts: [Fact] {
        get { factSource.facts }
        set { factSource = FactSource(newValue) }
    }
    private var factSource: FactSource
    /// The file this topic was read from, relative to the knowledge directory.
    public var file: String

    public init(
        id: String, title: String, summary: String, audience: Audience, examples: [String],
        facts: [Fact] = [], file: String
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.audience = audience
        self.examples = examples
        self.factSource = FactSource(facts)
        self.file = file
    }

    /// A topic whose facts are decoded when first asked for.
    init(id: String, title: String, summary: String, audience: Audience, examples: [String], facts: FactSource, file: String) {
        self.init(id: id, title: title, summary: summary, audience: audience, examples: examples, file: file)
        factSource = facts
    }

    /// A fact of this topic by its id in the file (`nonmembers`) or its session key (`party-group-briefing.nonmembers`).
    public func fact(named name: String) -> Fact? {
        facts.first { $0.localID == name || $0.key == name }
    }
}

/// A named question with options, defined once in the catalogue for every council.
public struct Fact: Sendable, Identifiable {
    /// The key in a session's facts: `<topic>.<id>` for a topic's own fact, the id alone for a shared one.
    public var key: String
    /// The id as the file writes it.
    public var localID: String
    public var prompt: RoleText
    public var help: String
    /// Several options can be true at once.
    public var multiple: Bool
    public var options: [FactOption]
    public var file: String
    public var position: SourcePosition?

    public var id: String { key }
    public var isShared: Bool { key == localID }

    public func option(id: String) -> FactOption? { options.first { $0.id == id } }

    /// A value of this fact in words: its options' labels ("Yes", "Council business and party business").
    public func answer(_ value: String) -> String {
        ListJoiner.and(FactValue.options(value).map { option(id: $0)?.label ?? $0 })
    }

    /// The id a fact has in its file, from its session key (`document-access.exempt` → `exempt`; a shared fact's key is its id).
    public static func localID(ofKey key: String) -> String {
        key.split(separator: ".", maxSplits: 1).last.map(String.init) ?? key
    }
}

/// One answer to a fact, with the words that state it.
public struct FactOption: Sendable {
    public var id: String
    public var label: String
    /// What the option states, said back when it is taken from what the user typed: one wording, or one for each
    /// role when the user is the person the words name ("you sit on…" to a member, "the councillor sits on…" to an
    /// officer).
    public var says: RoleText?
    public var phrases: [String]
}

extension Role {
    /// A role as given on a command line or in a settings file: `member` or `officer`, or the plain words for them
    /// (`councillor`, `cllr`; `employee`, `staff`), in any case.
    public init?(argument: String) {
        switch argument.lowercased().trimmingWhitespace() {
        case "member", "members", "councillor", "councilor", "cllr": self = .member
        case "officer", "officers", "employee", "staff": self = .officer
        default: return nil
        }
    }
}

/// A topic's facts, decoded once when first asked for (shared by every copy of the topic; set anew, a topic gets a
/// source of its own, so it stays a value).
final class FactSource: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [Fact]?
    private let decode: (@Sendable () -> [Fact])?

    init(_ facts: [Fact]) {
        decoded = facts
        decode = nil
    }

    /// - Parameter decode: makes the facts; it cannot fail (what it reads was checked when the source was made).
    init(decode: @escaping @Sendable () -> [Fact]) {
        self.decode = decode
    }

    var facts: [Fact] {
        lock.withLock {
            if let decoded { return decoded }
            let facts = decode?() ?? []
            decoded = facts
            return facts
        }
    }
}
