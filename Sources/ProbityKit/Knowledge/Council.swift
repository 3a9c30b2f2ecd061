import Foundation

/// The state of a protocol document.
public enum DocumentStatus: String, Sendable, CaseIterable, Codable {
    case adopted, draft, superseded
}

/// One version of one council's member/officer protocol, with every clause in it.
public struct Council: Sendable, Identifiable {
    public var id: String
    public var name: String
    public var shortName: String
    public var document: String
    public var version: String
    public var date: String?
    public var status: DocumentStatus
    public var isCurrent: Bool
    /// Path of the quoted text, relative to the knowledge directory.
    public var source: String
    public var numbering: String?
    public var reading: String?
    public var clauses: [Clause]
    /// The file this version was read from, relative to the knowledge directory.
    public var file: String
    /// Where each clause's text starts in the file, in clause order (empty for knowledge built in memory).
    public var textPositions: [SourcePosition] = []

    private var index: [String: Int] = [:]

    public init(
        id: String, name: String, shortName: String, document: String, version: String, date: String?,
        status: DocumentStatus, isCurrent: Bool, source: String, numbering: String?, reading: String?,
        clauses: [Clause], file: String
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.document = document
        self.version = version
        self.date = date
        self.status = status
        self.isCurrent = isCurrent
        self.source = source
        self.numbering = numbering
        self.reading = reading
        self.clauses = clauses
        self.file = file
        for (i, clause) in clauses.enumerated() where index[clause.id] == nil { index[clause.id] = i }
    }

    /// The clause with this id.
    public func clause(id: String) -> Clause? {
        index[id].map { clauses[$0] }
    }

    /// Clauses a user might mean by what they typed: an id (`C3.5`, `116`), a reference
    /// as shown (`C 3.5`, `3.5`), or a printed number (`103.1`).
    public func clauses(matching query: String) -> [Clause] {
        let wanted = Clause.referenceKey(query)
        guard !wanted.isEmpty else { return [] }
        if let exact = clause(id: query.trimmingCharacters(in: .whitespaces)) { return [exact] }
        let byReference = clauses.filter { Clause.referenceKey($0.id) == wanted || Clause.referenceKey($0.reference) == wanted }
        if !byReference.isEmpty { return byReference }
        return clauses.filter { $0.number == query || $0.printed == query }
    }

    /// "Blackburn with Darwen (version 2, adopted)"
    public var versionLabel: String {
        var text = "version \(version)"
        if let date { text += " of \(date)" }
        return text + ", \(status.rawValue)"
    }
}

/// A numbered paragraph or list item of a protocol, in the protocol's own words.
public struct Clause: Sendable, Hashable, Identifiable {
    public var id: String
    public var part: String?
    public var number: String
    public var item: Int?
    public var printed: String?
    public var heading: String
    public var text: String
    public var notes: [String]
    public var isAdvisory: Bool
    public var reason: String?

    public init(
        id: String, part: String? = nil, number: String, item: Int? = nil, printed: String? = nil,
        heading: String, text: String, notes: [String] = [], isAdvisory: Bool = true, reason: String? = nil
    ) {
        self.id = id
        self.part = part
        self.number = number
        self.item = item
        self.printed = printed
        self.heading = heading
        self.text = text
        self.notes = notes
        self.isAdvisory = isAdvisory
        self.reason = reason
    }

    /// The clause's reference as a reader would cite it: `C 3.5`, `B 1 (3)`, `116`.
    public var reference: String {
        var text = number
        if let part { text = "\(part) \(text)" }
        if let item { text += " (\(item))" }
        return text
    }

    /// The reference with the printed number where it differs: `13.1 (printed 103.1)`.
    public var fullReference: String {
        guard let printed, printed != number else { return reference }
        return "\(reference) (printed \(printed))"
    }

    /// The reference as a sentence cites it: "paragraph 116", "paragraph 13.1 (printed 103.1)",
    /// and for a lettered part "C 3.5" or "Appendix A 1".
    public var citedAs: String {
        part == nil ? "paragraph \(fullReference)" : fullReference
    }

    /// Folds a typed reference so that `c 3.5`, `C3.5` and `C 3.5` compare equal.
    static func referenceKey(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }
}
