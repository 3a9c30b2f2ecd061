@testable import ProbityKit

/// A small knowledge base built in code, so routing and search tests do not move when the
/// shipped knowledge grows.
enum RoutingFixture {
    static func advice(_ id: String, _ verdict: Verdict = .guidance, cites: [Citation]) -> Node {
        .advice(Advice(id: id, verdict: verdict, headline: RoleText("Advice \(id)"), summary: "", steps: [], citations: cites, silent: false, position: nil))
    }

    /// A topic with one fact, whose question is in the topic's own words (what routing reads besides examples).
    static func topic(_ id: String, title: String, summary: String, examples: [String], question: String) -> Topic {
        let fact = Fact(
            key: "\(id).what", localID: "what", prompt: RoleText(question), help: "", multiple: false,
            options: [FactOption(id: "yes", label: "Yes", says: nil, phrases: []), FactOption(id: "no", label: "No", says: nil, phrases: [])],
            file: "", position: nil)
        return Topic(id: id, title: title, summary: summary, audience: .both, examples: examples, facts: [fact], file: "catalogue/topics/\(id).json")
    }

    static func tree(_ topic: String, cites: String) -> AdviceTree {
        AdviceTree(
            topicID: topic, councilID: "testshire", start: "a", nodes: [advice("a", cites: [Citation(council: "testshire", clause: cites)])],
            rules: [], file: "councils/testshire/advice/\(topic).json")
    }

    static let council = Council(
        id: "testshire", name: "Testshire County Council", shortName: "Testshire", document: "Protocol", version: "1",
        date: nil, status: .adopted, isCurrent: true, source: "sources/test.txt", numbering: nil, reading: nil,
        clauses: [
            Clause(
                id: "1", number: "1", heading: "Correspondence",
                text: "Correspondence between a member and an officer should not be copied to another member. There should be no blind copies."),
            Clause(
                id: "2", number: "2", heading: "The press",
                text: "Officers must not speak to the press or other media about council business without the agreement of the communications team."),
            Clause(
                id: "3", number: "3", heading: "Information",
                text: "Members have a need to know where a document is reasonably necessary for their duties as councillors."),
            Clause(
                id: "4", number: "4", heading: "Party groups",
                text: "Officers will not attend a party group meeting where persons who are not members of the council are present."),
        ],
        file: "councils/testshire/versions/1.json")

    static let knowledge = KnowledgeBase(
        councils: [
            CouncilFolder(
                id: "testshire", name: council.name, shortName: council.shortName, generalPrinciples: ["1"],
                versions: [council],
                trees: [
                    tree("correspondence", cites: "1"), tree("media-contact", cites: "2"),
                    tree("document-access", cites: "3"),
                ], folder: "councils/testshire")
        ],
        topics: [
            topic(
                "correspondence", title: "Copying letters and emails", summary: "Copying correspondence between members and officers.",
                examples: ["can I copy the email to another councillor", "should I forward the letter", "who gets a copy of my email"],
                question: "Should the correspondence be copied, or blind copied, to another member?"),
            topic(
                "media-contact", title: "Talking to the media", summary: "A journalist or the press contacts a member or officer.",
                examples: ["a reporter rang me", "can I give the newspaper a quote", "the local radio want an interview"],
                question: "Has the press or other media asked you about council business?"),
            topic(
                "document-access", title: "Seeing a document", summary: "A councillor wants to see a document or information.",
                examples: ["can I see the exempt report", "I want the papers for the committee", "what does need to know mean"],
                question: "Is the document reasonably necessary for your duties: do you need to know?"),
        ])
}
