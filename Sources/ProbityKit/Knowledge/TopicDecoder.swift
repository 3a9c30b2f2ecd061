/// Turns the JSON of a topic file into a `Topic`, reporting each problem with its path.
enum TopicDecoder {
    static let fields: Set<String> = ["id", "title", "summary", "audience", "examples", "start", "nodes"]
    static let questionFields: Set<String> = ["type", "fact", "prompt", "why", "help", "options"]
    static let branchFields: Set<String> = ["type", "on", "cases", "default"]
    static let adviceFields: Set<String> = ["type", "verdict", "headline", "summary", "steps", "citations", "silent"]

    static func decode(_ json: JSONValue, file: String, expectedID: String, issues: IssueCollector) -> Topic? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: fields)
        let nodeEntries = r.members("nodes")
        var nodes: [Node] = []
        for entry in nodeEntries ?? [] {
            if let node = decodeNode(entry.value, id: entry.key, topicID: expectedID, path: entry.path, issues: issues) {
                nodes.append(node)
            }
        }
        let examples = r.stringArray("examples")
        guard let id = r.nonEmptyString("id"), let title = r.nonEmptyString("title"),
              let summary = r.nonEmptyString("summary"), let audience = r.oneOf("audience", Audience.self),
              let start = r.nonEmptyString("start"), let examples, nodeEntries != nil else { return nil }
        if id != expectedID {
            issues.report(JSONPath.root.appending("id"), "the topic id \"\(id)\" must match the file name \"\(expectedID).json\"", at: r["id"]?.position)
        }
        return Topic(id: id, title: title, summary: summary, audience: audience, examples: examples, start: start,
                     nodes: nodes, file: file)
    }

    private static func decodeNode(_ value: JSONValue, id: String, topicID: String, path: JSONPath, issues: IssueCollector) -> Node? {
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        guard let type = r.string("type") else { return nil }
        switch type {
        case "question":
            r.rejectUnknownKeys(allowed: questionFields)
            let options = r.array("options") { v, p -> AnswerOption? in
                guard let o = JSONObjectReader(v, path: p, issues: issues) else { return nil }
                o.rejectUnknownKeys(allowed: ["id", "label", "next"])
                guard let oid = o.nonEmptyString("id"), let label = o.nonEmptyString("label"), let next = o.nonEmptyString("next") else { return nil }
                return AnswerOption(id: oid, label: label, next: next)
            }
            let why = decodeWhy(r, path: path, issues: issues)
            let fact = r.optionalString("fact")
            guard let prompt = r.nonEmptyString("prompt"), let help = r.nonEmptyString("help"), let why, let options else { return nil }
            var seen = Set<String>()
            for (i, option) in options.enumerated() where !seen.insert(option.id).inserted {
                issues.report(path.appending("options").appending(index: i).appending("id"), "duplicate option id \"\(option.id)\"", at: nil)
            }
            if let fact, fact == "council" || fact == "role" {
                issues.report(path.appending("fact"), "\"\(fact)\" is asked by Probity itself; branch on it instead of asking", at: r["fact"]?.position)
            }
            return .question(Question(id: id, fact: fact ?? "\(topicID).\(id)", isSharedFact: fact != nil, prompt: prompt,
                                      why: why, help: help, options: options, position: r.position))
        case "branch":
            r.rejectUnknownKeys(allowed: branchFields)
            let cases = r.members("cases")?.compactMap { entry -> (String, String)? in
                guard let next = r.stringValue(entry.value, at: entry.path) else { return nil }
                return (entry.key, next)
            }
            let defaultNext = r.optionalString("default")
            guard let on = r.nonEmptyString("on"), let cases else { return nil }
            return .branch(Branch(id: id, on: BranchSubject(on), cases: cases, defaultNext: defaultNext, position: r.position))
        case "advice":
            r.rejectUnknownKeys(allowed: adviceFields)
            let steps = r.stringArray("steps")
            let citations = r.array("citations") { v, p in decodeCitation(v, path: p, issues: issues) }
            let silent = r.bool("silent", default: false) ?? false
            guard let verdict = r.oneOf("verdict", Verdict.self), let headline = r.nonEmptyString("headline"),
                  let summary = r.nonEmptyString("summary"), let steps, let citations else { return nil }
            return .advice(Advice(id: id, verdict: verdict, headline: headline, summary: summary, steps: steps,
                                  citations: citations, silent: silent, position: r.position))
        default:
            issues.report(path.appending("type"), "\"\(type)\" is not a node type; use \"question\", \"branch\" or \"advice\"", at: r["type"]?.position)
            return nil
        }
    }

    private static func decodeWhy(_ r: JSONObjectReader, path: JSONPath, issues: IssueCollector) -> Why? {
        guard let value = r["why"] else {
            issues.report(path.appending("why"), "missing required field \"why\" (the reason for asking, with the clause that makes it matter)", at: r.position)
            return nil
        }
        guard let w = JSONObjectReader(value, path: path.appending("why"), issues: issues) else { return nil }
        w.rejectUnknownKeys(allowed: ["text", "cites"])
        let cites = w.array("cites") { v, p in decodeCitation(v, path: p, issues: issues) }
        guard let text = w.nonEmptyString("text"), let cites else { return nil }
        return Why(text: text, cites: cites)
    }

    private static func decodeCitation(_ value: JSONValue, path: JSONPath, issues: IssueCollector) -> Citation? {
        guard let c = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        c.rejectUnknownKeys(allowed: ["council", "clause", "note"])
        guard let council = c.nonEmptyString("council"), let clause = c.nonEmptyString("clause") else { return nil }
        return Citation(council: council, clause: clause, note: c.optionalString("note"))
    }
}
