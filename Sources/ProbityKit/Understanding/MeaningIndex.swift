import Foundation

/// The vector of every phrase (and label) of a set of facts' options, built from the catalogue's word vectors the first
/// time a message is read against those facts, and shared by every copy of the knowledge (like `PhraseIndex`).
final class MeaningIndex: @unchecked Sendable {
    /// One phrase of one option, as a unit vector.
    struct Entry {
        var fact: Int
        var option: Int
        /// The phrase as the catalogue writes it (a label is written as its own text).
        var phrase: String
        /// The phrase says "not", "no" …: it only meets a clause that is negated too.
        var negated: Bool
        /// Its words that carry meaning (a weight in the vectors), as indices into `Table.words`.
        var words: Range<Int>
    }

    /// The phrases of a set of facts: entries, and their vectors one after another (`dimensions` floats each).
    struct Table {
        var facts: [Fact]
        var entries: [Entry]
        var vectors: [Float]
        /// The unit vector of each word of meaning of every phrase, one after another.
        var words: [Float] = []
        var dimensions: Int

        func vector(_ i: Int) -> ArraySlice<Float> { vectors[i * dimensions..<(i + 1) * dimensions] }
    }

    /// A phrase needs this many words of meaning: one word alone ("take", "agree") says too little to be heard by meaning.
    static let minimumWords = 2

    /// The unit vectors of the distinct words of `words` that carry meaning.
    static func wordVectors(_ words: [String], vectors: WordVectors) -> [[Float]] {
        var seen = Set<String>()
        return words.compactMap { word in seen.insert(word).inserted ? vectors.vector(word) : nil }
    }

    private let memo = FactSetMemo<Table>()

    /// The table of `facts` (a topic's facts and the shared ones) in `vectors`.
    func table(for facts: [Fact], vectors: WordVectors) -> Table {
        memo.value(for: facts) { Self.build(facts, vectors: vectors) }
    }

    static func build(_ facts: [Fact], vectors: WordVectors) -> Table {
        var table = Table(facts: facts, entries: [], vectors: [], dimensions: vectors.dimensions)
        for (f, fact) in facts.enumerated() {
            for (o, option) in fact.options.enumerated() {
                for phrase in [option.label] + option.phrases {
                    // `*` and a length of time (`#wd:11+`) carry no meaning of their own.
                    let words = PhraseMatcher.words(phrase).filter { $0 != "*" && $0 != "wd" }
                    let meaningful = wordVectors(words, vectors: vectors)
                    guard meaningful.count >= minimumWords, let vector = vectors.vector(words.joined(separator: " ")) else { continue }
                    let negated = words.contains { ClauseSplitter.negations.contains($0) }
                    let start = table.words.count / vectors.dimensions
                    table.words += meaningful.flatMap { $0 }
                    table.entries.append(Entry(fact: f, option: o, phrase: phrase, negated: negated, words: start..<start + meaningful.count))
                    table.vectors += vector
                }
            }
        }
        return table
    }
}
