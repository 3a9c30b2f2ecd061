/// How well a question matches one topic. Scores run from 0 (nothing in common) towards 1
/// (every word of the question is a strong word of the topic), so thresholds mean the same
/// for short and long questions.
public struct RouteScore: Sendable, Equatable {
    public var topicID: String
    public var title: String
    public var score: Double

    public init(topicID: String, title: String, score: Double) {
        self.topicID = topicID
        self.title = title
        self.score = score
    }
}

/// What to do with a question: go straight into one topic, ask which of a few was meant,
/// or say that Probity has no advice on it (and offer the nearest topics).
public enum RoutingDecision: Sendable, Equatable {
    case clear(RouteScore)
    case choose([RouteScore])
    case noMatch(nearest: [RouteScore])
}
