/// One problem in the knowledge files: which file, where in it, and what is wrong.
public struct KnowledgeIssue: Error, Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file's path relative to the knowledge directory, e.g. `topics/media-contact.json`.
    public var file: String
    /// Where in the JSON document; `nil` when the problem is with the file as a whole.
    public var path: JSONPath?
    public var message: String
    public var position: SourcePosition?

    public init(file: String, path: JSONPath?, message: String, position: SourcePosition? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.position = position
    }

    public var description: String {
        var text = file
        if let path { text += ": \(path)" }
        text += ": \(message)"
        if let position { text += " (\(position))" }
        return text
    }

    public static func < (lhs: KnowledgeIssue, rhs: KnowledgeIssue) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let l = lhs.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
        let r = rhs.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
        if l != r { return l < r }
        return lhs.description < rhs.description
    }
}

/// The knowledge could not be used: every problem found, so that an author can fix them in one go.
public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
    public var issues: [KnowledgeIssue]
    public init(issues: [KnowledgeIssue]) { self.issues = issues }
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "The knowledge has \(count):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
            + "\nFix the files named above, then run `probity validate`."
    }
}
