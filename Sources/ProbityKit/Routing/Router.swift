import Foundation

/// Routes a question typed in plain words to the topics that might answer it.
///
/// Each topic is ranked by BM25F over its title, summary, example phrasings and (lower) the
/// clauses it cites, after the shared normalisation (spelling, synonyms, stemming) and with
/// misspellings corrected against the topics' own words. A topic's score is the share of the
/// question's weight it explains, so the thresholds below apply to questions of any length.
public struct Router: Sendable {
    private let index: TopicIndex
    public var thresholds: RoutingThresholds

    public init(knowledge: KnowledgeBase, thresholds: RoutingThresholds = .standard) {
        index = TopicIndex(knowledge: knowledge)
        self.thresholds = thresholds
    }

    /// The topics best matching `text`, best first; topics with no word in common are left out.
    public func rank(_ text: String, limit: Int = 5) -> [RouteScore] {
        let query = weightedTerms(text)
        guard !query.isEmpty, limit > 0 else { return [] }
        var total = 0.0
        var scores = [Double](repeating: 0, count: index.entries.count)
        for (term, weight) in query {
            let idf = index.idf[term] ?? index.unknownIDF
            total += idf * weight
            for posting in index.postings[term] ?? [] {
                scores[posting.topic] += weight * idf * posting.weight / (TopicIndex.k1 + posting.weight)
            }
        }
        guard total > 0 else { return [] }
        var ranked: [RouteScore] = []
        for (i, score) in scores.enumerated() where score > 0 {
            let entry = index.entries[i]
            ranked.append(RouteScore(topicID: entry.id, title: entry.title, score: (score / total * 10_000).rounded() / 10_000))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.topicID < $1.topicID }
        return Array(ranked.prefix(limit))
    }

    /// What to do with `text`: one clear topic, a choice between close ones, or no match.
    public func route(_ text: String) -> RoutingDecision {
        thresholds.decide(rank(text, limit: 5))
    }

    /// The question's distinct terms, each with a weight: 1, or less for a corrected misspelling.
    func weightedTerms(_ text: String) -> [(String, Double)] {
        var normaliser = TextNormaliser()
        var weights: [String: Double] = [:]
        var order: [String] = []
        func add(_ term: String, _ weight: Double) {
            if let existing = weights[term] {
                weights[term] = max(existing, weight)
            } else {
                weights[term] = weight
                order.append(term)
            }
        }
        for token in normaliser.analyse(text) where !token.isStop {
            let known = token.terms.filter { index.idf[$0] != nil }
            if known.count == token.terms.count {
                token.terms.forEach { add($0, 1) }
            } else if let correction = index.vocabulary.correction(for: SpellingVariants.fold(token.token.word)),
                      let corrected = index.surfaceTerms[correction] {
                corrected.forEach { add($0, RoutingThresholds.correctionWeight) }
            } else {
                token.terms.forEach { add($0, 1) }
            }
        }
        return order.map { ($0, weights[$0] ?? 0) }
    }
}
