/// What changed between two versions of a council's protocol, clause by clause (clauses are
/// paired by id), with each changed clause's words compared.
public struct VersionDiff: Sendable {
    /// One clause's difference, in the order of the newer document (removed clauses where they stood).
    public enum Entry: Sendable {
        case added(Clause)
        case removed(Clause)
        case changed(ClauseChange)

        public var clauseID: String {
            switch self {
            case .added(let c), .removed(let c): c.id
            case .changed(let change): change.new.id
            }
        }
    }

    public struct ClauseChange: Sendable {
        public var old: Clause
        public var new: Clause
        /// The words, in order, marked same/added/removed; empty when only the heading or number changed.
        public var words: [WordDiff.Change]
        public var headingChanged: Bool { old.heading != new.heading }
        public var textChanged: Bool { words.contains { if case .same = $0 { false } else { true } } }
        public var referenceChanged: Bool { old.reference != new.reference }
    }

    public var from: Council
    public var to: Council
    public var entries: [Entry]
    /// Clauses whose words differ only in typography (quote marks, dashes, spacing).
    public var typographyOnly: [String]
    /// Clauses identical in both.
    public var unchanged: Int

    public var added: [Clause] { entries.compactMap { if case .added(let c) = $0 { c } else { nil } } }
    public var removed: [Clause] { entries.compactMap { if case .removed(let c) = $0 { c } else { nil } } }
    public var changed: [ClauseChange] { entries.compactMap { if case .changed(let c) = $0 { c } else { nil } } }

    public init(from: Council, to: Council) {
        self.from = from
        self.to = to
        var entries: [Entry] = []
        var typographyOnly: [String] = []
        var unchanged = 0
        let newIDs = Set(to.clauses.map(\.id))
        // Removed clauses go after the nearest earlier clause that survives.
        var removedAfter: [String?: [Clause]] = [:]
        var lastSurviving: String?
        for clause in from.clauses {
            if newIDs.contains(clause.id) { lastSurviving = clause.id } else { removedAfter[lastSurviving, default: []].append(clause) }
        }
        entries += (removedAfter[nil] ?? []).map { .removed($0) }
        for clause in to.clauses {
            if let old = from.clause(id: clause.id) {
                let textDiffers = WordDiff.differ(old.text, clause.text)
                if textDiffers || old.heading != clause.heading || old.reference != clause.reference {
                    entries.append(.changed(ClauseChange(old: old, new: clause, words: textDiffers ? WordDiff.diff(old.text, clause.text) : [])))
                } else if old.text != clause.text {
                    typographyOnly.append(clause.id)
                } else {
                    unchanged += 1
                }
            } else {
                entries.append(.added(clause))
            }
            entries += (removedAfter[clause.id] ?? []).map { .removed($0) }
        }
        self.entries = entries
        self.typographyOnly = typographyOnly
        self.unchanged = unchanged
    }

    /// The differences between each version of a council and the next, oldest first.
    public static func history(of councilID: String, in knowledge: KnowledgeBase) -> [VersionDiff] {
        let versions = knowledge.versions(of: councilID)
        guard versions.count > 1 else { return [] }
        return (1..<versions.count).map { VersionDiff(from: versions[$0 - 1], to: versions[$0]) }
    }
}
