import Foundation

/// A BM25F index over the topics: each topic is a document whose fields are its title, its
/// summary, its example phrasings and (weighted lower) the words of the clauses it cites.
/// Built once per process; a query touches only the postings of its own terms.
struct TopicIndex: Sendable {
    struct Entry: Sendable {
        var id: String
        var title: String
    }

    struct Posting: Sendable {
        var topic: Int
        /// The term's weighted, length-normalised frequency across the topic's fields.
        var weight: Double
    }

    /// How much each field counts, and how much its length is normalised (BM25F's w and b).
    struct Field: Sendable {
        var weight: Double
        var lengthNormalisation: Double
    }

    static let title = Field(weight: 3.0, lengthNormalisation: 0.0)
    static let summary = Field(weight: 1.5, lengthNormalisation: 0.3)
    static let examples = Field(weight: 1.0, lengthNormalisation: 0.5)
    static let clauses = Field(weight: 0.2, lengthNormalisation: 0.75)
    /// A term found only in a topic's clauses counts this much towards its document frequency.
    static let clauseOnlyFrequency = 0.25
    static let k1 = 1.2

    var entries: [Entry] = []
    var postings: [String: [Posting]] = [:]
    var idf: [String: Double] = [:]
    /// The IDF of a term no topic contains: such a word still counts in the question's total.
    var unknownIDF: Double = 0
    var vocabulary: FuzzyVocabulary
    /// A misspelling's correction → its terms.
    var surfaceTerms: [String: [String]] = [:]

    init(knowledge: KnowledgeBase) {
        var normaliser = TextNormaliser()
        var surface: [String: [String]] = [:]
        func terms(_ text: String) -> [String] {
            var result: [String] = []
            for token in normaliser.analyse(text) where !token.isStop {
                result += token.terms
                if surface[token.token.word] == nil { surface[token.token.word] = token.terms }
            }
            return result
        }

        let topics = knowledge.topics
        let fields = [Self.title, Self.summary, Self.examples, Self.clauses]
        var fieldTerms: [[[String]]] = []  // topic → field → terms
        for topic in topics {
            let clauseText = topic.citations.compactMap { knowledge.clause(for: $0) }
                .map { $0.heading + " " + $0.text }
            fieldTerms.append([
                terms(topic.title),
                terms(topic.summary),
                topic.examples.flatMap { terms($0) },
                clauseText.flatMap { terms($0) },
            ])
            entries.append(Entry(id: topic.id, title: topic.title))
        }
        let n = Double(max(topics.count, 1))
        let averageLength = fields.indices.map { f in
            max(1, Double(fieldTerms.map { $0[f].count }.reduce(0, +)) / n)
        }
        var documentFrequency: [String: Double] = [:]
        for (t, perField) in fieldTerms.enumerated() {
            var weighted: [String: Double] = [:]
            for (f, field) in fields.enumerated() {
                let length = Double(perField[f].count)
                let norm = 1 - field.lengthNormalisation + field.lengthNormalisation * length / averageLength[f]
                for term in perField[f] { weighted[term, default: 0] += field.weight / norm }
            }
            let primary = Set(perField[0] + perField[1] + perField[2])
            for (term, weight) in weighted {
                postings[term, default: []].append(Posting(topic: t, weight: weight))
                documentFrequency[term, default: 0] += primary.contains(term) ? 1 : Self.clauseOnlyFrequency
            }
        }
        for (term, df) in documentFrequency {
            idf[term] = Self.idf(documentFrequency: df, documents: n)
        }
        unknownIDF = Self.idf(documentFrequency: 0, documents: n)
        vocabulary = FuzzyVocabulary(words: surface.keys.sorted())
        surfaceTerms = surface
    }

    static func idf(documentFrequency df: Double, documents n: Double) -> Double {
        log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
