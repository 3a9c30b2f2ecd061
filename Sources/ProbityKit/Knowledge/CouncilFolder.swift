/// Everything of one council, read from its own folder: who it is, its protocol versions, and its advice per topic.
public struct CouncilFolder: Sendable {
    public var id: String
    public var name: String
    public var shortName: String
    /// Clause ids of the current version that silent advice quotes.
    public var generalPrinciples: [String]
    /// Subjects outside the protocol that some of its clauses still touch: subject id → clause ids of the current version.
    public var outOfScope: [String: [String]] = [:]
    /// Earlier versions first, as the version labels sort, the current one last.
    public var versions: [Council]
    /// Advice trees built in memory, by topic id (advice read from files is read topic by topic: `KnowledgeBase.tree`).
    public var trees: [String: AdviceTree]
    /// The folder, relative to the knowledge directory (`councils/carlisle`).
    public var folder: String
    /// The files read, for the fingerprint.
    public var files: [KnowledgeFile]

    public init(
        id: String, name: String, shortName: String, generalPrinciples: [String], versions: [Council],
        trees: [AdviceTree], folder: String, files: [KnowledgeFile] = []
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.generalPrinciples = generalPrinciples
        self.versions = versions.filter { !$0.isCurrent } + versions.filter(\.isCurrent)
        self.trees = Dictionary(trees.map { ($0.topicID, $0) }, uniquingKeysWith: { first, _ in first })
        self.folder = folder
        self.files = files
    }

    /// The version that advice quotes.
    public var current: Council? { versions.last(where: \.isCurrent) }

    /// Honest advice where the protocol has nothing specific: it says so, quotes the general principles and points to the Monitoring Officer.
    public func silentTree(for topic: Topic) -> AdviceTree {
        let citations = generalPrinciples.map { Citation(council: id, clause: $0) }
        let advice = Advice(
            id: "general-principles", verdict: .askMonitoringOfficer,
            headline: RoleText("Ask the Monitoring Officer: \(shortName)'s protocol has no specific rule on this"),
            summary:
                "\(name)'s member/officer protocol says nothing specific about \(topic.title.lowercasedFirst()). Its general principles, quoted below, still apply. The Monitoring Officer can tell you how they, and any other rules of the council, bear on your situation.",
            steps: [
                AdviceStep(text: "Read the general principles below and act within them.", citations: citations),
                AdviceStep(text: "Ask the Monitoring Officer before you act, and keep a note of the advice you are given.", isPractical: true),
            ],
            citations: citations, silent: true, position: nil)
        return AdviceTree(
            topicID: topic.id, councilID: id, start: advice.id, nodes: [.advice(advice)], rules: [],
            file: "\(folder)/council.json")
    }
}

extension String {
    /// "Seeing a document" → "seeing a document", leaving acronyms ("CCTV") alone.
    func lowercasedFirst() -> String {
        guard let first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
