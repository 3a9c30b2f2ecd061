/// `probity ask --json`: `{"topics":[{"id","title","score"},…]}`, best first.
public struct RoutingReport: Encodable, Sendable {
    public struct TopicScore: Encodable, Sendable {
        public var id: String
        public var title: String
        public var score: Double
    }

    public var topics: [TopicScore]

    public init(ranked: [RouteScore]) {
        topics = ranked.map { TopicScore(id: $0.topicID, title: $0.title, score: $0.score) }
    }
}
