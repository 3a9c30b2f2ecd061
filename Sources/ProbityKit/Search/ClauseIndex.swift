import Foundation

/// A BM25 index over every clause of every council's current protocol, keeping each clause's
/// normalised words in order for phrase matching and snippets.
struct ClauseIndex: Sendable {
    struct Document: Sendable {
        var council: Int
        var clause: Clause
        var tokens: [NormalisedToken]
        /// Every term of the text in order (stop words included), and the token each came from.
        var sequence: [Int]
        var sequenceToken: [Int]
        /// Ranking terms in the text: the length BM25 normalises by.
        var length: Int
    }

    struct Posting: Sendable {
        var document: Int
        var frequency: Double
    }

    static let k1 = 1.2
    static let b = 0.75
    /// A heading's words count this much against a word of the clause itself (headings are shared by sections).
    static let headingWeight = 0.5

    var councils: [Council] = []
    var documents: [Document] = []
    var normaliser = TextNormaliser()
    /// Term id → postings; empty for stop words.
    var postings: [[Posting]] = []
    var idf: [Double] = []
    var averageLength = 1.0
    var vocabulary: FuzzyVocabulary
    var wordTerms: [String: [Int]] = [:]

    init(knowledge: KnowledgeBase) {
        var normaliser = TextNormaliser()
        var headingTerms: [String: [Int]] = [:]
        var frequencies: [[(Int, Double)]] = []
        councils = knowledge.councils
        var frequency: [Int: Double] = [:]
        for (c, council) in councils.enumerated() {
            for clause in council.clauses {
                let tokens = normaliser.analyse(clause.text)
                var sequence: [Int] = []
                var owner: [Int] = []
                var length = 0
                frequency.removeAll(keepingCapacity: true)
                for (t, token) in tokens.enumerated() {
                    for term in token.terms {
                        sequence.append(term)
                        owner.append(t)
                        if !token.isStop {
                            frequency[term, default: 0] += 1
                            length += 1
                        }
                    }
                }
                if headingTerms[clause.heading] == nil {
                    headingTerms[clause.heading] = normaliser.analyse(clause.heading).filter { !$0.isStop }.flatMap(\.terms)
                }
                for term in headingTerms[clause.heading] ?? [] { frequency[term, default: 0] += Self.headingWeight }
                frequencies.append(frequency.map { ($0.key, $0.value) })
                documents.append(
                    Document(
                        council: c, clause: clause, tokens: tokens, sequence: sequence,
                        sequenceToken: owner, length: length))
            }
        }
        var postings = [[Posting]](repeating: [], count: normaliser.vocabulary.count)
        for (d, list) in frequencies.enumerated() {
            for (term, f) in list { postings[term].append(Posting(document: d, frequency: f)) }
        }
        let n = Double(max(documents.count, 1))
        averageLength = max(1, Double(documents.map(\.length).reduce(0, +)) / n)
        idf = postings.map { list in
            let df = Double(list.count)
            return df > 0 ? log(1 + (n - df + 0.5) / (df + 0.5)) : 0
        }
        self.postings = postings
        let words = normaliser.words
        wordTerms = Dictionary(words.map { ($0.word, $0.terms) }, uniquingKeysWith: { a, _ in a })
        vocabulary = FuzzyVocabulary(words: words.map(\.word))
        self.normaliser = normaliser
    }

    /// The id of a term some clause contains (stop words included, for phrases).
    func id(of term: String) -> Int? { normaliser.id(of: term) }

    /// The id of a term that ranks: some clause or heading contains it and it is not a stop word.
    func ranking(_ term: String) -> Int? {
        guard let id = normaliser.id(of: term), !postings[id].isEmpty else { return nil }
        return id
    }

    /// Positions in `document`'s sequence where `phrase` starts.
    func occurrences(of phrase: [Int], in document: Int) -> [Int] {
        let sequence = documents[document].sequence
        guard !phrase.isEmpty, sequence.count >= phrase.count else { return [] }
        var found: [Int] = []
        outer: for start in 0...(sequence.count - phrase.count) where sequence[start] == phrase[0] {
            for k in 1..<phrase.count where sequence[start + k] != phrase[k] { continue outer }
            found.append(start)
        }
        return found
    }
}
