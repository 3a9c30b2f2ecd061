/// One clause of a message, in the matcher's words (lower case, contractions expanded), and whether it is negated.
struct MessageClause: Equatable {
    var words: [String]
    /// The clause says "not", "no one", "never" …: it can only state an option whose phrase is negated as well.
    var negated: Bool
    var text: String { words.joined(separator: " ") }
}

/// Splits what a user typed into clauses, each of which may state one fact: at punctuation, and before words that
/// start another clause ("and", "but", "because" …), so that "I'm not on the committee but I'd like the report"
/// is two clauses, only the first negated.
enum ClauseSplitter {
    static func clauses(_ text: String) -> [MessageClause] {
        var out: [MessageClause] = []
        for piece in pieces(text) {
            var current: [String] = []
            for word in PhraseMatcher.words(String(piece)) {
                if breaks.contains(word), !current.isEmpty {
                    out.append(clause(current))
                    current = []
                }
                current.append(word)
            }
            if !current.isEmpty { out.append(clause(current)) }
        }
        return out.filter { $0.words.count >= minimumWords }
    }

    /// A clause needs this many words to mean anything on its own ("and so", "yes" do not).
    static let minimumWords = 2

    private static func clause(_ words: [String]) -> MessageClause {
        MessageClause(words: words, negated: words.contains { negations.contains($0) })
    }

    /// The text between punctuation that ends a clause.
    private static func pieces(_ text: String) -> [Substring] {
        text.split(whereSeparator: { punctuation.contains($0) })
    }

    private static let punctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "(", ")", "–", "—", "\n"]

    /// Words before which a new clause starts.
    static let breaks: Set<String> = FactExtractor.clauseStarts.union(["which", "who", "whose", "if", "unless", "since", "as", "or", "then"])

    /// Words that negate a clause: the phrase matcher's, and words that carry "no" inside them.
    static let negations: Set<String> = PhraseMatcher.negations.union(["nowhere", "noone"])
}
