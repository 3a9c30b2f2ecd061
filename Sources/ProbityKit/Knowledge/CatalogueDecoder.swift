/// Turns the catalogue's JSON (topics and shared facts) into `Topic`s and `Fact`s, reporting each problem with its path.
enum CatalogueDecoder {
    static let topicFields: Set<String> = ["id", "title", "summary", "audience", "examples", "facts"]
    static let factFields: Set<String> = ["prompt", "help", "multiple", "options"]
    static let optionFields: Set<String> = ["id", "label", "says", "phrases"]

    static func decodeTopic(_ json: JSONValue, file: String, expectedID: String, issues: IssueCollector) -> Topic? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: topicFields)
        let examples = r.stringArray("examples")
        let facts = decodeFacts(r, prefix: expectedID + ".", file: file, issues: issues)
        guard let id = r.nonEmptyString("id"), let title = r.nonEmptyString("title"),
            let summary = r.nonEmptyString("summary"), let audience = r.oneOf("audience", Audience.self),
            let examples, let facts
        else { return nil }
        if id != expectedID {
            issues.report(JSONPath.root.appending("id"), "the topic id \"\(id)\" must match the file name \"\(expectedID).json\"", at: r["id"]?.position)
        }
        return Topic(id: id, title: title, summary: summary, audience: audience, examples: examples, facts: facts, file: file)
    }

    /// `catalogue/background.json`: questions no topic answers, grouped by kind (`offTopic`, `outOfScope`), all for
    /// the router's background class.
    static func decodeBackground(_ json: JSONValue, issues: IssueCollector) -> [String]? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: ["description", "offTopic", "outOfScope"])
        guard let offTopic = r.stringArray("offTopic"), let outOfScope = r.stringArray("outOfScope") else { return nil }
        return offTopic + outOfScope
    }

    /// The shared facts of `catalogue/facts.json`.
    static func decodeSharedFacts(_ json: JSONValue, file: String, issues: IssueCollector) -> [Fact]? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: ["facts"])
        return decodeFacts(r, prefix: "", file: file, issues: issues)
    }

    private static func decodeFacts(_ r: JSONObjectReader, prefix: String, file: String, issues: IssueCollector) -> [Fact]? {
        guard let entries = r.members("facts") else { return nil }
        return entries.compactMap { entry in
            if !isIdentifier(entry.key) {
                issues.report(entry.path, "a fact id is lower-case letters, digits and \"-\"; \"\(entry.key)\" is not", at: entry.value.position)
            }
            if entry.key == "council" || entry.key == "role" {
                issues.report(
                    entry.path, "\"\(entry.key)\" is asked by Probity itself; branch on it instead of defining it as a fact", at: entry.value.position)
            }
            return decodeFact(entry.value, localID: entry.key, key: prefix + entry.key, path: entry.path, file: file, issues: issues)
        }
    }

    private static func decodeFact(_ value: JSONValue, localID: String, key: String, path: JSONPath, file: String, issues: IssueCollector) -> Fact? {
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: factFields)
        let prompt = decodeRoleText(r, "prompt", issues: issues)
        let options = r.array("options") { v, p -> FactOption? in
            guard let o = JSONObjectReader(v, path: p, issues: issues) else { return nil }
            o.rejectUnknownKeys(allowed: optionFields)
            let phrases = o.stringArray("phrases", required: false) ?? []
            guard let id = o.nonEmptyString("id"), let label = o.nonEmptyString("label") else { return nil }
            if !isIdentifier(id) || id.contains(",") {
                issues.report(p.appending("id"), "an option id is lower-case letters, digits and \"-\"; \"\(id)\" is not", at: o["id"]?.position)
            }
            let says = o["says"] == nil ? nil : decodeRoleText(o, "says", issues: issues)
            return FactOption(id: id, label: label, says: says, phrases: phrases)
        }
        let multiple = r.bool("multiple", default: false) ?? false
        guard let prompt, let help = r.nonEmptyString("help"), let options else { return nil }
        if options.count < 2 {
            issues.report(path.appending("options"), "a fact needs at least two options (it has \(options.count))", at: r.position)
        }
        var seen = Set<String>()
        for (i, option) in options.enumerated() where !seen.insert(option.id).inserted {
            issues.report(path.appending("options").appending(index: i).appending("id"), "duplicate option id \"\(option.id)\"", at: nil)
        }
        return Fact(
            key: key, localID: localID, prompt: prompt, help: help, multiple: multiple, options: options,
            file: file, position: r.position)
    }

    /// A string, or an object with `member` and `officer` wordings.
    static func decodeRoleText(_ r: JSONObjectReader, _ key: String, issues: IssueCollector) -> RoleText? {
        guard let value = r[key] else {
            issues.report(r.path.appending(key), "missing required field \"\(key)\"", at: r.position)
            return nil
        }
        if case .string = value.kind {
            return r.nonEmptyString(key).map { RoleText($0) }
        }
        guard let o = JSONObjectReader(value, path: r.path.appending(key), issues: issues) else { return nil }
        o.rejectUnknownKeys(allowed: ["member", "officer"])
        guard let member = o.nonEmptyString("member"), let officer = o.nonEmptyString("officer") else { return nil }
        return RoleText(member: member, officer: officer)
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
