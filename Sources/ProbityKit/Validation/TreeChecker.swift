/// Checks the shape of one council's advice tree for a topic: reachability, cycles, questions that change
/// nothing, and a route to advice for every role.
struct TreeChecker {
    let tree: AdviceTree

    private func path(_ node: String, _ rest: String...) -> JSONPath {
        var p = JSONPath.root.appending("nodes").appending(node)
        for r in rest { p = p.appending(r) }
        return p
    }

    private func issue(_ path: JSONPath?, _ message: String, _ node: String? = nil) -> KnowledgeIssue {
        KnowledgeIssue(file: tree.file, path: path, message: message, position: node.flatMap { tree.nodes[$0]?.position })
    }

    func issues() -> [KnowledgeIssue] {
        guard tree.nodes[tree.start] != nil else { return [] }  // reported by the reference checks
        var issues: [KnowledgeIssue] = []
        if let cycle = cycleIssue() {
            return [cycle]  // walking a cyclic tree proves nothing more
        }
        let reachable = reachableNodes(from: tree.start)
        for id in tree.nodeOrder where !reachable.contains(id) {
            issues.append(issue(path(id), "node \"\(id)\" cannot be reached from \"\(tree.start)\"", id))
        }
        issues += unhelpfulQuestions()
        for case .advice(let a) in tree.orderedNodes {
            if let problem = Validator.headlineProblem(a) { issues.append(issue(path(a.id, "headline"), problem, a.id)) }
        }
        issues += walkEveryRole()
        return issues
    }

    /// The tree's first loop, if it has one: checked as each advice file is read, since walking a loop never ends.
    func cycleIssue() -> KnowledgeIssue? {
        guard let cycle = findCycle() else { return nil }
        return issue(path(cycle[0]), "the tree loops back on itself: " + cycle.joined(separator: " → "), cycle[0])
    }

    /// A cycle as a list of node ids, first repeated last, or nil.
    private func findCycle() -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ id: String) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 {
                let start = stack.firstIndex(of: id) ?? 0
                return Array(stack[start...]) + [id]
            }
            guard let node = tree.nodes[id] else { return nil }
            state[id] = 1
            stack.append(id)
            for (_, next) in node.successors {
                if let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            state[id] = 2
            return nil
        }
        return visit(tree.start)
    }

    private func reachableNodes(from start: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [start]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = tree.nodes[id] else { continue }
            queue += node.successors.map(\.target)
        }
        return seen
    }

    private func adviceReachable(from start: String) -> Set<String> {
        Set(reachableNodes(from: start).filter { if case .advice = tree.nodes[$0] { return true } else { return false } })
    }

    /// Questions whose every option ends at the same single advice: the answer changes nothing.
    private func unhelpfulQuestions() -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        for node in tree.orderedNodes {
            guard case .question(let q) = node, q.options.count >= 2 else { continue }
            let outcomes = q.options.map { adviceReachable(from: $0.next) }
            if let first = outcomes.first, first.count == 1, outcomes.allSatisfy({ $0 == first }) {
                issues.append(
                    issue(
                        path(q.id, "next"),
                        "every option leads to the same advice \"\(first.first!)\", so the answer changes nothing; drop the question or give the options different outcomes",
                        q.id))
            }
        }
        return issues
    }

    /// Walks every path for each role, and checks that each ends in advice.
    private func walkEveryRole() -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        var deadEnds: Set<String> = []
        var reachesAdvice: [Role: Bool] = [:]
        var budget = 200_000

        func walk(_ id: String, role: Role, facts: [String: String]) {
            budget -= 1
            guard budget > 0, let node = tree.nodes[id] else { return }
            switch node {
            case .advice:
                reachesAdvice[role] = true
            case .question(let q):
                if let known = facts[q.fact], let option = q.option(id: known) {
                    walk(option.next, role: role, facts: facts)
                    return
                }
                for option in q.options {
                    var next = facts
                    next[q.fact] = option.id
                    walk(option.next, role: role, facts: next)
                }
            case .branch(let b):
                let value: String?
                switch b.on {
                case .council: value = tree.councilID
                case .role: value = role.rawValue
                case .fact(let key): value = facts[key]
                }
                if let value {
                    if let next = b.next(for: value) {
                        walk(next, role: role, facts: facts)
                    } else {
                        deadEnds.insert("\(b.id)|no case for \(b.on.factKey) \"\(value)\" and no default, so a \(role.rawValue) reaches no advice")
                    }
                    return
                }
                // A fact not settled on this path: what the user said, or an earlier topic, may have settled it, or not.
                for c in b.cases { walk(c.next, role: role, facts: facts) }
                if let d = b.defaultNext {
                    walk(d, role: role, facts: facts)
                } else if case .fact(let key) = b.on, !isSharedFact(key) {
                    deadEnds.insert("\(b.id)|branches on \"\(key)\" before any question on this path asks it, and has no default")
                }
            }
        }
        for role in Role.allCases { walk(tree.start, role: role, facts: [:]) }
        if budget <= 0 {
            issues.append(issue(nil, "the tree has too many paths to check (over 200,000 steps); split it into smaller topics"))
        }
        for entry in deadEnds.sorted() {
            let parts = entry.split(separator: "|", maxSplits: 1).map(String.init)
            issues.append(issue(path(parts[0]), parts[1], parts[0]))
        }
        for role in Role.allCases where reachesAdvice[role] != true {
            issues.append(issue(JSONPath.root.appending("start"), "a \(role.rawValue) can reach no advice from \"\(tree.start)\""))
        }
        return issues
    }

    private func isSharedFact(_ key: String) -> Bool {
        !key.hasPrefix(tree.topicID + ".")
    }
}
