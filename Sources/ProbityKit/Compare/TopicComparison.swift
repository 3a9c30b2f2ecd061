/// One topic set side by side across councils: for each council, the verdicts its advice can
/// reach and the clauses it cites; with answers, where the same facts lead in each council.
public struct TopicComparison: Sendable {
    /// An advice node a council can reach.
    public struct Outcome: Sendable, Equatable {
        public var nodeID: String
        public var verdict: Verdict
        public var headline: String
        public var silent: Bool
    }

    /// Where the given answers lead in one council.
    public enum Walk: Sendable {
        case advice(AdviceResult)
        /// The council's rules need a question the answers do not settle.
        case question(PendingQuestion)
        case noRoute(String)

        /// Two walks with the same key ended in the same place: the same verdict, or the same question.
        public var key: String {
            switch self {
            case .advice(let a): "verdict:" + a.verdict.rawValue
            case .question(let q): "question:" + q.prompt.lowercased()
            case .noRoute: "no-route"
            }
        }
    }

    public struct Column: Sendable {
        public var council: Council
        /// Advice reachable for this council (and role, when given), in the order of the topic file.
        public var outcomes: [Outcome]
        /// The clauses this topic cites for this council, in order of first citation.
        public var clauses: [Clause]
        /// Where the answers lead; nil when no answers were given.
        public var walk: Walk?

        /// Each verdict reachable, with how many advice nodes give it, in the order they first appear.
        public var verdicts: [(verdict: Verdict, count: Int)] {
            var order: [Verdict] = []
            var counts: [Verdict: Int] = [:]
            for outcome in outcomes {
                if counts[outcome.verdict] == nil { order.append(outcome.verdict) }
                counts[outcome.verdict, default: 0] += 1
            }
            return order.map { ($0, counts[$0] ?? 0) }
        }
    }

    public var topic: Topic
    public var role: Role?
    /// The answers as given, QUESTION=OPTION.
    public var answers: [(question: String, option: String)]
    public var columns: [Column]

    /// The answers in the questions' own words: the question as asked, and the option chosen.
    public var answersInWords: [(question: String, answer: String)]

    /// With answers: whether the councils that the answers take to advice give different verdicts.
    /// A council that still needs a question is undecided, not different.
    public var outcomesDiffer: Bool {
        Set(
            columns.compactMap { column -> String? in
                if case .advice(let a)? = column.walk { a.verdict.rawValue } else { nil }
            }
        ).count > 1
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownTopic(String, known: [String])
        case notQuestionOption(String)
        case unknownQuestion(String, topic: String, known: [String])
        case unknownOption(String, question: String, options: [String])

        public var description: String {
            switch self {
            case .unknownTopic(let id, let known):
                "\"\(id)\" is not a topic. \(Suggestions.sentence(for: id, among: known))"
            case .notQuestionOption(let text):
                "\"\(text)\" is not FACT=OPTION (e.g. --answer carl-what=other-group)"
            case .unknownQuestion(let key, let topic, let known):
                "\"\(key)\" is not a question of \(topic). \(Suggestions.sentence(for: key, among: known))"
            case .unknownOption(let text, let question, let options):
                "\"\(text)\" is not an answer to \(question). \(Suggestions.sentence(for: text, among: options))"
            }
        }
    }

    /// Compares `topicID` across every council (or those given), walking `answers` (QUESTION=OPTION) through each.
    public init(
        knowledge: KnowledgeBase, topicID: String, role: Role? = nil, answers: [String] = [],
        councils: [String]? = nil
    ) throws(Problem) {
        guard let topic = knowledge.topic(id: topicID) else {
            throw .unknownTopic(topicID, known: knowledge.topics.map(\.id))
        }
        var parsed: [(String, String)] = []
        let facts = knowledge.facts(of: topic)
        for answer in answers {
            guard let eq = answer.firstIndex(of: "="), eq != answer.startIndex, answer.index(after: eq) != answer.endIndex else {
                throw .notQuestionOption(answer)
            }
            let key = String(answer[..<eq])
            let option = String(answer[answer.index(after: eq)...])
            if key == "role" {
                guard Role(argument: option) != nil else { throw .unknownOption(option, question: "role", options: Role.allCases.map(\.rawValue)) }
            } else {
                guard let fact = facts.first(where: { $0.localID == key || $0.key == key }) else {
                    throw .unknownQuestion(key, topic: topic.id, known: facts.map(\.localID))
                }
                let options = fact.options.map { AnswerOption(id: $0.id, label: $0.label, next: "") }
                for part in fact.multiple ? option.split(separator: ",").map(String.init) : [option] {
                    guard case .option = OptionMatcher.match(part, in: options) else {
                        throw .unknownOption(part, question: fact.localID, options: fact.options.map(\.id))
                    }
                }
            }
            parsed.append((key, option))
        }
        var role = role
        if let given = parsed.first(where: { $0.0 == "role" }) { role = Role(argument: given.1) ?? role }
        self.topic = topic
        self.role = role
        self.answers = parsed.map { (question: $0.0, option: $0.1) }
        answersInWords = parsed.map { key, option in
            if key == "role" { return ("Your role", Role(argument: option)?.label ?? option) }
            guard let fact = facts.first(where: { $0.localID == key || $0.key == key }) else { return (key, option) }
            return (fact.prompt.text(for: role), fact.answer(option))
        }
        let chosen = knowledge.councils.filter { councils?.contains($0.id) ?? true }
        columns = chosen.compactMap { council in
            guard let tree = knowledge.tree(topic: topic, council: council.id) else { return nil }
            return Column(
                council: council,
                outcomes: Self.reachable(tree, role: role),
                clauses: Self.cited(tree, in: council),
                walk: parsed.isEmpty
                    ? nil
                    : Self.walk(
                        topic, knowledge: knowledge, council: council.id, role: role,
                        answers: parsed.filter { $0.0 != "role" }, facts: facts))
        }
    }

    /// The clauses a council's advice on the topic cites, in the order of the council's document.
    static func cited(_ tree: AdviceTree, in council: Council) -> [Clause] {
        let ids = Set(tree.citations.map(\.clause))
        return council.clauses.filter { ids.contains($0.id) }
    }

    /// Every advice node reachable in a council's tree (for a role, if known), in file order.
    static func reachable(_ tree: AdviceTree, role: Role?) -> [Outcome] {
        var seen = Set<String>()
        var queue = [tree.start]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = tree.nodes[id] else { continue }
            switch node {
            case .advice:
                break
            case .question(let q):
                queue += q.options.map(\.next)
            case .branch(let b):
                switch b.on {
                case .council:
                    if let next = b.next(for: tree.councilID) { queue.append(next) }
                case .role:
                    if let role {
                        if let next = b.next(for: role.rawValue) { queue.append(next) }
                    } else {
                        queue += b.cases.map(\.next) + (b.defaultNext.map { [$0] } ?? [])
                    }
                case .fact:
                    queue += b.cases.map(\.next) + (b.defaultNext.map { [$0] } ?? [])
                }
            }
        }
        // The same advice reached by two routes (for a member and for an officer, say) is listed once.
        var distinct = Set<String>()
        return tree.orderedNodes.compactMap { node in
            guard case .advice(let a) = node, seen.contains(a.id) else { return nil }
            let headline = a.headline.text(for: role)
            guard distinct.insert(a.verdict.rawValue + "\u{0}" + headline).inserted else { return nil }
            return Outcome(nodeID: a.id, verdict: a.verdict, headline: headline, silent: a.silent)
        }
    }

    /// Walks the answers through one council's rules. An answer applies to the question it names,
    /// or to another council's question asked in the same words whose options include it.
    static func walk(
        _ topic: Topic, knowledge: KnowledgeBase, council: String, role: Role?,
        answers: [(String, String)], facts: [Fact]
    ) -> Walk {
        guard var session = try? Session(knowledge: knowledge, council: council, role: role) else {
            return .noRoute("council \(council) is not known")
        }
        session.begin(topic: topic)
        // The same fact is the same question in every council: an answer given once holds for all.
        for (key, text) in answers { try? session.setAnswer(key, option: text) }
        for _ in 0..<100 {
            switch session.step {
            case .advice(let advice)?:
                return .advice(advice)
            case .noRoute(let text)?:
                return .noRoute(text)
            case nil:
                return .noRoute("no topic")
            case .question(let pending)?:
                guard pending.kind == .topic, let option = answer(for: pending, answers: answers, facts: facts),
                    (try? session.answer(option)) != nil
                else {
                    return .question(pending)
                }
            }
        }
        return .noRoute("the answers go round in a loop")
    }

    static func answer(for pending: PendingQuestion, answers: [(String, String)], facts: [Fact]) -> String? {
        func fits(_ text: String) -> String? {
            if case .option(let option) = OptionMatcher.match(text, in: pending.options) { return option.id }
            return nil
        }
        for (key, text) in answers
        where key == pending.nodeID || key == pending.factKey || facts.contains(where: { $0.key == pending.factKey && $0.localID == key }) {
            if let id = fits(text) { return id }
        }
        // The same question in another council's words: equal once normalised ("What has the
        // councillor asked you for?" and "What has the member asked you for?").
        let prompt = promptKey(pending.prompt)
        for (key, text) in answers {
            guard let asked = facts.first(where: { $0.localID == key || $0.key == key }),
                promptKey(asked.prompt.member) == prompt || promptKey(asked.prompt.officer) == prompt,
                !text.allSatisfy(\.isNumber)
            else { continue }
            if let id = fits(text) { return id }
        }
        return nil
    }

    static func promptKey(_ prompt: String) -> [String] {
        TextNormaliser.analyse(prompt).flatMap(\.terms)
    }
}
