/// `probity search --json`: the query and the hits, best first.
public struct SearchReport: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var council: String
        public var councilName: String
        public var version: String
        public var clause: String
        public var number: String
        public var reference: String
        public var heading: String
        public var score: Double
        /// The excerpt with each match marked [[so]].
        public var snippet: String
        public var matches: [String]
        public var text: String
    }

    public var query: String
    public var council: String?
    public var hits: [Hit]

    public init(query: String, council: String?, hits: [SearchHit]) {
        self.query = query
        self.council = council
        self.hits = hits.map { hit in
            Hit(
                council: hit.councilID, councilName: hit.councilName, version: hit.version, clause: hit.clause.id,
                number: hit.clause.number, reference: hit.clause.fullReference, heading: hit.clause.heading,
                score: hit.score, snippet: hit.snippet.marked(), matches: hit.snippet.matchedWords, text: hit.clause.text)
        }
    }
}
