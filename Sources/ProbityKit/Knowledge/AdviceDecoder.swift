/// Turns a council's `advice/<topic>.json` into an `AdviceTree`, resolving each question's fact
/// against the catalogue and reporting each problem with its path.
enum AdviceDecoder {
    static let fields: Set<String> = ["topic", "start", "nodes", "rules"]
    static let questionFields: Set<String> = ["type", "fact", "why", "help", "next", "default"]
    static let branchFields: Set<String> = ["type", "on", "cases", "default"]
    static let adviceFields: Set<String> = ["type", "verdict", "headline", "summary", "steps", "citations", "silent"]

    struct Context {
        var councilID: String
        var topic: Topic
        var sharedFacts: [String: Fact]
        var file: String
        var issues: IssueCollector

        /// The fact a tree names: the topic's own first, then a shared one.
        func fact(_ name: String) -> Fact? {
            topic.fact(named: name) ?? sharedFacts[name]
        }
    }

    static func decode(_ json: JSONValue, context c: Context) -> AdviceTree? {
        let issues = c.issues
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: fields)
        var nodes: [Node] = []
        for entry in r.members("nodes") ?? [] {
            if let node = decodeNode(entry.value, id: entry.key, path: entry.path, context: c) { nodes.append(node) }
        }
        let rules = r.array("rules", required: false) { v, p in decodeRule(v, path: p, context: c) } ?? []
        guard let topic = r.nonEmptyString("topic"), let start = r.nonEmptyString("start") else { return nil }
        if topic != c.topic.id {
            issues.report(JSONPath.root.appending("topic"), "the topic \"\(topic)\" must match the file name \"\(c.topic.id).json\"", at: r["topic"]?.position)
        }
        return AdviceTree(topicID: c.topic.id, councilID: c.councilID, start: start, nodes: nodes, rules: rules, file: c.file)
    }

    private static func decodeNode(_ value: JSONValue, id: String, path: JSONPath, context c: Context) -> Node? {
        let issues = c.issues
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        guard let type = r.string("type") else { return nil }
        switch type {
        case "question":
            r.rejectUnknownKeys(allowed: questionFields)
            let why = decodeWhy(r, path: path, context: c)
            let next = r.members("next")
            guard let factName = r.nonEmptyString("fact") else { return nil }
            guard let fact = c.fact(factName) else {
                issues.report(path.appending("fact"), "there is no fact \"\(factName)\" in \(c.topic.file) or catalogue/facts.json", at: r["fact"]?.position)
                return nil
            }
            guard let why, let next else { return nil }
            var targets: [String: String] = [:]
            for entry in next {
                guard let target = r.stringValue(entry.value, at: entry.path) else { continue }
                if fact.option(id: entry.key) == nil {
                    issues.report(
                        entry.path,
                        "\"\(entry.key)\" is not an option of the fact \"\(factName)\"; its options are \(fact.options.map(\.id).joined(separator: ", "))",
                        at: entry.value.position)
                }
                targets[entry.key] = target
            }
            let defaultNext = r.optionalString("default")
            let options = fact.options.compactMap { option -> AnswerOption? in
                guard let next = targets[option.id] ?? defaultNext else { return nil }
                return AnswerOption(id: option.id, label: option.label, next: next)
            }
            return .question(
                Question(
                    id: id, fact: fact.key, isSharedFact: fact.isShared, prompt: fact.prompt, why: why,
                    help: r.optionalString("help") ?? fact.help, multiple: fact.multiple, options: options,
                    defaultNext: defaultNext, position: r.position))
        case "branch":
            r.rejectUnknownKeys(allowed: branchFields)
            let cases = r.members("cases")?.compactMap { entry -> (String, String)? in
                guard let next = r.stringValue(entry.value, at: entry.path) else { return nil }
                return (entry.key, next)
            }
            let defaultNext = r.optionalString("default")
            guard let on = r.nonEmptyString("on"), let cases else { return nil }
            var subject = BranchSubject(on)
            if case .fact(let name) = subject {
                guard let fact = c.fact(name) else {
                    issues.report(path.appending("on"), "there is no fact \"\(name)\" to branch on; use \"role\" or a fact of the topic", at: r["on"]?.position)
                    return nil
                }
                subject = .fact(fact.key)
            }
            return .branch(Branch(id: id, on: subject, cases: cases, defaultNext: defaultNext, position: r.position))
        case "advice":
            r.rejectUnknownKeys(allowed: adviceFields)
            let steps = r.array("steps") { v, p in decodeStep(v, path: p, context: c) }
            let citations = r.array("citations") { v, p in decodeCitation(v, path: p, context: c) }
            let silent = r.bool("silent", default: false) ?? false
            guard let verdict = r.oneOf("verdict", Verdict.self), let headline = CatalogueDecoder.decodeRoleText(r, "headline", issues: issues),
                let summary = r.nonEmptyString("summary"), let steps, let citations
            else { return nil }
            return .advice(
                Advice(
                    id: id, verdict: verdict, headline: headline, summary: summary, steps: steps,
                    citations: citations, silent: silent, position: r.position))
        default:
            issues.report(path.appending("type"), "\"\(type)\" is not a node type; use \"question\", \"branch\" or \"advice\"", at: r["type"]?.position)
            return nil
        }
    }

    private static func decodeRule(_ value: JSONValue, path: JSONPath, context c: Context) -> Rule? {
        let issues = c.issues
        guard let r = JSONObjectReader(value, path: path, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: ["when", "role", "steps", "citations"])
        let steps = r.array("steps", required: false) { v, p in decodeStep(v, path: p, context: c, inRule: true) } ?? []
        let citations = r.array("citations", required: false) { v, p in decodeCitation(v, path: p, context: c) } ?? []
        var role = r["role"] == nil ? nil : r.oneOf("role", Role.self)
        guard let whenValue = r["when"], let w = JSONObjectReader(whenValue, path: path.appending("when"), issues: issues) else {
            if r["when"] == nil {
                issues.report(path.appending("when"), "missing required field \"when\" (the fact and the options that trigger the rule)", at: r.position)
            }
            return nil
        }
        w.rejectUnknownKeys(allowed: ["fact", "is", "role"])
        if w["role"] != nil { role = w.oneOf("role", Role.self) }
        guard let factName = w.nonEmptyString("fact") else { return nil }
        var values: [String] = []
        if let isValue = w["is"], case .string(let one) = isValue.kind { values = [one] } else { values = w.stringArray("is") ?? [] }
        guard let fact = c.fact(factName) else {
            issues.report(
                path.appending("when").appending("fact"), "there is no fact \"\(factName)\" in \(c.topic.file) or catalogue/facts.json", at: w["fact"]?.position
            )
            return nil
        }
        for v in values where fact.option(id: v) == nil {
            issues.report(
                path.appending("when").appending("is"),
                "\"\(v)\" is not an option of the fact \"\(factName)\"; its options are \(fact.options.map(\.id).joined(separator: ", "))",
                at: w["is"]?.position)
        }
        if values.isEmpty { issues.report(path.appending("when").appending("is"), "name at least one option that triggers the rule", at: w.position) }
        if steps.isEmpty && citations.isEmpty { issues.report(path, "a rule must add at least one step or citation", at: r.position) }
        return Rule(
            fact: fact.key, values: values, role: role, steps: steps, citations: citations, position: r.position,
            index: path.components.last.flatMap { if case .index(let i) = $0 { i } else { nil } } ?? 0)
    }

    private static func decodeStep(_ value: JSONValue, path: JSONPath, context c: Context, inRule: Bool = false) -> AdviceStep? {
        guard let r = JSONObjectReader(value, path: path, issues: c.issues) else { return nil }
        r.rejectUnknownKeys(allowed: ["text", "cites", "practical", "caution", "for"])
        let audience = r["for"] == nil ? nil : r.oneOf("for", Role.self)
        let cites = r.array("cites", required: false) { v, p in decodeCitation(v, path: p, context: c) } ?? []
        let practical = r.bool("practical", default: false) ?? false
        let caution = r.bool("caution", default: false) ?? false
        if caution && !inRule {
            c.issues.report(
                path.appending("caution"),
                "only a rule's step can be a caution (it says what a fact the user gave rules out); the advice a path reaches says it in its headline",
                at: r["caution"]?.position)
        }
        if caution && practical {
            c.issues.report(
                path.appending("caution"), "a caution rests on the protocol: cite the clause that rules it out, not practical guidance",
                at: r["caution"]?.position)
        }
        guard let text = r.nonEmptyString("text") else { return nil }
        if cites.isEmpty && !practical {
            c.issues.report(
                path, "a step must cite the clauses it rests on (\"cites\") or be marked \"practical\": true (guidance the protocol does not contain)",
                at: r.position)
        }
        if !cites.isEmpty && practical {
            c.issues.report(
                path.appending("practical"), "a step that cites the protocol is not practical guidance; drop one of them", at: r["practical"]?.position)
        }
        return AdviceStep(text: text, citations: cites, isPractical: practical, isCaution: caution && inRule, audience: audience)
    }

    private static func decodeWhy(_ r: JSONObjectReader, path: JSONPath, context c: Context) -> Why? {
        guard let value = r["why"] else {
            c.issues.report(
                path.appending("why"), "missing required field \"why\" (the reason for asking, with the clause that makes it matter)", at: r.position)
            return nil
        }
        guard let w = JSONObjectReader(value, path: path.appending("why"), issues: c.issues) else { return nil }
        w.rejectUnknownKeys(allowed: ["text", "cites"])
        let cites = w.array("cites") { v, p in decodeCitation(v, path: p, context: c) }
        guard let text = w.nonEmptyString("text"), let cites else { return nil }
        return Why(text: text, cites: cites)
    }

    /// A clause id, or `{ "clause": id, "note": why }`.
    private static func decodeCitation(_ value: JSONValue, path: JSONPath, context c: Context) -> Citation? {
        if case .string(let clause) = value.kind {
            guard !clause.isEmpty else {
                c.issues.report(path, "a citation names a clause id", at: value.position)
                return nil
            }
            return Citation(council: c.councilID, clause: clause)
        }
        guard let r = JSONObjectReader(value, path: path, issues: c.issues) else { return nil }
        r.rejectUnknownKeys(allowed: ["clause", "note"])
        guard let clause = r.nonEmptyString("clause") else { return nil }
        return Citation(council: c.councilID, clause: clause, note: r.optionalString("note"))
    }
}
