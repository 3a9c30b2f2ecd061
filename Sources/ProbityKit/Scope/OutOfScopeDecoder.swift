/// Reads `catalogue/out-of-scope.json`, reporting each problem with its path.
enum OutOfScopeDecoder {
    static let file = "catalogue/out-of-scope.json"
    static let fields: Set<String> = ["subjects"]
    static let subjectFields: Set<String> = ["id", "title", "ruleLivesIn", "reply", "signals"]

    static func decode(_ json: JSONValue, issues: IssueCollector) -> [OutOfScopeSubject]? {
        guard let r = JSONObjectReader(json, path: .root, issues: issues) else { return nil }
        r.rejectUnknownKeys(allowed: fields)
        var seen = Set<String>()
        return r.array("subjects") { value, path -> OutOfScopeSubject? in
            guard let s = JSONObjectReader(value, path: path, issues: issues) else { return nil }
            s.rejectUnknownKeys(allowed: subjectFields)
            let signals = s.stringArray("signals")
            guard let id = s.nonEmptyString("id"), let title = s.nonEmptyString("title"),
                let lives = s.nonEmptyString("ruleLivesIn"), let reply = s.nonEmptyString("reply"), let signals
            else { return nil }
            if !CatalogueDecoder.isIdentifier(id) {
                issues.report(path.appending("id"), "a subject id is lower-case letters, digits and \"-\"; \"\(id)\" is not", at: s["id"]?.position)
            }
            if !seen.insert(id).inserted {
                issues.report(path.appending("id"), "duplicate subject id \"\(id)\"", at: s["id"]?.position)
            }
            if !reply.contains("Monitoring Officer") {
                issues.report(path.appending("reply"), "the reply must point to the Monitoring Officer (name them)", at: s["reply"]?.position)
            }
            if signals.isEmpty {
                issues.report(path.appending("signals"), "give at least one phrase that signals the subject", at: s["signals"]?.position)
            }
            for (i, signal) in signals.enumerated() where PhraseMatcher.words(signal).allSatisfy({ $0 == "*" }) {
                issues.report(
                    path.appending("signals").appending(index: i), "the signal \"\(signal)\" has no word in it, so it can never match", at: s.position)
            }
            var subject = OutOfScopeSubject(id: id, title: title, ruleLivesIn: lives, reply: reply, signals: signals)
            subject.position = s.position
            return subject
        }
    }
}
