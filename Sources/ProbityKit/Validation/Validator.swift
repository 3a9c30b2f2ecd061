import Foundation

/// Checks that knowledge is sound: the ids, references and shapes that `probity validate` promises.
public enum Validator {
    /// Everything: the catalogue's checks once, then every council's own (`councils(_:in:)`).
    public static func validate(_ knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        let issues = catalogue(knowledge) + councilListIssues(knowledge.councilIDs) + councils(knowledge.folders, in: knowledge)
        return Array(Set(issues)).sorted()
    }

    /// The catalogue's checks, which need no council: topic ids and examples, facts, phrases, and the out-of-scope
    /// subjects' signals.
    public static func catalogue(_ knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        catalogueIssues(in: knowledge) + phraseIssues(in: knowledge) + scopeSignalIssues(in: knowledge)
    }

    /// Each council's own checks, a council needing only itself and the catalogue: its versions and general
    /// principles, every advice file read and what it cites, every clause against its source, every tree's shape.
    public static func councils(_ folders: [CouncilFolder], in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        let versions = folders.flatMap(\.versions)
        // Every council's advice read (and its references checked as each file is read), councils spread over the cores.
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in _ = knowledge.trees(council: folders[i].id) }
        let trees = folders.flatMap { knowledge.trees(council: $0.id) }
        let adviceRead = folders.flatMap { knowledge.adviceIssues(council: $0.id) }
        // Advice built in memory was never read from a file: check its references here.
        let treeReferences = folders.flatMap { folder in
            folder.current.map { current in folder.trees.values.flatMap { treeReferenceIssues($0, council: current) } } ?? []
        }
        // Each protocol version's verbatim check and each tree are independent: spread them over the cores.
        let jobs = versions.count + trees.count
        let results = ConcurrentSlots<[KnowledgeIssue]>(count: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { i in
            if i < versions.count {
                results[i] = VerbatimCheck.issues(in: knowledge, version: versions[i])
            } else {
                results[i] = TreeChecker(tree: trees[i - versions.count]).issues()
            }
        }
        return folders.flatMap { councilIssues($0, knowledge: knowledge) } + adviceRead + treeReferences + results.values.compactMap { $0 }.flatMap { $0 }
    }

    /// There must be a council.
    static func councilListIssues(_ ids: [String]) -> [KnowledgeIssue] {
        guard ids.isEmpty else { return [] }
        return [
            KnowledgeIssue(
                file: "councils", path: nil,
                message: "there is no council folder in councils/; each council needs councils/<id>/ with council.json, versions/ and advice/")
        ]
    }

    /// The cheap checks that every command runs before trusting the knowledge it uses: the catalogue,
    /// and for each council read, one current version and every reference resolving.
    public static func referenceIssues(in knowledge: KnowledgeBase, councils: KnowledgeLoader.Councils = .all) -> [KnowledgeIssue] {
        var issues = catalogueIssues(in: knowledge)
        let ids: [String]
        switch councils {
        case .none: ids = []
        case .all: ids = knowledge.councilIDs
        case .only(let only): ids = only.filter(knowledge.councilIDs.contains)
        }
        if case .all = councils { issues += councilListIssues(knowledge.councilIDs) }
        for id in ids {
            guard let folder = knowledge.folder(id: id) else { continue }  // its read problems are reported by the loader
            issues += councilIssues(folder, knowledge: knowledge)
        }
        return issues
    }

    /// Phrases that could never match: no word in them. (Checked by `validate`, not on every load: there are thousands.)
    static func phraseIssues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        for fact in knowledge.topics.flatMap(\.facts) + knowledge.sharedFacts {
            for (o, option) in fact.options.enumerated() {
                for (i, phrase) in option.phrases.enumerated() where PhraseMatcher.words(phrase).allSatisfy({ $0 == "*" }) {
                    issues.append(
                        KnowledgeIssue(
                            file: fact.file,
                            path: JSONPath.root.appending("facts").appending(fact.localID).appending("options").appending(index: o).appending("phrases")
                                .appending(index: i),
                            message: "the phrase \"\(phrase)\" has no word in it, so it can never match", position: fact.position))
                }
            }
        }
        return issues
    }

    /// No topic's routing example may be referred elsewhere as a subject outside the protocols: a signal that
    /// does that would take the topic's questions away from it. (Checked by `validate`: it builds the router.)
    static func scopeSignalIssues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        guard !knowledge.outOfScope.isEmpty else { return [] }
        let matcher = OutOfScopeMatcher(subjects: knowledge.outOfScope)
        let examples = knowledge.topics.flatMap { topic in topic.examples.map { (topic, $0) } }
            .filter { matcher.match(in: $0.1) != nil }
        guard !examples.isEmpty else { return [] }
        let triage = QuestionTriage(router: Router(knowledge: knowledge), outOfScope: knowledge.outOfScope)
        var issues: [KnowledgeIssue] = []
        for (topic, example) in examples {
            guard let subject = triage.decide(example).referral else { continue }
            issues.append(
                KnowledgeIssue(
                    file: subject.file, path: JSONPath.root.appending("subjects"),
                    message: "\(topic.id)'s example \"\(example)\" would be referred to \(subject.ruleLivesIn) (\(subject.id)): narrow that subject's signals",
                    position: subject.position))
        }
        return issues
    }

    /// How many ways of asking each topic needs, for routing.
    public static let minimumExamples = 10

    private static func catalogueIssues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        if knowledge.topics.isEmpty, !knowledge.directory.isEmpty {
            issues.append(KnowledgeIssue(file: "catalogue/topics", path: nil, message: "the catalogue has no topics; Probity has nothing to advise on"))
        }
        var topicFiles: [String: String] = [:]
        let shared = Set(knowledge.sharedFacts.map(\.key))
        for topic in knowledge.topics {
            if let other = topicFiles[topic.id] {
                issues.append(
                    KnowledgeIssue(file: topic.file, path: JSONPath.root.appending("id"), message: "duplicate topic id \"\(topic.id)\" (also \(other))"))
            }
            topicFiles[topic.id] = topic.file
            if topic.examples.count < minimumExamples {
                issues.append(
                    KnowledgeIssue(
                        file: topic.file, path: JSONPath.root.appending("examples"),
                        message: "routing needs at least \(minimumExamples) example phrasings (this topic has \(topic.examples.count))"))
            }
            for fact in topic.facts where shared.contains(fact.localID) {
                issues.append(
                    KnowledgeIssue(
                        file: topic.file, path: JSONPath.root.appending("facts").appending(fact.localID),
                        message: "\"\(fact.localID)\" is also a shared fact in catalogue/facts.json; give this one another id, or use the shared one",
                        position: fact.position))
            }
        }
        return issues
    }

    /// One council's folder: its versions and its general principles (its advice is checked as each file is read).
    static func councilIssues(_ folder: CouncilFolder, knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        let identityFile = folder.folder + "/council.json"
        let current = folder.versions.filter(\.isCurrent)
        if current.isEmpty, let first = folder.versions.first {
            issues.append(
                KnowledgeIssue(
                    file: first.file, path: JSONPath.root.appending("current"),
                    message: "council \"\(folder.id)\" has no version marked \"current\": true; mark the one advice should quote"))
        } else if current.count > 1 {
            for extra in current.dropFirst() {
                issues.append(
                    KnowledgeIssue(
                        file: extra.file, path: JSONPath.root.appending("current"),
                        message: "council \"\(folder.id)\" has more than one current version (also \(current[0].file)); only one may be current"))
            }
        }
        var versionsSeen: [String: String] = [:]
        for v in folder.versions {
            if let other = versionsSeen[v.version] {
                issues.append(
                    KnowledgeIssue(
                        file: v.file, path: JSONPath.root.appending("version"),
                        message: "duplicate version \"\(v.version)\" of council \"\(folder.id)\" (also \(other))"))
            }
            versionsSeen[v.version] = v.file
        }
        guard let council = folder.current else { return issues }
        for (i, clause) in folder.generalPrinciples.enumerated() where council.clause(id: clause) == nil {
            issues.append(
                KnowledgeIssue(
                    file: identityFile, path: JSONPath.root.appending("generalPrinciples").appending(index: i),
                    message: "names clause \"\(clause)\" as a general principle, but \(council.file) has no clause with that id"))
        }
        let subjects = Set(knowledge.outOfScope.map(\.id))
        for (subject, clauses) in folder.outOfScope.sorted(by: { $0.key < $1.key }) {
            let path = JSONPath.root.appending("outOfScope").appending(subject)
            if !subjects.contains(subject) {
                issues.append(
                    KnowledgeIssue(
                        file: identityFile, path: path,
                        message: "\"\(subject)\" is not a subject of catalogue/out-of-scope.json (\(subjects.sorted().joined(separator: ", ")))"))
            }
            for (i, clause) in clauses.enumerated() where council.clause(id: clause) == nil {
                issues.append(
                    KnowledgeIssue(
                        file: identityFile, path: path.appending(index: i),
                        message: "names clause \"\(clause)\" as touching \(subject), but \(council.file) has no clause with that id"))
            }
        }
        return issues
    }

    /// A headline is the verdict in plain English, first: "Yes, if …", "No: …", "Not without …", or one that names
    /// the Monitoring Officer; never the verdict twice ("Yes: Yes, …").
    static func headlineProblem(_ advice: Advice) -> String? {
        advice.headline.wordings.lazy.compactMap { headlineProblem($0, verdict: advice.verdict) }.first
    }

    private static func headlineProblem(_ h: String, verdict: Verdict) -> String? {
        let words = h.split { !$0.isLetter }.prefix(2).map { $0.lowercased() }
        if words.count == 2, ["yes", "no"].contains(words[0]), words[0] == words[1] {
            return "the headline says the verdict twice (\"\(h)\"); say it once"
        }
        let first = words.first ?? ""
        let expected: (Bool, String)
        switch verdict {
        case .yes, .yesIf: expected = (first == "yes", "begin with \"Yes\" (\"Yes, if …\")")
        case .no: expected = (first == "no", "begin with \"No\"")
        case .notWithout: expected = (first == "not", "begin with \"Not without …\" or \"Not …\"")
        case .askMonitoringOfficer: expected = (h.contains("Monitoring Officer"), "name the Monitoring Officer")
        case .guidance: expected = (true, "")
        }
        let article = verdict == .askMonitoringOfficer ? "an" : "a"
        return expected.0 ? nil : "\(article) \(verdict.rawValue) headline should \(expected.1), so it reads as the answer: \"\(h)\""
    }

    static func treeReferenceIssues(_ tree: AdviceTree, council: Council) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        func report(_ path: JSONPath, _ message: String, _ position: SourcePosition?) {
            issues.append(KnowledgeIssue(file: tree.file, path: path, message: message, position: position))
        }
        func check(_ citations: [Citation], at path: JSONPath, _ position: SourcePosition?) {
            for (i, c) in citations.enumerated() where council.clause(id: c.clause) == nil {
                report(path.appending(index: i), "cites clause \"\(c.clause)\", which does not exist in \(council.file)", position)
            }
        }
        func check(_ steps: [AdviceStep], at path: JSONPath, _ position: SourcePosition?) {
            for (i, step) in steps.enumerated() { check(step.citations, at: path.appending(index: i).appending("cites"), position) }
        }
        if tree.nodes[tree.start] == nil {
            report(JSONPath.root.appending("start"), "\"start\" names \"\(tree.start)\", but there is no node with that id", nil)
        }
        for node in tree.orderedNodes {
            let nodePath = JSONPath.root.appending("nodes").appending(node.id)
            for (subpath, target) in node.successors where tree.nodes[target] == nil {
                report(
                    JSONPath(nodePath.components + subpath.components),
                    "points to \"\(target)\", but there is no node with that id in this file", node.position)
            }
            switch node {
            case .question(let q):
                if q.options.count < 2 {
                    report(nodePath.appending("next"), "a question needs at least two options to choose from (it maps \(q.options.count))", q.position)
                }
                if q.why.cites.isEmpty {
                    report(nodePath.appending("why").appending("cites"), "the reason for asking must cite at least one clause", q.position)
                }
                check(q.why.cites, at: nodePath.appending("why").appending("cites"), q.position)
            case .advice(let a):
                if a.citations.isEmpty {
                    report(nodePath.appending("citations"), "advice must cite at least one clause", a.position)
                }
                check(a.citations, at: nodePath.appending("citations"), a.position)
                check(a.steps, at: nodePath.appending("steps"), a.position)
            case .branch(let b):
                switch b.on {
                case .council:
                    report(nodePath.appending("on"), "a council's own advice need not branch on the council; remove the branch", b.position)
                case .role:
                    for c in b.cases where Role(rawValue: c.value) == nil {
                        report(nodePath.appending("cases").appending(c.value), "a role is \"member\" or \"officer\", not \"\(c.value)\"", b.position)
                    }
                case .fact:
                    break
                }
            }
        }
        for rule in tree.rules {
            let rulePath = JSONPath.root.appending("rules").appending(index: rule.index)
            check(rule.citations, at: rulePath.appending("citations"), rule.position)
            check(rule.steps, at: rulePath.appending("steps"), rule.position)
        }
        return issues
    }
}
