import Foundation

/// A fitted combination of the ranking's parts, instead of hand-set weights (issue 12, fourth pass): a conditional
/// logit over each topic's parts for the order, and a logistic regression over the question's parts for whether any
/// topic answers it at all (the best topic's score is that probability). Fitted at build time by
/// `scripts/fit-routing.py` on cross-validated parts (`probity-bench --dump-features`), never on a held-out set.
public struct LearnedRouting: Sendable, Equatable {
    /// Coefficients over `rankingFeatures`.
    public var ranking: [Double]
    /// Coefficients over `refusalFeatures`, then the intercept.
    public var refusal: [Double]

    /// Fitted on the shipped catalogue's cross-validated parts (`scripts/fit-routing.py`, fourth pass, 2026-11-29):
    /// in 5-fold cross-validation, each fold scored by a combination fitted on the other four, top-1 87.1% (hand-set
    /// 84.2%), top-3 98.2% (97.0%), 18 of 1,408 examples wrongly refused (37), 289 of 334 background questions
    /// refused (273). Fit again after changing the catalogue's routing text.
    public static let standard = LearnedRouting(
        ranking: [0.00373744, 0.884004, 7.90476, 2.42972, 5.40085],
        refusal: [3.28413, 1.61085, 5.90451, -8.41368, -0.31088, -0.860847, 0.977348, -3.29987, 3.13812, -0.201552, -7.71196])

    /// The hand-set order (0.4 × language model + 0.6 × classifier + 20 × similarity, as `TopicIndex.combined`) with
    /// only the refusal fitted, the same way: cross-fitted top-1 84.4%, top-3 97.0% (the order is unchanged), 20 of
    /// 1,408 examples wrongly refused (37), 288 of 334 background questions refused (273).
    public static let refusalOnly = LearnedRouting(
        ranking: [0.4, 0.6, 20, 0, 0],
        refusal: [4.03841, 1.66507, 3.59203, -6.64937, -0.267168, -0.963014, 0.0578079, -3.46239, 2.63382, -0.140953, -6.66003])

    public init(ranking: [Double], refusal: [Double]) {
        self.ranking = ranking
        self.refusal = refusal
    }

    /// One document's features for the order: language model, classifier, similarity, BM25F, confidence.
    static func rankingFeatures(_ p: RankingParts, _ t: Int) -> [Double] {
        [
            p.languageModel.isEmpty ? 0 : p.languageModel[t], p.classifier.isEmpty ? 0 : p.classifier[t],
            p.similarity.isEmpty ? 0 : p.similarity[t], p.bm25[t], p.confidence[t],
        ]
    }

    /// Each document's combined ranking score.
    func combined(_ p: RankingParts) -> [Double] {
        p.matched.indices.map { t in zip(ranking, Self.rankingFeatures(p, t)).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The question's features for refusal, given the combined scores and the best topic.
    static func refusalFeatures(_ p: RankingParts, combined: [Double], best: Int, second: Int?, topics: Int) -> [Double] {
        let hasBackground = p.matched.count > topics
        let sim = { (t: Int) in p.similarity.isEmpty ? 0 : p.similarity[t] }
        let cls = { (t: Int) in p.classifier.isEmpty ? 0 : p.classifier[t] }
        return [
            p.confidence[best], p.inScope ? 1 : 0, sim(best), hasBackground ? sim(topics) : 0,
            hasBackground ? max(-20, min(20, combined[topics] - combined[best])) : 0, hasBackground ? cls(topics) : 0,
            p.bm25[best], p.unknownShare, log(max(p.weight, 1e-3)), second.map { min(20, combined[best] - combined[$0]) } ?? 20,
        ]
    }

    /// The topics' scores: the probability that the question is about a topic at all, times each topic's likelihood
    /// relative to the best.
    func scores(_ p: RankingParts, topics: Int, temperature: Double, shift: Double = 0) -> [Double] {
        let c = combined(p)
        let order = (0..<topics).filter { p.matched[$0] }.sorted { c[$0] > c[$1] }
        guard let best = order.first else { return [Double](repeating: 0, count: topics) }
        let x = Self.refusalFeatures(p, combined: c, best: best, second: order.dropFirst().first, topics: topics)
        let z = zip(refusal, x).reduce((refusal.last ?? 0) + shift) { $0 + $1.0 * $1.1 }
        let level = 1 / (1 + exp(-z))
        return (0..<topics).map { t in p.matched[t] ? level * exp((c[t] - c[best]) / temperature) : 0 }
    }
}
