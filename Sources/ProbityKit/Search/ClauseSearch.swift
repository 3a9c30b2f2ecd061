import Foundation

/// Ranked search over the clauses of every council's current protocol: BM25 with the same
/// normalisation as routing (spelling, synonyms, stemming), misspellings corrected, phrases
/// (quoted or hyphenated) required, and a bonus where the words appear together as typed.
public struct ClauseSearch: Sendable {
    private let index: ClauseIndex

    /// A correction of a misspelt word counts this much.
    static let correctionWeight = 0.8
    /// Where the unquoted words appear together in order, the clause earns this share again of their weight.
    static let proximityBonus = 1.0
    /// Across councils, each further hit from the same council is ranked as if its score were
    /// multiplied by this again, so that every council's best clauses come before one council's tenth.
    static let sameCouncilDecay = 0.85
    /// The words of an equivalent phrase count this much on their own.
    static let alternativeWeight = 0.3

    public init(knowledge: KnowledgeBase) {
        index = ClauseIndex(knowledge: knowledge)
    }

    /// The clauses best matching `query`, best first. `council` (an id) limits the search to one council.
    public func search(_ query: String, council: String? = nil, limit: Int = 10) -> [SearchHit] {
        search(SearchQuery(query), council: council, limit: limit)
    }

    public func search(_ query: SearchQuery, council: String? = nil, limit: Int = 10) -> [SearchHit] {
        guard !query.isEmpty, limit > 0 else { return [] }
        let councilFilter = council.flatMap { id in index.councils.firstIndex { $0.id == id } }
        if council != nil && councilFilter == nil { return [] }

        // Terms and their weights: loose words (corrected where unknown), then the phrases' words.
        var weights: [Int: Double] = [:]
        var unknownWords = 0
        for (word, terms) in query.looseWords {
            let ids = terms.map { index.ranking($0) }
            if ids.allSatisfy({ $0 != nil }) {
                for id in ids.compactMap({ $0 }) { weights[id] = 1 }
            } else if let correction = index.vocabulary.correction(for: SpellingVariants.fold(word)),
                let corrected = index.wordTerms[correction]
            {
                for id in corrected where weights[id] == nil { weights[id] = Self.correctionWeight }
            } else {
                for id in ids.compactMap({ $0 }) { weights[id] = 1 }
                if ids.allSatisfy({ $0 == nil }) { unknownWords += 1 }
            }
        }
        var phrases: [[Int]] = []
        for phrase in query.phrases {
            let ids = phrase.terms.compactMap { index.id(of: $0) }
            guard ids.count == phrase.terms.count else { return [] }  // a word no clause has: nothing can match
            phrases.append(ids)
            for term in phrase.rankingTerms { if let id = index.ranking(term) { weights[id] = 1 } }
        }

        // Equivalent phrases: their words make a clause a candidate; the phrase itself earns the bonus.
        var alternatives: [[Int]] = []
        for phrase in query.alternatives {
            let ids = phrase.compactMap { index.id(of: $0) }
            guard ids.count == phrase.count else { continue }
            alternatives.append(ids)
            for term in phrase { if let id = index.ranking(term), weights[id] == nil { weights[id] = Self.alternativeWeight } }
        }

        var scores: [Int: Double] = [:]
        // Coverage: the share of the question's weight (each term's weight × idf; a word no clause has counts as the
        // rarest term) that a clause contains, whatever its length. Comparable across questions, unlike the score.
        var covered: [Int: Double] = [:]
        let maximumIDF = index.idf.max() ?? 1
        let queryWeight = weights.reduce(0) { $0 + $1.value * index.idf[$1.key] } + Double(unknownWords) * maximumIDF
        for (term, weight) in weights {
            let idf = index.idf[term]
            for posting in index.postings[term] {
                covered[posting.document, default: 0] += weight * idf
                if let only = councilFilter, index.documents[posting.document].council != only { continue }
                let length = Double(index.documents[posting.document].length)
                let norm = ClauseIndex.k1 * (1 - ClauseIndex.b + ClauseIndex.b * length / index.averageLength)
                let f = posting.frequency
                scores[posting.document, default: 0] += weight * idf * f * (ClauseIndex.k1 + 1) / (f + norm)
            }
        }

        // Every phrase must be present; the loose words together, in order, earn a bonus.
        let looseIDs = query.looseSequence.map { index.id(of: $0) }
        let rankingLoose = query.looseTerms.compactMap { index.ranking($0) }
        let bonusPhrase = rankingLoose.count >= 2 && looseIDs.allSatisfy({ $0 != nil }) ? looseIDs.compactMap { $0 } : []
        let bonusWeight = rankingLoose.reduce(0) { $0 + index.idf[$1] } * Self.proximityBonus
        var hits: [(document: Int, score: Double, phraseStarts: [(Int, Int)])] = []
        for (document, score) in scores {
            var starts: [(Int, Int)] = []
            var missing = false
            for phrase in phrases {
                let found = index.occurrences(of: phrase, in: document)
                if found.isEmpty {
                    missing = true
                    break
                }
                starts += found.map { ($0, phrase.count) }
            }
            if missing { continue }
            var total = score
            var together = false
            for phrase in (bonusPhrase.isEmpty ? [] : [bonusPhrase]) + alternatives {
                let found = index.occurrences(of: phrase, in: document)
                if !found.isEmpty {
                    together = true
                    starts += found.map { ($0, phrase.count) }
                }
            }
            if together { total += bonusWeight }
            hits.append((document, total, starts))
        }
        hits.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let da = index.documents[a.document]
            let db = index.documents[b.document]
            if da.council != db.council { return index.councils[da.council].name < index.councils[db.council].name }
            return a.document < b.document
        }
        if councilFilter == nil { hits = Self.diversified(hits) { index.documents[$0].council } }
        let matchTerms = Set(weights.keys)
        return hits.prefix(limit).map { hit in
            let document = index.documents[hit.document]
            let council = index.councils[document.council]
            let snippet = SnippetBuilder.snippet(for: document, matching: matchTerms, phraseStarts: hit.phraseStarts)
            return SearchHit(
                council: council, clause: document.clause, score: (hit.score * 1000).rounded() / 1000,
                snippet: snippet, coverage: queryWeight > 0 ? (covered[hit.document] ?? 0) / queryWeight : 0)
        }
    }

    /// Hits sorted by score, reordered so that one council's many hits do not push the others out.
    static func diversified<Hit>(
        _ sorted: [(document: Int, score: Double, phraseStarts: Hit)],
        council: (Int) -> Int
    ) -> [(document: Int, score: Double, phraseStarts: Hit)] {
        var seen: [Int: Int] = [:]
        var ranked: [(hit: (document: Int, score: Double, phraseStarts: Hit), adjusted: Double, order: Int)] = []
        for (order, hit) in sorted.enumerated() {
            let c = council(hit.document)
            let n = seen[c, default: 0]
            seen[c] = n + 1
            ranked.append((hit, hit.score * pow(sameCouncilDecay, Double(n)), order))
        }
        ranked.sort { $0.adjusted != $1.adjusted ? $0.adjusted > $1.adjusted : $0.order < $1.order }
        return ranked.map(\.hit)
    }
}
