/// How one clause of a message fares against one fact: the option whose phrases it is nearest in meaning, how near,
/// and how near the fact's other options come.
struct MeaningCandidate: Equatable {
    var fact: Int
    var option: Int
    var clause: Int
    /// How near the clause comes to the option's nearest phrase of the same polarity (both negated, or neither): the
    /// lesser of the cosine of their vectors and how well the clause covers the phrase's words (see `MeaningMatcher`).
    var score: Float
    /// The entry (in the table) of that nearest phrase.
    var phrase: Int
    /// The nearest any other option of the fact comes with a phrase of the same polarity.
    var runnerUp: Float
    /// The nearest any other option comes with any phrase, negated or not ("no shares in the firm" against
    /// "shares in the firm").
    var runnerUpEitherPolarity: Float
}

/// When a clause's nearest option is taken: near enough, and clearly nearer than the fact's other options.
public struct MeaningThresholds: Sendable, Equatable {
    /// The least cosine of clause and phrase.
    public var similarity: Float
    /// How much nearer the option must be than the fact's next option.
    public var margin: Float
    /// The next option is measured with phrases of either polarity (stricter: a negated clause must also be clearly
    /// nearer its own option than the other option's plain phrases).
    public var eitherPolarity: Bool
    /// From this cosine of clause and phrase on, a phrase is as near as the clause covers its words; below it, the
    /// lesser of cosine and cover (1: always the lesser).
    public var coverFrom: Float

    public init(similarity: Float, margin: Float, eitherPolarity: Bool, coverFrom: Float = 1) {
        self.similarity = similarity
        self.margin = margin
        self.eitherPolarity = eitherPolarity
        self.coverFrom = coverFrom
    }

    /// Chosen on the development halves only (BENCHMARKS.md, "facts heard by meaning").
    public static let standard = MeaningThresholds(similarity: 0.9, margin: 0.08, eitherPolarity: true)

    func accepts(_ c: MeaningCandidate) -> Bool {
        c.score >= similarity && c.score - (eitherPolarity ? c.runnerUpEitherPolarity : c.runnerUp) >= margin
    }
}

/// Recognises options stated in words no phrase has: each clause of the message against each option's phrases. A clause
/// is near a phrase when both the cosine of their word-vector averages is high and every word of meaning of the phrase
/// has a near word in the clause (the same word, or a synonym by the vectors): "we were at uni together" is near "at
/// university together", "I am the portfolio holder" is not near "confidential from the portfolio holder". The phrase
/// matcher is the first, exact layer; this one is asked only about facts the phrases said nothing of.
enum MeaningMatcher {
    /// For each clause and each fact of `table` (except those in `skipping`), the nearest option.
    /// `excluding`: phrases to leave out (an evaluation that pretends the authors never wrote them).
    static func candidates(
        _ clauses: [MessageClause], vectors: WordVectors, table: MeaningIndex.Table, coverFrom: Float, skipping: Set<Int> = [],
        excluding: Set<String> = []
    ) -> [MeaningCandidate] {
        var out: [MeaningCandidate] = []
        let d = table.dimensions
        for (c, clause) in clauses.enumerated() {
            guard let v = vectors.vector(clause.text) else { continue }
            let clauseWords = MeaningIndex.wordVectors(clause.words, vectors: vectors)
            // Best same-polarity and any-polarity cosine of each option, fact by fact.
            var same: [[Float]] = table.facts.map { [Float](repeating: -1, count: $0.options.count) }
            var any = same
            var nearest: [[Int]] = table.facts.map { [Int](repeating: -1, count: $0.options.count) }
            table.vectors.withUnsafeBufferPointer { all in
                for (i, entry) in table.entries.enumerated() where !skipping.contains(entry.fact) {
                    if !excluding.isEmpty, excluding.contains(entry.phrase) { continue }
                    var dot: Float = 0
                    let base = i * d
                    for k in 0..<d { dot += v[k] * all[base + k] }
                    // Only a phrase already near enough is checked word by word (the least threshold worth measuring).
                    if dot > coverageFloor {
                        let cover = coverage(of: entry.words, in: table, by: clauseWords)
                        dot = dot >= coverFrom ? cover : min(dot, cover)
                    }
                    if dot > any[entry.fact][entry.option] { any[entry.fact][entry.option] = dot }
                    if entry.negated == clause.negated, dot > same[entry.fact][entry.option] {
                        same[entry.fact][entry.option] = dot
                        nearest[entry.fact][entry.option] = i
                    }
                }
            }
            for f in table.facts.indices where !skipping.contains(f) {
                guard let best = same[f].indices.max(by: { same[f][$0] < same[f][$1] }), same[f][best] > -1 else { continue }
                let others = same[f].indices.filter { $0 != best }
                out.append(
                    MeaningCandidate(
                        fact: f, option: best, clause: c, score: same[f][best], phrase: nearest[f][best],
                        runnerUp: others.map { same[f][$0] }.max() ?? -1,
                        runnerUpEitherPolarity: others.map { any[f][$0] }.max() ?? -1))
            }
        }
        return out
    }

    /// Below this cosine a phrase is not near whatever its words.
    static let coverageFloor: Float = 0.5

    /// How well `clause` (its words' unit vectors) says every word of a phrase: for each of the phrase's words, the
    /// cosine of the nearest word of the clause; the least of those.
    static func coverage(of words: Range<Int>, in table: MeaningIndex.Table, by clause: [[Float]]) -> Float {
        let d = table.dimensions
        var least: Float = 1
        for w in words {
            var best: Float = -1
            for word in clause {
                var dot: Float = 0
                for k in 0..<d { dot += word[k] * table.words[w * d + k] }
                best = max(best, dot)
            }
            least = min(least, best)
        }
        return least
    }

    /// The options taken, fact by fact (indices into `table.facts` and their options): every clause that clears the
    /// thresholds; a fact that takes one answer is left alone when clauses disagree.
    static func taken(_ candidates: [MeaningCandidate], table: MeaningIndex.Table, thresholds: MeaningThresholds) -> [(fact: Int, options: [Int])] {
        var chosen: [Int: [Int]] = [:]
        for c in candidates where thresholds.accepts(c) && !(chosen[c.fact]?.contains(c.option) ?? false) {
            chosen[c.fact, default: []].append(c.option)
        }
        return chosen.keys.sorted().compactMap { f in
            let options = chosen[f]!.sorted()
            return table.facts[f].multiple || options.count == 1 ? (f, options) : nil
        }
    }
}
