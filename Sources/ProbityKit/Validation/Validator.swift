import Foundation

/// Checks that knowledge is sound: the ids, references and shapes that `probity validate` promises.
public enum Validator {
    /// Everything: the references, plus the shape of every advice tree.
    public static func validate(_ knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        // Each protocol version's verbatim check and each topic's tree are independent: spread them over the cores.
        let versions = knowledge.councilVersions.count
        let jobs = versions + knowledge.topics.count
        let results = ConcurrentSlots<[KnowledgeIssue]>(count: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { i in
            if i < versions {
                results[i] = VerbatimCheck.issues(in: knowledge, version: knowledge.councilVersions[i])
            } else {
                results[i] = TreeChecker(topic: knowledge.topics[i - versions], knowledge: knowledge).issues()
            }
        }
        let issues = referenceIssues(in: knowledge) + results.values.compactMap { $0 }.flatMap { $0 }
        return Array(Set(issues)).sorted()
    }

    /// The cheap checks that every command runs before trusting the knowledge:
    /// unique ids, one current version per council, and every reference resolving.
    public static func referenceIssues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        var byCouncil: [String: [Council]] = [:]
        for council in knowledge.councilVersions { byCouncil[council.id, default: []].append(council) }
        for (id, versions) in byCouncil.sorted(by: { $0.key < $1.key }) {
            let current = versions.filter(\.isCurrent)
            if current.isEmpty {
                issues.append(KnowledgeIssue(file: versions[0].file, path: JSONPath.root.appending("current"),
                    message: "council \"\(id)\" has no version marked \"current\": true; mark the one advice should quote"))
            } else if current.count > 1 {
                for extra in current.dropFirst() {
                    issues.append(KnowledgeIssue(file: extra.file, path: JSONPath.root.appending("current"),
                        message: "council \"\(id)\" has more than one current version (also \(current[0].file)); only one may be current"))
                }
            }
            var versionsSeen: [String: String] = [:]
            for v in versions {
                if let other = versionsSeen[v.version] {
                    issues.append(KnowledgeIssue(file: v.file, path: JSONPath.root.appending("version"),
                        message: "duplicate version \"\(v.version)\" of council \"\(id)\" (also \(other))"))
                }
                versionsSeen[v.version] = v.file
            }
        }
        var topicFiles: [String: String] = [:]
        for topic in knowledge.topics {
            if let other = topicFiles[topic.id] {
                issues.append(KnowledgeIssue(file: topic.file, path: JSONPath.root.appending("id"), message: "duplicate topic id \"\(topic.id)\" (also \(other))"))
            }
            topicFiles[topic.id] = topic.file
            issues += referenceIssues(in: topic, knowledge: knowledge)
            if topic.examples.count < minimumExamples {
                issues.append(KnowledgeIssue(file: topic.file, path: JSONPath.root.appending("examples"),
                    message: "routing needs at least \(minimumExamples) example phrasings (this topic has \(topic.examples.count))"))
            }
        }
        issues += sharedFactIssues(in: knowledge)
        return issues
    }

    /// How many ways of asking each topic needs, for routing.
    public static let minimumExamples = 10

    /// A fact shared between topics is answered once and reused, so every question that asks it
    /// must offer the same option ids.
    private static func sharedFactIssues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var first: [String: (topic: Topic, question: Question)] = [:]
        var issues: [KnowledgeIssue] = []
        for topic in knowledge.topics {
            for node in topic.orderedNodes {
                guard case .question(let q) = node, q.isSharedFact else { continue }
                guard let (otherTopic, other) = first[q.fact] else {
                    first[q.fact] = (topic, q)
                    continue
                }
                let mine = q.options.map(\.id).sorted(), theirs = other.options.map(\.id).sorted()
                if mine != theirs {
                    issues.append(KnowledgeIssue(file: topic.file, path: JSONPath.root.appending("nodes").appending(q.id).appending("options"),
                        message: "the shared fact \"\(q.fact)\" has options \(mine.joined(separator: ", ")) here but \(theirs.joined(separator: ", ")) in \(otherTopic.file) (\(other.id)); an answer given once is reused, so the options must match",
                        position: q.position))
                }
            }
        }
        return issues
    }

    private static func referenceIssues(in topic: Topic, knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        func report(_ path: JSONPath, _ message: String, _ position: SourcePosition?) {
            issues.append(KnowledgeIssue(file: topic.file, path: path, message: message, position: position))
        }
        if topic.nodes[topic.start] == nil {
            report(JSONPath.root.appending("start"), "\"start\" names \"\(topic.start)\", but there is no node with that id", nil)
        }
        for node in topic.orderedNodes {
            let nodePath = JSONPath.root.appending("nodes").appending(node.id)
            for (subpath, target) in node.successors where topic.nodes[target] == nil {
                report(JSONPath(nodePath.components + subpath.components),
                       "points to \"\(target)\", but there is no node with that id in this topic", node.position)
            }
            var cited: [(JSONPath, Citation)] = []
            switch node {
            case .question(let q):
                if q.options.count < 2 {
                    report(nodePath.appending("options"), "a question needs at least two options (it has \(q.options.count))", q.position)
                }
                cited = q.why.cites.enumerated().map { (nodePath.appending("why").appending("cites").appending(index: $0.offset), $0.element) }
            case .advice(let a):
                if a.citations.isEmpty {
                    report(nodePath.appending("citations"), "advice must cite at least one clause", a.position)
                }
                cited = a.citations.enumerated().map { (nodePath.appending("citations").appending(index: $0.offset), $0.element) }
            case .branch(let b):
                switch b.on {
                case .council:
                    for c in b.cases where knowledge.council(id: c.value) == nil {
                        report(nodePath.appending("cases").appending(c.value), "there is no council with id \"\(c.value)\"", b.position)
                    }
                case .role:
                    for c in b.cases where Role(rawValue: c.value) == nil {
                        report(nodePath.appending("cases").appending(c.value), "a role is \"member\" or \"officer\", not \"\(c.value)\"", b.position)
                    }
                case .fact:
                    break
                }
            }
            for (path, citation) in cited {
                guard let council = knowledge.council(id: citation.council) else {
                    report(path.appending("council"), "cites council \"\(citation.council)\", which has no current protocol in councils/", node.position)
                    continue
                }
                if council.clause(id: citation.clause) == nil {
                    report(path.appending("clause"), "cites clause \"\(citation.clause)\" of \(council.id), which does not exist in \(council.file)", node.position)
                }
            }
        }
        return issues
    }
}
