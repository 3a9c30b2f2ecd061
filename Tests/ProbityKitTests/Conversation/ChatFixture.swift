import Foundation

@testable import ProbityKit

/// A small knowledge base for conversation tests, built in code: two councils, and two topics that the
/// router can tell apart, one of them asking a fact that topics share.
enum ChatFixture {
    static let accessClause = Clause(
        id: "1", number: "1", heading: "Access to information",
        text: "A member may see any document that they need to know about to do their work as a member.")
    static let exemptClause = Clause(
        id: "2", number: "2", heading: "Access to information",
        text: "Exempt or confidential papers are seen only by the members of the committee that considers them.")
    static let pressClause = Clause(
        id: "3", number: "3", heading: "Dealing with the media",
        text: "Members speaking to the press or journalists make clear whether they speak for the council or for themselves.")
    static let electionClause = Clause(
        id: "4", number: "4", heading: "Elections",
        text: "In the weeks before an election no publicity is issued that could be seen as supporting a candidate.")
    static let generalClause = Clause(
        id: "G1", number: "1", heading: "General principles",
        text: "Members and officers treat each other with mutual respect and trust.")

    static func knowledge() -> KnowledgeBase {
        let testshire = Council(
            id: "testshire", name: "Testshire District Council", shortName: "Testshire",
            document: "Member/Officer Protocol", version: "2", date: nil, status: .adopted, isCurrent: true,
            source: "councils/testshire/sources/testshire.txt", numbering: nil, reading: nil,
            clauses: [accessClause, exemptClause, pressClause, electionClause], file: "councils/testshire/versions/2.json")
        let otherton = Council(
            id: "otherton", name: "Otherton Borough Council", shortName: "Otherton",
            document: "Protocol", version: "1", date: nil, status: .adopted, isCurrent: true,
            source: "councils/otherton/sources/otherton.txt", numbering: nil, reading: nil,
            clauses: [generalClause], file: "councils/otherton/versions/1.json")
        let documents = documents()
        let media = media()
        let testshireFolder = CouncilFolder(
            id: "testshire", name: testshire.name, shortName: testshire.shortName, generalPrinciples: ["1"],
            versions: [testshire], trees: [documentsTree(documents), mediaTree()], folder: "councils/testshire")
        // Otherton has no advice files: its advice is silent, from its general principles.
        let othertonFolder = CouncilFolder(
            id: "otherton", name: otherton.name, shortName: otherton.shortName, generalPrinciples: ["G1"],
            versions: [otherton], trees: [], folder: "councils/otherton")
        return KnowledgeBase(councils: [testshireFolder, othertonFolder], topics: [documents, media], sharedFacts: [electionPeriod])
    }

    static func fact(
        _ id: String, topic: String?, prompt: String, options: [(String, String)], multiple: Bool = false,
        phrases: [String: [String]] = [:], says: [String: String] = [:]
    ) -> Fact {
        Fact(
            key: topic.map { "\($0).\(id)" } ?? id, localID: id, prompt: RoleText(prompt), help: "Help for: \(prompt)",
            multiple: multiple,
            options: options.map { FactOption(id: $0.0, label: $0.1, says: says[$0.0].map { RoleText($0) }, phrases: phrases[$0.0] ?? []) },
            file: topic.map { "catalogue/topics/\($0).json" } ?? "catalogue/facts.json", position: nil)
    }

    static func question(_ id: String, fact: Fact, why: String, cites: [String], next: [String: String]) -> Node {
        .question(
            Question(
                id: id, fact: fact.key, isSharedFact: fact.isShared, prompt: fact.prompt,
                why: Why(text: why, cites: cites.map { Citation(council: "testshire", clause: $0) }),
                help: fact.help, multiple: fact.multiple,
                options: fact.options.compactMap { o in next[o.id].map { AnswerOption(id: o.id, label: o.label, next: $0) } },
                defaultNext: nil, position: nil))
    }

    static func advice(_ id: String, _ verdict: Verdict, _ headline: String, cites: [Citation], silent: Bool = false) -> Node {
        .advice(
            Advice(
                id: id, verdict: verdict, headline: RoleText(headline), summary: "Summary of \(headline).",
                steps: [
                    AdviceStep(text: "First step for \(id)", citations: [cites[0]]),
                    AdviceStep(text: "Second step for \(id)", isPractical: true),
                ],
                citations: cites, silent: silent, position: nil))
    }

    static let kind = fact(
        "kind", topic: "document-access", prompt: "What do you want to see?",
        options: [
            ("committee-papers", "Papers of a committee I sit on"),
            ("exempt-papers", "Exempt or confidential papers of another committee"),
            ("other", "Other information"),
        ],
        phrases: ["exempt-papers": ["exempt appendix"]],
        says: ["exempt-papers": "you want exempt or confidential papers of another committee"])
    static let sits = fact(
        "sits", topic: "document-access", prompt: "Do you sit on that committee?",
        options: [("yes", "Yes"), ("no", "No")],
        phrases: [
            "yes": ["i sit on the * committee", "i am on the * committee"],
            "no": ["i do not sit on the * committee", "not on the * committee"],
        ],
        says: ["yes": "you sit on that committee", "no": "you do not sit on that committee"])
    static let electionPeriod = fact(
        "election-period", topic: nil, prompt: "Is an election coming up?",
        options: [("yes", "Yes, within six weeks"), ("no", "No")],
        phrases: ["yes": ["election is coming", "purdah"]],
        says: ["yes": "an election is coming up"])

    static func documents() -> Topic {
        Topic(
            id: "document-access", title: "Seeing a document or information",
            summary: "A member wants to see a council document, report, papers or information.",
            audience: .member,
            examples: [
                "can I see the exempt report for planning committee", "I want the confidential papers",
                "access to documents and information", "can I read the committee report",
                "do I have a right to see the papers", "need to know documents",
            ],
            facts: [kind, sits], file: "catalogue/topics/document-access.json")
    }

    static func documentsTree(_ topic: Topic) -> AdviceTree {
        AdviceTree(
            topicID: topic.id, councilID: "testshire", start: "kind",
            nodes: [
                question(
                    "kind", fact: kind, why: "Exempt papers are limited to the committee.", cites: ["2"],
                    next: ["committee-papers": "allowed", "exempt-papers": "sits", "other": "need"]),
                question(
                    "sits", fact: sits, why: "Only its members see exempt papers.", cites: ["2"],
                    next: ["yes": "allowed", "no": "refused"]),
                advice(
                    "allowed", .yes, "Yes, you may see them", cites: [Citation(council: "testshire", clause: "1"), Citation(council: "testshire", clause: "2")]),
                advice("refused", .no, "No, not exempt papers", cites: [Citation(council: "testshire", clause: "2")]),
                advice("need", .yesIf, "Yes, if you need to know", cites: [Citation(council: "testshire", clause: "1")]),
            ],
            rules: [
                Rule(
                    fact: electionPeriod.key, values: ["yes"], role: nil,
                    steps: [
                        AdviceStep(
                            text: "Publish nothing that could be seen as supporting a candidate.", citations: [Citation(council: "testshire", clause: "4")])
                    ],
                    citations: [Citation(council: "testshire", clause: "4")], position: nil, index: 0)
            ], file: "councils/testshire/advice/document-access.json")
    }

    static func media() -> Topic {
        Topic(
            id: "media-contact", title: "Talking to the media",
            summary: "A member or officer is contacted by a journalist, the press or the media.",
            audience: .both,
            examples: [
                "a journalist rang me about the depot closure", "can I talk to the press", "a reporter wants a quote",
                "the local paper called me", "should I speak to the media",
            ],
            facts: [], file: "catalogue/topics/media-contact.json")
    }

    static func mediaTree() -> AdviceTree {
        AdviceTree(
            topicID: "media-contact", councilID: "testshire", start: "election",
            nodes: [
                question(
                    "election", fact: electionPeriod, why: "Publicity rules tighten before elections.", cites: ["4"],
                    next: ["yes": "careful", "no": "speak"]),
                advice(
                    "careful", .notWithout, "Not without checking the publicity rules",
                    cites: [Citation(council: "testshire", clause: "3"), Citation(council: "testshire", clause: "4")]),
                advice("speak", .yesIf, "Yes, if you say whose view it is", cites: [Citation(council: "testshire", clause: "3")]),
            ], rules: [], file: "councils/testshire/advice/media-contact.json")
    }

    /// A conversation on the fixture, council and role known unless told otherwise.
    /// - Parameter thresholds: the router's lines; a generous close ratio makes it ask "did you mean".
    static func conversation(
        council: String? = "testshire", role: Role? = .member, search: ClauseFinder? = nil,
        thresholds: RoutingThresholds = .standard
    ) throws -> Conversation {
        let knowledge = knowledge()
        let session = try Session(knowledge: knowledge, council: council, role: role)
        return Conversation(session: session, router: Router(knowledge: knowledge, thresholds: thresholds), search: search)
    }

    /// Thresholds under which any two topics with a word in common are "close".
    static let everythingClose = RoutingThresholds(minimumScore: 0.0001, closeRatio: 0.0001)
}

/// Looks for words in every clause of a council: enough to test that the chat shows what a search finds.
struct WordFinder: ClauseFinder {
    let knowledge: KnowledgeBase
    func find(_ query: String, council: String?, limit: Int) -> [ClauseHit] {
        let words = query.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 3 }
        var hits: [ClauseHit] = []
        for c in knowledge.councils where council == nil || c.id == council {
            for clause in c.clauses {
                let matched = words.filter { clause.text.lowercased().contains($0) }
                if !matched.isEmpty {
                    hits.append(
                        ClauseHit(
                            clause: QuotedClause(council: c, clause: clause), score: Double(matched.count), matched: matched,
                            coverage: Double(matched.count) / Double(words.count)))
                }
            }
        }
        return Array(hits.sorted { $0.score > $1.score }.prefix(limit))
    }
}

extension ConversationReply {
    /// The kinds of `.displayed` events, in order, without the record of a topic chosen (never shown as such).
    var shownKinds: [String] {
        events.compactMap { if case .displayed(let kind, _) = $0, kind != "chosen" { kind } else { nil } }
    }

    /// The blocks recorded as `.displayed`, as plain text.
    var shownText: String {
        blocks.filter { Shown($0) != nil }.map { ConversationRenderer(style: .plain).render($0) }.joined(separator: "\n")
    }

    /// The prompts of the questions asked, in order.
    var askedPrompts: [String] {
        events.compactMap { if case .asked(_, _, _, let prompt, _, _, _, _, _) = $0 { prompt } else { nil } }
    }

    var advised: ConversationEvent.Advised? {
        for case .advised(let advised) in events { return advised }
        return nil
    }

    var routingOutcome: ConversationEvent.RoutingOutcome? {
        for case .routed(_, _, let outcome) in events { return outcome }
        return nil
    }

    var startedTopics: [String] {
        events.compactMap { if case .topicStarted(let topic) = $0 { topic } else { nil } }
    }

    /// Everything shown, rendered plainly.
    var rendered: String { ConversationRenderer(style: .plain).render(blocks) }
}

extension String {
    /// Wrapped text read back as it was written: the quote bars and line breaks gone, spaces single.
    var unwrapped: String {
        split(separator: "\n")
            .map { line in line.replacingOccurrences(of: "│", with: " ") }
            .joined(separator: " ")
            .split(separator: " ")
            .joined(separator: " ")
            .replacingOccurrences(of: "\" \"", with: "\"\"")
    }
}
