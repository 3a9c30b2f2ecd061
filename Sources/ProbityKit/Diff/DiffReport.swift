/// `probity diff --json`: each comparison between a council's consecutive versions.
public struct DiffReport: Encodable, Sendable {
    public struct Version: Encodable, Sendable {
        public var version: String
        public var status: String
        public var date: String?
        public var current: Bool
        public var file: String
        init(_ c: Council) {
            version = c.version
            status = c.status.rawValue
            date = c.date
            current = c.isCurrent
            file = c.file
        }
    }

    public struct ClauseEntry: Encodable, Sendable {
        public var id: String
        public var reference: String
        public var heading: String
        public var text: String
        init(_ c: Clause) {
            id = c.id
            reference = c.fullReference
            heading = c.heading
            text = c.text
        }
    }

    public struct Change: Encodable, Sendable {
        public var id: String
        public var reference: String
        public var oldReference: String
        public var heading: String
        public var oldHeading: String
        public var oldText: String
        public var newText: String
        /// The new text with changes marked: `{+added+}` and `[-removed-]`.
        public var marked: String
        public var runs: [DiffRun]
    }

    public struct Summary: Encodable, Sendable {
        public var added: Int
        public var removed: Int
        public var changed: Int
        public var typographyOnly: Int
        public var unchanged: Int
    }

    public struct Comparison: Encodable, Sendable {
        public var from: Version
        public var to: Version
        public var summary: Summary
        public var added: [ClauseEntry]
        public var removed: [ClauseEntry]
        public var changed: [Change]
        public var typographyOnly: [String]
    }

    public var council: String
    public var name: String
    public var comparisons: [Comparison]

    public init(council: Council, diffs: [VersionDiff]) {
        self.council = council.id
        name = council.name
        comparisons = diffs.map { diff in
            Comparison(
                from: Version(diff.from), to: Version(diff.to),
                summary: Summary(
                    added: diff.added.count, removed: diff.removed.count, changed: diff.changed.count,
                    typographyOnly: diff.typographyOnly.count, unchanged: diff.unchanged),
                added: diff.added.map(ClauseEntry.init), removed: diff.removed.map(ClauseEntry.init),
                changed: diff.changed.map { change in
                    let runs = change.textChanged ? DiffRun.runs(change.words) : [DiffRun(op: .same, text: change.new.text)]
                    return Change(
                        id: change.new.id, reference: change.new.fullReference, oldReference: change.old.fullReference,
                        heading: change.new.heading, oldHeading: change.old.heading, oldText: change.old.text,
                        newText: change.new.text, marked: MarkedTextWrapper.plain(DiffRun.marked(runs)), runs: runs)
                },
                typographyOnly: diff.typographyOnly)
        }
    }
}
