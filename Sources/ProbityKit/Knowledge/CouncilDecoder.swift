/// The council as `council.json` describes it: who it is, and the clauses it treats as general principles.
struct CouncilIdentity: Sendable {
    var id: String
    var name: String
    var shortName: String
    var generalPrinciples: [String]
    /// Subjects outside the protocol (`catalogue/out-of-scope.json`) that some of its clauses still touch: subject id → clause ids.
    var outOfScope: [String: [String]] = [:]
    var position: SourcePosition?
}

/// Turns a council's `council.json` and `versions/*.json` into a `CouncilIdentity` and `Council` versions,
/// reporting each problem with its path.
enum CouncilDecoder {
    static let identityFields: Set<String> = ["id", "name", "shortName", "generalPrinciples", "outOfScope"]
    static let fields: Set<String> = [
        "document", "version", "date", "status", "current",
        "source", "numbering", "reading", "clauses",
    ]

    static func decodeIdentity(_ json: JSONValue, expectedID: String, issues: IssueCollector) -> CouncilIdentity? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: identityFields)
        let principles = r.stringArray("generalPrinciples")
        guard let id = r.nonEmptyString("id"), let name = r.nonEmptyString("name"),
            let shortName = r.nonEmptyString("shortName"), let principles
        else { return nil }
        if id != expectedID {
            issues.report(JSONPath.root.appending("id"), "the council id \"\(id)\" must match its folder name \"\(expectedID)\"", at: r["id"]?.position)
        }
        if !CatalogueDecoder.isIdentifier(id) {
            issues.report(JSONPath.root.appending("id"), "a council id is lower-case letters, digits and \"-\"; \"\(id)\" is not", at: r["id"]?.position)
        }
        if principles.isEmpty {
            issues.report(
                JSONPath.root.appending("generalPrinciples"), "name at least one clause as a general principle: silent advice quotes them",
                at: r["generalPrinciples"]?.position)
        }
        var outOfScope: [String: [String]] = [:]
        if r["outOfScope"] != nil, let subjects = r.members("outOfScope") {
            for subject in subjects {
                if case .array(let elements) = subject.value.kind {
                    outOfScope[subject.key] = elements.enumerated().compactMap { r.stringValue($0.element, at: subject.path.appending(index: $0.offset)) }
                } else {
                    issues.report(subject.path, "expected an array of clause ids, found \(subject.value.typeName)", at: subject.value.position)
                }
            }
        }
        return CouncilIdentity(
            id: id, name: name, shortName: shortName, generalPrinciples: principles, outOfScope: outOfScope,
            position: r.position)
    }
    static let clauseFields: Set<String> = [
        "id", "part", "number", "item", "printed", "heading", "text", "notes",
        "advisory", "reason",
    ]

    /// One version; `source` is relative to the council's folder and comes back relative to the knowledge directory.
    static func decodeVersion(_ json: JSONValue, file: String, identity: CouncilIdentity, folder: String, issues: IssueCollector) -> Council? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: fields)
        let clauses = r.array("clauses") { value, path in decodeClause(value, path: path, issues: issues) }
        let id = identity.id
        let name = identity.name
        let shortName = identity.shortName
        guard let document = r.nonEmptyString("document"),
            let version = r.nonEmptyString("version"), let status = r.oneOf("status", DocumentStatus.self),
            let current = r.bool("current"), let source = r.nonEmptyString("source"), let clauses
        else { return nil }
        if source.hasPrefix("/") || source.split(separator: "/").contains("..") {
            issues.report(
                JSONPath.root.appending("source"),
                "\"\(source)\" is outside the council's folder; keep the source text in \(folder)/sources/ and name it from the folder",
                at: r["source"]?.position)
        }
        let date = r.optionalString("date")
        if let date, !isISODate(date) {
            issues.report(
                JSONPath.root.appending("date"), "\"\(date)\" is not a date in the form YYYY-MM-DD (use null when the document gives none)",
                at: r["date"]?.position)
        }
        var seen: [String: Int] = [:]
        for (i, clause) in clauses.enumerated() {
            if let first = seen[clause.id] {
                issues.report(
                    JSONPath.root.appending("clauses").appending(index: i).appending("id"),
                    "duplicate clause id \"\(clause.id)\" (also clauses[\(first)])", at: nil)
            } else {
                seen[clause.id] = i
            }
        }
        var council = Council(
            id: id, name: name, shortName: shortName, document: document, version: version, date: date,
            status: status, isCurrent: current, source: folder + "/" + source, numbering: r.optionalString("numbering"),
            reading: r.optionalString("reading"), clauses: clauses, file: file)
        if case .array(let elements)? = r["clauses"]?.kind, elements.count == clauses.count {
            council.textPositions = elements.map { $0["text"]?.position ?? $0.position }
        }
        return council
    }

    private static func decodeClause(_ value: JSONValue, path: JSONPath, issues: IssueCollector) -> Clause? {
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: clauseFields)
        let notes = r.stringArray("notes", required: false) ?? []
        let advisory = r.bool("advisory", default: true) ?? true
        let reason = r.optionalString("reason")
        guard let id = r.nonEmptyString("id"), let number = r.string("number"),
            let heading = r.string("heading"), let text = r.nonEmptyString("text")
        else { return nil }
        if !advisory && (reason ?? "").trimmingWhitespace().isEmpty {
            issues.report(path.appending("reason"), "a clause marked \"advisory\": false needs a \"reason\"", at: r.position)
        }
        return Clause(
            id: id, part: r.optionalString("part"), number: number, item: r.optionalInt("item"),
            printed: r.optionalString("printed"), heading: heading, text: text, notes: notes,
            isAdvisory: advisory, reason: reason)
    }

    private static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
