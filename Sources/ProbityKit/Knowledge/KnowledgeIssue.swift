/// One problem in the knowledge files: which file, where in it, and what is wrong.
public struct KnowledgeIssue: Error, Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The file's path relative to the knowledge directory, e.g. `councils/carlisle/advice/media-contact.json`.
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

    /// `file:line:column: error: json.path: message`, the form editors and CI annotate.
    public var description: String { located(in: nil) }

    /// The same, with the file named from the current directory when the knowledge directory is given. Control
    /// characters are taken out: a message quotes words from the files (and the directory comes from the command
    /// line), and every command now shows these messages on a terminal.
    public func located(in directory: String?) -> String {
        var text = file
        if let directory, !directory.isEmpty, !file.hasPrefix("/") { text = directory + "/" + file }
        if let position { text += ":\(position.line):\(position.column)" }
        text += ": error: "
        if let path, !path.components.isEmpty { text += "\(path): " }
        return TerminalSafe.strip(text + message).replacingOccurrences(of: "\n", with: " ")
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
    /// The knowledge directory, so that each file is named from where the command ran.
    public var directory: String?
    public init(issues: [KnowledgeIssue], directory: String? = nil) {
        self.issues = issues
        self.directory = directory
    }
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "The knowledge has \(count):\n" + issues.map { $0.located(in: directory) }.joined(separator: "\n")
            + "\nFix the files named above, then run `probity validate`."
    }
}
