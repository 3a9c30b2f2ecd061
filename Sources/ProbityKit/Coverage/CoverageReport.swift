/// How much of each council's protocol the advice actually quotes: the share of its advisory
/// clauses that at least one advice node cites, and which clauses no advice ever reaches.
public struct CoverageReport: Sendable, Encodable {
    public struct CouncilCoverage: Sendable, Encodable {
        public struct Uncited: Sendable, Encodable {
            public var id: String
            public var reference: String
            public var heading: String
        }

        public struct NotAdvisory: Sendable, Encodable {
            public var id: String
            public var reference: String
            public var reason: String
        }

        public var council: String
        public var name: String
        public var version: String
        public var clauses: Int
        public var advisory: Int
        public var cited: Int
        /// Cited advisory clauses as a share of all advisory clauses, 0…1.
        public var share: Double
        public var uncited: [Uncited]
        public var notAdvisory: [NotAdvisory]
        /// Clauses marked not advisory that advice cites all the same (worth a second look).
        public var citedThoughNotAdvisory: [String]
    }

    public var councils: [CouncilCoverage]

    public init(knowledge: KnowledgeBase) {
        var citedBy: [String: Set<String>] = [:]
        for folder in knowledge.folders {
            for tree in knowledge.trees(council: folder.id) {
                for c in tree.citations { citedBy[c.council, default: []].insert(c.clause) }
            }
        }
        councils = knowledge.councils.map { council in
            let cited = citedBy[council.id] ?? []
            let advisory = council.clauses.filter(\.isAdvisory)
            let citedAdvisory = advisory.filter { cited.contains($0.id) }
            return CouncilCoverage(
                council: council.id, name: council.name, version: council.version,
                clauses: council.clauses.count, advisory: advisory.count, cited: citedAdvisory.count,
                share: advisory.isEmpty ? 1 : Double(citedAdvisory.count) / Double(advisory.count),
                uncited: advisory.filter { !cited.contains($0.id) }.map { .init(id: $0.id, reference: $0.fullReference, heading: $0.heading) },
                notAdvisory: council.clauses.filter { !$0.isAdvisory }.map { .init(id: $0.id, reference: $0.fullReference, reason: $0.reason ?? "") },
                citedThoughNotAdvisory: council.clauses.filter { !$0.isAdvisory && cited.contains($0.id) }.map(\.id))
        }
    }
}
