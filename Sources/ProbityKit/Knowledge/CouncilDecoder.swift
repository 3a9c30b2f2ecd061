/// Turns the JSON of a council file into a `Council`, reporting each problem with its path.
enum CouncilDecoder {
    static let fields: Set<String> = ["id", "name", "shortName", "document", "version", "date", "status", "current",
                                      "source", "numbering", "reading", "clauses"]
    static let clauseFields: Set<String> = ["id", "part", "number", "item", "printed", "heading", "text", "notes",
                                            "advisory", "reason"]

    static func decode(_ json: JSONValue, file: String, issues: IssueCollector) -> Council? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: fields)
        let clauses = r.array("clauses") { value, path in decodeClause(value, path: path, issues: issues) }
        guard let id = r.nonEmptyString("id"), let name = r.nonEmptyString("name"),
              let shortName = r.nonEmptyString("shortName"), let document = r.nonEmptyString("document"),
              let version = r.nonEmptyString("version"), let status = r.oneOf("status", DocumentStatus.self),
              let current = r.bool("current"), let source = r.nonEmptyString("source"), let clauses
        else { return nil }
        let date = r.optionalString("date")
        if let date, !isISODate(date) {
            issues.report(JSONPath.root.appending("date"), "\"\(date)\" is not a date in the form YYYY-MM-DD (use null when the document gives none)", at: r["date"]?.position)
        }
        var seen: [String: Int] = [:]
        for (i, clause) in clauses.enumerated() {
            if let first = seen[clause.id] {
                issues.report(JSONPath.root.appending("clauses").appending(index: i).appending("id"),
                              "duplicate clause id \"\(clause.id)\" (also clauses[\(first)])", at: nil)
            } else {
                seen[clause.id] = i
            }
        }
        return Council(id: id, name: name, shortName: shortName, document: document, version: version, date: date,
                       status: status, isCurrent: current, source: source, numbering: r.optionalString("numbering"),
                       reading: r.optionalString("reading"), clauses: clauses, file: file)
    }

    private static func decodeClause(_ value: JSONValue, path: JSONPath, issues: IssueCollector) -> Clause? {
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: clauseFields)
        let notes = r.stringArray("notes", required: false) ?? []
        let advisory = r.bool("advisory", default: true) ?? true
        let reason = r.optionalString("reason")
        guard let id = r.nonEmptyString("id"), let number = r.string("number"),
              let heading = r.string("heading"), let text = r.nonEmptyString("text") else { return nil }
        if !advisory && (reason ?? "").trimmingWhitespace().isEmpty {
            issues.report(path.appending("reason"), "a clause marked \"advisory\": false needs a \"reason\"", at: r.position)
        }
        return Clause(id: id, part: r.optionalString("part"), number: number, item: r.optionalInt("item"),
                      printed: r.optionalString("printed"), heading: heading, text: text, notes: notes,
                      isAdvisory: advisory, reason: reason)
    }

    private static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
