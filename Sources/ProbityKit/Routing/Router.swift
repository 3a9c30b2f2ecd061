import Foundation

/// Routes a question typed in plain words to the topics that might answer it.
///
/// Each topic is ranked by BM25F over its title, summary, example phrasings and (lower) the
/// clauses it cites, after the shared normalisation (spelling, synonyms, stemming) and with
/// misspellings corrected against the topics' own words. A topic's score is the share of the
/// question's weight it explains, so the thresholds below apply to questions of any length.
public struct Router: Sendable {
    let index: TopicIndex
    public var thresholds: RoutingThresholds
    /// The sentence encoder's second opinion on unsure questions (`catalogue/encoder-routing.json` and
    /// `catalogue/encoder.bin`), read only when a question first needs it; nil: the hand-set order alone.
    public private(set) var secondStage: EncoderSecondStage?

    public init(knowledge: KnowledgeBase, thresholds: RoutingThresholds = .standard, weights: RoutingWeights = .standard) {
        index = TopicIndex(knowledge: knowledge, weights: weights)
        self.thresholds = thresholds
        secondStage = Self.secondStage(directory: knowledge.directory, index: index)
    }

    /// The second stage of the knowledge in `directory`, for the index's topics.
    static func secondStage(directory: String, index: TopicIndex) -> EncoderSecondStage? {
        directory.isEmpty ? nil : EncoderSecondStage(directory: directory, topicIDs: index.entries.map(\.id))
    }

    /// The same router without the sentence encoder's second opinion (for measuring what it adds).
    public func withoutSecondStage() -> Router {
        var router = self
        router.secondStage = nil
        return router
    }

    /// The same router with the second stage of the knowledge in `directory` (a router read from a snapshot has none).
    func withSecondStage(directory: String) -> Router {
        var router = self
        router.secondStage = Self.secondStage(directory: directory, index: index)
        return router
    }

    init(index: TopicIndex, thresholds: RoutingThresholds) {
        self.index = index
        self.thresholds = thresholds
    }

    /// The catalogue's word vectors as the router holds them (a snapshot keeps them among its bytes): other readers of
    /// meaning use these rather than read `vectors.bin` a second time.
    var wordVectors: WordVectors? { index.wordVectors }

    /// The topics best matching `text`, best first; topics with no word in common are left out.
    public func rank(_ text: String, limit: Int = 5) -> [RouteScore] {
        let query = weightedTerms(text)
        guard !query.isEmpty, limit > 0 else { return [] }
        // Ordered by the exact scores, then rounded: a question the background class refuses has scores that all
        // round to 0, and its nearest topics should still come in their order, not the alphabet's.
        let scores = scores(text, query).final
        let order = scores.indices.filter { scores[$0] > 0 }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : index.entries[$0].id < index.entries[$1].id }
        return order.prefix(limit).map { i in
            RouteScore(topicID: index.entries[i].id, title: index.entries[i].title, score: (scores[i] * 10_000).rounded() / 10_000)
        }
    }

    /// Every topic's score for `text` (whose terms are `query`): the index's, ordered by the second stage when it is
    /// unsure (`trace` hears why), then with the encoder's opinion on refusal (`final`; `beforeOpinion` without it).
    private func scores(_ text: String, _ query: [QueryTerm], trace: ((String) -> Void)? = nil) -> (beforeOpinion: [Double], final: [Double]) {
        let scores = index.scores(query, inScope: inScope(query), vector: questionVector(text), secondStage: secondStage(for: text), trace: trace)
        return (scores, secondOpinionOnRefusal(text, scores) ?? scores)
    }

    /// Whether the question names someone or something the protocols govern (`scopeTerms`).
    private func inScope(_ query: [QueryTerm]) -> Bool {
        query.contains { q in q.id.map { Self.scopeTerms.contains(index.normaliser.term($0)) } ?? false }
    }

    /// The sentence encoder's opinion on whether a doubtful question is about a topic at all (nil: no change). A
    /// question accepted with a best score under `secondStageDoubtBelow` is refused when the encoder puts it among
    /// the questions no topic answers with at least `secondStageBackground` (its scores scaled by what the encoder
    /// leaves to the topics, so no nearest topic looks plausible); a question refused with a best score of at least
    /// `secondStageRescueFrom` is accepted at the threshold when the encoder gives one topic at least
    /// `secondStageRescue`. The scores keep their ratios, so a choice stays a choice.
    func secondOpinionOnRefusal(_ text: String, _ scores: [Double]) -> [Double]? {
        let w = index.weights
        guard let stage = secondStage, index.hasBackground, w.secondStageMargin > 0, let best = scores.max(), best > 0 else { return nil }
        let accepted = (best * 10_000).rounded() / 10_000 >= thresholds.minimumScore
        guard accepted ? best < w.secondStageDoubtBelow : best >= w.secondStageRescueFrom,
            let p = stage.logProbabilities(text).map({ $0.map(exp) }), p.count == index.entries.count + 1
        else { return nil }
        if accepted, let background = p.last, background >= w.secondStageBackground {
            return scores.map { $0 * (1 - background) }
        }
        if !accepted, (p.dropLast().max() ?? 0) >= w.secondStageRescue {
            return scores.map { $0 * thresholds.minimumScore / best }
        }
        return nil
    }

    /// The second stage's order for one question's ranking parts.
    func secondStage(for text: String) -> ((RankingParts) -> [Double]?)? {
        guard let stage = secondStage, index.hasBackground else { return nil }
        return { stage.combined(text, parts: $0) }
    }

    /// The parts of `text`'s ranking, for every document (the topics, then the background), for fitting a combination.
    public func parts(_ text: String) -> RankingParts? {
        let query = weightedTerms(text)
        guard !query.isEmpty else { return nil }
        return index.parts(query, inScope: inScope(query), vector: questionVector(text))
    }

    /// What to do with `text`: one clear topic, a choice between close ones, or no match.
    public func route(_ text: String) -> RoutingDecision {
        thresholds.decide(rank(text, limit: 5))
    }

    /// The question's distilled vector, misspelt words corrected to the catalogue's words (as the lexical ranking does).
    func questionVector(_ text: String) -> [Float]? {
        guard index.weights.vectors > 0, let vectors = index.wordVectors else { return nil }
        return vectors.vector(text) { index.vocabulary.correction(for: SpellingVariants.fold($0)) }
    }

    /// Terms that name the people and bodies the protocols govern (see `RoutingWeights.scopeBonus`).
    static let scopeTerms: Set<String> = Set(
        [
            "councillor", "member", "officer", "group", "cabinet", "leader", "portfolio",
            "chair", "mayor", "director", "monitoring", "committee", "protocol", "executive", "ward",
            "constituent", "surgery",
        ]
        .flatMap(TextNormaliser.normalise))

    /// Why the question ranks as it does: its terms, then for each of the best topics how much
    /// each term contributed (for `probity ask --explain` and for knowledge authors).
    public func explain(_ text: String, limit: Int = 3) -> String {
        let query = weightedTerms(text)
        var lines = [
            "terms: "
                + query.map { q in
                    let name = q.id.map { index.normaliser.term($0) } ?? "(unknown)"
                    return q.rankingWeight == 1 ? name : "\(name)×\(q.rankingWeight)"
                }.joined(separator: " ")
        ]
        let scored = scores(text, query) { lines.append("ranking: " + $0) }
        if scored.final != scored.beforeOpinion, let before = scored.beforeOpinion.max(), let after = scored.final.max() {
            let opinion = after < before ? "puts the question among those no topic answers" : "is sure of a topic"
            lines.append(String(format: "second stage: the sentence encoder %@ (best score %.4f, now %.4f)", opinion, before, after))
        }
        for route in rank(text, limit: limit) {
            guard let t = index.entries.firstIndex(where: { $0.id == route.topicID }) else { continue }
            let parts = index.contributions(query, topic: t).filter { $0.share > 0 }
                .map { "\($0.term) \((($0.share * 1000).rounded() / 1000))" }
            lines.append("\(route.topicID) \(route.score): " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The question's distinct terms, each with its weight in the ranking and in the confidence:
    /// 1 for a word as typed, less for a corrected misspelling or a number; concepts and word
    /// pairs as the weights say.
    func weightedTerms(_ text: String) -> [QueryTerm] {
        var result: [QueryTerm] = []
        var position: [Int: Int] = [:]
        func add(_ id: Int?, ranking: Double, confidence: Double) {
            guard let id else {
                result.append(QueryTerm(id: nil, rankingWeight: ranking, confidenceWeight: confidence))
                return
            }
            if let p = position[id] {
                result[p].rankingWeight = max(result[p].rankingWeight, ranking)
                result[p].confidenceWeight = max(result[p].confidenceWeight, confidence)
            } else {
                position[id] = result.count
                result.append(QueryTerm(id: id, rankingWeight: ranking, confidenceWeight: confidence))
            }
        }
        let weights = index.weights
        var previous: String?
        let words = TextNormaliser.analyse(text)
        let names = ProperNames.names(text, tokens: words.map(\.token))
        var inName = [Bool](repeating: false, count: words.count)
        for name in names { for i in name { inName[i] = true } }
        // A name's own concept ("the Evening Star": a newspaper), as a concept of the name's last word.
        if weights.concepts > 0 {
            for name in names {
                for concept in ConceptLexicon.concepts(forNameEndingIn: words[name.upperBound - 1].token.word) {
                    guard let id = index.known(concept) else { continue }
                    add(id, ranking: weights.concepts, confidence: weights.conceptConfidence)
                }
            }
        }
        for (w, word) in words.enumerated() where !word.isStop {
            // A known pair of neighbouring words adds to its words; an unknown pair costs nothing.
            if weights.pairs > 0, let before = previous, let first = word.terms.first,
                let pair = index.known(TopicIndex.pair(before, first))
            {
                add(pair, ranking: weights.pairs, confidence: 0)
            }
            previous = word.terms.last
            let isNumber = word.token.word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            var terms = word.terms
            var weight = isNumber ? weights.number : 1
            let known = terms.map { index.known($0) }
            if !isNumber, known.contains(where: { $0 == nil }),
                let correction = index.vocabulary.correction(for: SpellingVariants.fold(word.token.word)),
                let corrected = index.wordTerms(correction)
            {
                terms = corrected.map { index.normaliser.term($0) }
                weight = weights.correction
            }
            for term in terms { add(index.known(term), ranking: weight, confidence: weight) }
            if weights.concepts > 0 {
                for term in terms {
                    for concept in ConceptLexicon.concepts(forTerm: term) {
                        guard let id = index.known(concept), !(inName[w] && ConceptLexicon.everydaySenseOnly.contains(concept)) else { continue }
                        add(id, ranking: weights.concepts * weight, confidence: weights.conceptConfidence * weight)
                    }
                }
            }
        }
        return result
    }
}
