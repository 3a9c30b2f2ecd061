/// What a topic can conclude for one council and role: every advice node reachable whatever the answers.
enum TopicOutcomes {
    static func advice(in topic: Topic, council: String, role: Role?) -> [Advice] {
        var found: [Advice] = []
        var seen = Set<String>()
        var pending = [topic.start]
        while let id = pending.popLast() {
            guard seen.insert(id).inserted, let node = topic.nodes[id] else { continue }
            switch node {
            case .advice(let advice):
                found.append(advice)
            case .question(let question):
                pending += question.options.map(\.next)
            case .branch(let branch):
                switch branch.on {
                case .council:
                    if let next = branch.next(for: council) { pending.append(next) }
                case .role:
                    if let role, let next = branch.next(for: role.rawValue) {
                        pending.append(next)
                    } else if role == nil {
                        pending += branch.cases.map(\.next)
                    }
                case .fact:
                    pending += branch.cases.map(\.next)
                    if let next = branch.defaultNext { pending.append(next) }
                }
            }
        }
        return found
    }
}

extension String {
    /// "Carlisle's", "Tower Hamlets'".
    var possessive: String { hasSuffix("s") ? self + "'" : self + "'s" }
}
