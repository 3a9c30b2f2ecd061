/// The parts a question's ranking is made of, one value per document (the topics, then the background class when there
/// is one): what the hand-set mix (`TopicIndex.combined`) or the fitted one (`LearnedRouting`) combines, and what
/// `probity-bench --dump-features` writes out for fitting it.
public struct RankingParts: Sendable {
    /// BM25F: the share of the question's weight each document explains, with the confidence weights (capped total).
    public var confidence: [Double]
    /// BM25F with the ranking weights, over the whole total.
    public var bm25: [Double]
    /// The language model's log-likelihood (up to a constant per question); empty when it is off.
    public var languageModel: [Double]
    /// The classifier's log-probability; empty when it is off.
    public var classifier: [Double]
    /// The mean cosine of the document's nearest examples to the question's vector; empty without vectors.
    public var similarity: [Double]
    /// Whether the document shares anything with the question (a word, a probable class, or a vector).
    public var matched: [Bool]
    /// Whether the question names someone or something the protocols govern (`Router.scopeTerms`).
    public var inScope: Bool
    /// The share of the question's weight in words no document has.
    public var unknownShare: Double
    /// The question's total weight (idf units, confidence weights).
    public var weight: Double
}
