/// The second layer of hearing facts: options stated in words no phrase has, recognised by meaning (the catalogue's
/// word vectors), taken only when one option is clearly the nearest. See `MeaningMatcher`.
struct MeaningLayer: Sendable {
    var vectors: WordVectors
    var index: MeaningIndex
    var thresholds: MeaningThresholds = .standard

    /// The facts `text` states by meaning, among `facts`, leaving alone those whose keys are in `skipping`.
    func facts(in text: String, among facts: [Fact], skipping: Set<String>) -> [LearntFact] {
        let clauses = ClauseSplitter.clauses(text)
        guard !clauses.isEmpty else { return [] }
        let table = index.table(for: facts, vectors: vectors)
        let skipped = Set(facts.indices.filter { skipping.contains(facts[$0].key) })
        let candidates = MeaningMatcher.candidates(clauses, vectors: vectors, table: table, coverFrom: thresholds.coverFrom, skipping: skipped)
        return MeaningMatcher.taken(candidates, table: table, thresholds: thresholds).map { taken in
            let fact = table.facts[taken.fact]
            return LearntFact(fact: fact, options: taken.options.map { fact.options[$0] })
        }
    }
}

extension KnowledgeBase {
    /// The meaning layer of this knowledge, when it ships word vectors and hears by meaning.
    var meaningLayer: MeaningLayer? {
        guard let thresholds = factMeaning, let vectors = wordVectors else { return nil }  // the setting first: reading the vectors is not free
        return MeaningLayer(vectors: vectors, index: meanings, thresholds: thresholds)
    }
}
