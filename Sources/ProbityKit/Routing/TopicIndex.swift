import Foundation

/// The routing model's index over the topics: each topic is a document whose fields are its
/// title, its summary, its example phrasings and (weighted lower) the words of the clauses it
/// cites. It keeps BM25F weights (for the confidence), weighted counts for a language model
/// (for the order), and a classifier trained on the examples (also for the order).
/// Built once per process; a query touches only the postings of its own terms.
struct TopicIndex: Sendable {
    struct Entry: Sendable {
        var id: String
        var title: String
    }

    struct Posting: Sendable {
        var document: Int
        /// BM25F: the term's weighted, length-normalised frequency; language model: its weighted count.
        var weight: Double
    }

    let weights: RoutingWeights
    var entries: [Entry] = []
    /// Whether the index has a background class after the topics (document and class `entries.count`): the
    /// catalogue's questions that no topic answers. It is never ranked; a question closer to it than to the best
    /// topic loses confidence.
    var hasBackground = false
    /// Documents in the index: the topics, then the background class when there is one.
    var documentCount: Int { entries.count + (hasBackground ? 1 : 0) }
    var normaliser = TextNormaliser()
    /// Term id → postings over topics; empty for a term no topic contains.
    var postings: [[Posting]] = []
    var idf: [Double] = []
    /// The IDF of a term no topic contains: such a word still counts in the question's total.
    var unknownIDF: Double = 0
    /// Language model: term → (topic, weighted count); each topic's weighted length; background probabilities.
    var counts: [[Posting]] = []
    var topicLength: [Double] = []
    var background: [Double] = []
    var classifier: TopicClassifier?
    var vocabulary: FuzzyVocabulary
    /// A word of the topics (as written) → its terms, for misspellings corrected to it: the normaliser's own entry
    /// for it (no second dictionary to build at every start).
    func wordTerms(_ word: String) -> [Int]? {
        guard let entry = normaliser.known(word), !entry.isStop else { return nil }
        return entry.terms
    }
    /// Distilled word vectors, and the unit vector of each example phrasing (title, summary, examples, background
    /// questions), `dimensions` floats each, with the document it belongs to.
    var wordVectors: WordVectors?
    var exampleVectors: [Float] = []
    var exampleDocuments: [Int] = []

    /// An index read back from a snapshot: every field as it was built.
    init(
        weights: RoutingWeights, entries: [Entry], hasBackground: Bool, normaliser: TextNormaliser, postings: [[Posting]], idf: [Double],
        unknownIDF: Double, counts: [[Posting]], topicLength: [Double], background: [Double], classifier: TopicClassifier?,
        vocabulary: FuzzyVocabulary, wordVectors: WordVectors? = nil, exampleVectors: [Float] = [], exampleDocuments: [Int] = []
    ) {
        self.weights = weights
        self.wordVectors = wordVectors
        self.exampleVectors = exampleVectors
        self.exampleDocuments = exampleDocuments
        self.entries = entries
        self.hasBackground = hasBackground
        self.normaliser = normaliser
        self.postings = postings
        self.idf = idf
        self.unknownIDF = unknownIDF
        self.counts = counts
        self.topicLength = topicLength
        self.background = background
        self.classifier = classifier
        self.vocabulary = vocabulary
    }

    init(knowledge: KnowledgeBase, weights: RoutingWeights) {
        self.weights = weights
        var normaliser = TextNormaliser()
        let usePairs = weights.pairs > 0
        var conceptIDs: [Int: [Int]] = [:]  // term → its concepts, looked up once
        let useConcepts = weights.concepts > 0
        func terms(_ text: String) -> [Int] {
            var result: [Int] = []
            normaliser.appendTerms(of: text, to: &result)
            var extra: [Int] = []
            if useConcepts {
                for term in result {
                    if let known = conceptIDs[term] {
                        extra += known
                        continue
                    }
                    let ids = ConceptLexicon.concepts(forTerm: normaliser.term(term)).map { normaliser.intern($0) }
                    conceptIDs[term] = ids
                    extra += ids
                }
            }
            if usePairs, result.count > 1 {
                for i in 1..<result.count {
                    extra.append(normaliser.intern(Self.pair(normaliser.term(result[i - 1]), normaliser.term(result[i]))))
                }
            }
            return result + extra
        }

        let topics = knowledge.topics
        let fields: [(weight: Double, b: Double)] = [
            (weights.title, weights.titleLengthNormalisation), (weights.summary, weights.summaryLengthNormalisation),
            (weights.examples, weights.examplesLengthNormalisation), (weights.clauses, weights.clausesLengthNormalisation),
        ]
        var fieldTerms: [[[Int]]] = []  // topic → field → terms
        var trainingTexts: [([Int], Int, Double)] = []
        for (t, topic) in topics.enumerated() {
            // The topic's facts (questions, options and the phrases that state them): the catalogue's own words,
            // the same however many councils there are. No council's clauses: routing must not depend on them.
            let factTexts = topic.facts.map { fact in
                terms(([fact.prompt.member, fact.prompt.officer] + fact.options.flatMap { [$0.label] + $0.phrases }).joined(separator: " "))
            }
            let cited: [Int] = weights.clauses > 0 ? factTexts.flatMap { $0 } : []
            let title = terms(topic.title)
            let summary = terms(topic.summary)
            let examples = topic.examples.map { terms($0) }
            if weights.classifier > 0 {
                for text in [title, summary] + examples { trainingTexts.append((text, t, 1)) }
                if weights.classifierClauses > 0 {
                    for words in factTexts { trainingTexts.append((words, t, weights.classifierClauses)) }
                }
            }
            fieldTerms.append([title, summary, examples.flatMap { $0 }, cited])
            entries.append(Entry(id: topic.id, title: topic.title))
        }
        if weights.background > 0, !knowledge.background.isEmpty {
            // The background class: one more document (examples only) and one more class of the classifier.
            hasBackground = true
            let examples = knowledge.background.map { terms($0) }
            if weights.classifier > 0 {
                for text in examples { trainingTexts.append((text, topics.count, weights.backgroundTraining)) }
            }
            fieldTerms.append([[], [], examples.flatMap { $0 }, []])
        }

        if weights.vectors > 0, let vectors = knowledge.wordVectors {
            wordVectors = vectors
            for (t, topic) in topics.enumerated() {
                for text in [topic.title, topic.summary] + topic.examples {
                    guard let v = vectors.vector(text) else { continue }
                    exampleVectors += v
                    exampleDocuments.append(t)
                }
            }
            if hasBackground {
                for text in knowledge.background {
                    guard let v = vectors.vector(text) else { continue }
                    exampleVectors += v
                    exampleDocuments.append(topics.count)
                }
            }
        }

        let vocabularySize = normaliser.vocabulary.count
        let n = Double(max(fieldTerms.count, 1))
        let averageLength = fields.indices.map { f in max(1, Double(fieldTerms.map { $0[f].count }.reduce(0, +)) / n) }
        var postings = [[Posting]](repeating: [], count: vocabularySize)
        var documentFrequency = [Double](repeating: 0, count: vocabularySize)
        var weight = [Double](repeating: 0, count: vocabularySize)
        var primary = [Bool](repeating: false, count: vocabularySize)
        var touched: [Int] = []
        for (t, perField) in fieldTerms.enumerated() {
            for (f, field) in fields.enumerated() where field.weight > 0 {
                let length = Double(perField[f].count)
                let norm = 1 - field.b + field.b * length / averageLength[f]
                for term in perField[f] {
                    if weight[term] == 0 { touched.append(term) }
                    weight[term] += field.weight / norm
                    if f < 3 { primary[term] = true }
                }
            }
            for term in touched {
                postings[term].append(Posting(document: t, weight: weight[term]))
                documentFrequency[term] += primary[term] ? 1 : weights.clauseOnlyFrequency
                weight[term] = 0
                primary[term] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        idf = documentFrequency.map { $0 > 0 ? Self.idf(documentFrequency: $0, documents: n) : 0 }
        unknownIDF = Self.idf(documentFrequency: 0, documents: n)
        self.postings = postings

        // The language model's counts: field weights without length normalisation.
        var counts = [[Posting]](repeating: [], count: vocabularySize)
        var collection = [Double](repeating: 0, count: vocabularySize)
        for (t, perField) in fieldTerms.enumerated() {
            var length = 0.0
            for (f, field) in fields.enumerated() where field.weight > 0 {
                for term in perField[f] {
                    if weight[term] == 0 { touched.append(term) }
                    weight[term] += field.weight
                    length += field.weight
                }
            }
            for term in touched {
                counts[term].append(Posting(document: t, weight: weight[term]))
                collection[term] += weight[term]
                weight[term] = 0
            }
            touched.removeAll(keepingCapacity: true)
            topicLength.append(length)
        }
        let collectionLength = max(1, topicLength.reduce(0, +))
        background = collection.map { $0 / collectionLength }
        self.counts = counts

        if weights.classifier > 0 {
            let conceptWeight = weights.classifierConcepts
            let examples = trainingTexts.map { text, label, weight in
                TopicClassifier.Example(
                    features: Self.features(
                        Set(text), isConcept: { normaliser.term($0).hasPrefix("~") },
                        conceptWeight: conceptWeight), label: label, weight: weight)
            }
            classifier = TopicClassifier(
                examples: examples, classes: fieldTerms.count, features: vocabularySize,
                epochs: weights.classifierEpochs, rate: weights.classifierRate, l2: weights.classifierL2)
        }

        vocabulary = FuzzyVocabulary(words: normaliser.words.map(\.word))
        self.normaliser = normaliser
    }

    /// A text's features for the classifier: each distinct term once, concepts weighted, scaled to unit length.
    static func features(_ terms: Set<Int>, isConcept: (Int) -> Bool, conceptWeight: Double) -> [(Int, Double)] {
        let raw = terms.map { ($0, isConcept($0) ? conceptWeight : 1.0) }
        let norm = raw.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        return norm > 0 ? raw.map { ($0.0, $0.1 / norm) } : []
    }

    /// The term for two neighbouring words.
    static func pair(_ a: String, _ b: String) -> String { a + " " + b }

    static func idf(documentFrequency df: Double, documents n: Double) -> Double {
        log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The id of a term that some topic contains.
    func known(_ term: String) -> Int? {
        guard let id = normaliser.id(of: term), !postings[id].isEmpty else { return nil }
        return id
    }

    /// Each topic's score for a question. The best topic's score is its confidence: the share of
    /// the question's weight (idf) it explains, by BM25F. The order comes from the language model
    /// (or BM25F alone when that is off), and a runner-up's score is the best's scaled by its
    /// likelihood relative to the best, so a ratio between two scores says how close they are.
    /// With `weights.learned` the order and the confidence come from its two fitted models instead (`LearnedRouting`).
    /// With `secondStage` (`EncoderSecondStage`: every document's score in its order, nil when it cannot say), an
    /// unsure hand-set order (its first topic leading the second by less than `weights.secondStageMargin`) is
    /// replaced by the stage's: the same scores, given in its order (`permuted`).
    func scores(
        _ query: [QueryTerm], inScope: Bool = false, vector: [Float]? = nil, secondStage: ((RankingParts) -> [Double]?)? = nil,
        trace: ((String) -> Void)? = nil
    ) -> [Double] {
        let topics = entries.count
        guard let parts = parts(query, inScope: inScope, vector: vector) else { return [Double](repeating: 0, count: topics) }
        guard weights.languageModel > 0 else { return Array(parts.bm25.prefix(topics)) }
        if let learned = weights.learned { return learned.scores(parts, topics: topics, temperature: weights.temperature, shift: weights.learnedShift) }
        let lm = combined(parts)
        let matched = parts.matched
        let similarity = parts.similarity
        let confidence = parts.confidence
        guard let best = (0..<topics).filter({ matched[$0] }).max(by: { lm[$0] < lm[$1] }) else {
            return [Double](repeating: 0, count: topics)
        }
        let top = lm[best]
        var level = min(
            1,
            confidence[best] + (inScope ? weights.scopeBonus : 0)
                + (similarity.isEmpty || confidence[best] < weights.vectorConfidenceFrom
                    ? 0 : weights.vectorConfidence * max(0, similarity[best] - (hasBackground ? similarity[topics] : 0))))
        if let trace {
            let order = lm.indices.sorted { lm[$0] > lm[$1] }.prefix(4)
            trace(
                "confidence \(confidence[best]) in scope \(inScope); "
                    + order.map { t in
                        let name = t < topics ? entries[t].id : "(background)"
                        let sim = similarity.isEmpty ? "" : String(format: " similarity %.3f", similarity[t])
                        return String(format: "%@ %.2f%@", name, lm[t], sim)
                    }.joined(separator: ", "))
        }
        if hasBackground {
            // Closer to the questions no topic answers than to the best topic: less sure it is a topic at all.
            let gap = lm[topics] - top + weights.backgroundMargin
            if gap > 0 { level *= exp(-gap * weights.background) }
        }
        var scores = (0..<topics).map { t in
            matched[t] ? level * exp((lm[t] - top) / weights.temperature) : 0
        }
        if let secondStage, weights.secondStageMargin > 0 {
            let margin = weights.secondStageMargin
            let runnerUp = (0..<topics).filter { matched[$0] && $0 != best }.map { lm[$0] }.max()
            if let runnerUp, top - runnerUp < margin, let reordered = secondStage(parts) {
                trace?(String(format: "second stage: the lead %.2f is under %.2f, so the sentence encoder orders the topics", top - runnerUp, margin))
                scores = Self.permuted(scores, into: reordered, matched: matched)
            }
        }
        return scores
    }

    /// The same scores given to the topics in `order`'s order: the topic `order` ranks k-th gets the k-th highest
    /// score. Whether a question is answered, referred or offered a choice depends on the scores alone, so it stays
    /// as the hand-set order decided; only which topic is which changes.
    static func permuted(_ scores: [Double], into order: [Double], matched: [Bool]) -> [Double] {
        let topics = scores.indices.filter { matched[$0] }
        let values = topics.map { scores[$0] }.sorted(by: >)
        let ranked = topics.sorted { order[$0] != order[$1] ? order[$0] > order[$1] : $0 < $1 }
        var result = scores
        for (t, value) in zip(ranked, values) { result[t] = value }
        return result
    }

    /// The hand-set ranking: the language model, the classifier's log-probability and the vectors' similarity, mixed.
    func combined(_ parts: RankingParts) -> [Double] {
        var lm = parts.languageModel
        if !parts.classifier.isEmpty {
            let mix = weights.classifier
            for t in lm.indices { lm[t] = (1 - mix) * lm[t] + mix * parts.classifier[t] }
        }
        if !parts.similarity.isEmpty {
            for t in lm.indices { lm[t] += weights.vectors * parts.similarity[t] / weights.vectorTemperature }
        }
        return lm
    }

    /// The parts a question's ranking is made of, for every document (the topics, then the background); nil when the
    /// question has no weight at all.
    func parts(_ query: [QueryTerm], inScope: Bool, vector: [Float]?) -> RankingParts? {
        var confidenceTotal = 0.0
        var rankingTotal = 0.0
        var unknown = 0.0
        let documents = documentCount
        var confidence = [Double](repeating: 0, count: documents)
        var bm25 = [Double](repeating: 0, count: documents)
        for q in query {
            guard let id = q.id else {
                confidenceTotal += unknownIDF * q.confidenceWeight
                rankingTotal += unknownIDF * q.rankingWeight
                unknown += unknownIDF * q.confidenceWeight
                continue
            }
            confidenceTotal += idf[id] * q.confidenceWeight
            rankingTotal += idf[id] * q.rankingWeight
            for posting in postings[id] {
                let saturated = idf[id] * posting.weight / (weights.k1 + posting.weight)
                confidence[posting.document] += q.confidenceWeight * saturated
                bm25[posting.document] += q.rankingWeight * saturated
            }
        }
        guard confidenceTotal > 0, rankingTotal > 0 else { return nil }
        let denominator = weights.confidenceCap > 0 ? min(confidenceTotal, weights.confidenceCap) : confidenceTotal
        for t in confidence.indices {
            confidence[t] /= denominator
            bm25[t] /= rankingTotal
        }
        var parts = RankingParts(
            confidence: confidence, bm25: bm25, languageModel: [], classifier: [], similarity: [],
            matched: [Bool](repeating: false, count: documents), inScope: inScope, unknownShare: unknown / confidenceTotal,
            weight: confidenceTotal)
        guard weights.languageModel > 0 else { return parts }

        let mu = weights.languageModel
        var lm = [Double](repeating: 0, count: documents)
        var known = 0.0
        for q in query {
            guard let id = q.id, background[id] > 0 else { continue }
            known += q.rankingWeight
            for posting in counts[id] {
                lm[posting.document] += q.rankingWeight * log(1 + posting.weight / (mu * background[id]))
                parts.matched[posting.document] = true
            }
        }
        for t in lm.indices { lm[t] += known * log(mu / (topicLength[t] + mu)) }
        parts.languageModel = lm
        if let classifier, weights.classifier > 0 {
            var present = Set<Int>()
            for q in query { if let id = q.id, id < classifier.features, q.confidenceWeight > 0 { present.insert(id) } }
            let x = Self.features(present, isConcept: { normaliser.term($0).hasPrefix("~") }, conceptWeight: weights.classifierConcepts)
            let p = classifier.probabilities(x)
            parts.classifier = p.map { log(max($0, 1e-12)) }
            for t in lm.indices { parts.matched[t] = parts.matched[t] || p[t] > 0.05 }
        }
        if let vector, !exampleDocuments.isEmpty, weights.vectors > 0 {
            // Each document's similarity: the mean cosine of its `vectorNeighbours` nearest examples.
            parts.similarity = nearest(vector, documents: documents)
            for t in lm.indices { parts.matched[t] = true }
        }
        return parts
    }

    /// Each document's similarity to a question's unit vector: the mean of the cosines of its nearest examples.
    func nearest(_ vector: [Float], documents: Int) -> [Double] {
        let d = vector.count
        var best = [[Float]](repeating: [], count: documents)
        let k = max(1, weights.vectorNeighbours)
        exampleVectors.withUnsafeBufferPointer { e in
            for (j, document) in exampleDocuments.enumerated() {
                var dot: Float = 0
                let base = j * d
                for i in 0..<d { dot += vector[i] * e[base + i] }
                if best[document].count < k {
                    best[document].append(dot)
                } else if let m = best[document].indices.min(by: { best[document][$0] < best[document][$1] }), best[document][m] < dot {
                    best[document][m] = dot
                }
            }
        }
        return best.map { $0.isEmpty ? 0 : Double($0.reduce(0, +)) / Double($0.count) }
    }

    /// How each query term contributes to one topic's confidence, for explaining a ranking.
    func contributions(_ query: [QueryTerm], topic: Int) -> [(term: String, share: Double)] {
        let total = query.reduce(0.0) { $0 + ($1.id.map { idf[$0] } ?? unknownIDF) * $1.confidenceWeight }
        guard total > 0 else { return [] }
        return query.map { q in
            guard let id = q.id else { return ("?", 0) }
            let posting = postings[id].first { $0.document == topic }
            let share = posting.map { q.confidenceWeight * idf[id] * $0.weight / (weights.k1 + $0.weight) / total } ?? 0
            return (normaliser.term(id), share)
        }
    }
}

/// A term of a question: its id in the topic index (nil: no topic has it), how much it counts
/// in the ranking, and how much towards the confidence.
struct QueryTerm: Sendable {
    var id: Int?
    var rankingWeight: Double
    var confidenceWeight: Double
}
