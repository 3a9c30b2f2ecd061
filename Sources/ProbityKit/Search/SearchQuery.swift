/// A search as typed: loose words, and phrases that must appear as written, either quoted
/// (`"need to know"`) or hyphenated (`non-members`, `pre-election`).
public struct SearchQuery: Sendable, Equatable {
    /// A phrase's terms in order, stop words included (they must match too).
    public struct Phrase: Sendable, Equatable {
        public var terms: [String]
        public var text: String
    }

    /// Ranking terms of the words outside phrases, without stop words, each once.
    public var looseTerms: [String]
    /// The loose words' full term sequence (stop words included), for a proximity bonus.
    public var looseSequence: [String]
    /// The surface words of the loose terms, for correcting misspellings.
    public var looseWords: [(word: String, terms: [String])]
    public var phrases: [Phrase]
    /// Phrases equivalent to the loose words (`reasonably necessary` for `need to know`): a
    /// clause using one earns the same bonus as one using the words together.
    public var alternatives: [[String]]

    public static func == (a: SearchQuery, b: SearchQuery) -> Bool {
        a.looseTerms == b.looseTerms && a.looseSequence == b.looseSequence && a.phrases == b.phrases
            && a.alternatives == b.alternatives
    }

    public var isEmpty: Bool { looseTerms.isEmpty && phrases.isEmpty }

    /// Every ranking term, loose and phrase, each once.
    public var allTerms: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for term in looseTerms + phrases.flatMap({ $0.rankingTerms }) where seen.insert(term).inserted { result.append(term) }
        return result
    }

    public init(_ text: String) {
        var loose: [String] = []
        var sequence: [String] = []
        var words: [(String, [String])] = []
        var phrases: [Phrase] = []
        for (segment, quoted) in Self.segments(text) {
            let tokens = TextNormaliser.analyse(segment)
            if quoted {
                let terms = tokens.flatMap(\.terms)
                if !terms.isEmpty { phrases.append(Phrase(terms: terms, text: segment.trimmingWhitespace())) }
                continue
            }
            // A run of hyphen-joined words is a phrase; other words are loose.
            var i = 0
            while i < tokens.count {
                var j = i + 1
                while j < tokens.count, tokens[j].token.hyphenatedToPrevious { j += 1 }
                let run = tokens[i..<j]
                if run.count > 1 {
                    let text = run.map(\.token.word).joined(separator: "-")
                    phrases.append(Phrase(terms: run.flatMap(\.terms), text: text))
                } else if let token = run.first {
                    sequence += token.terms
                    if !token.isStop {
                        loose += token.terms
                        words.append((token.token.word, token.terms))
                    }
                }
                i = j
            }
        }
        var seen = Set<String>()
        looseTerms = loose.filter { seen.insert($0).inserted }
        looseSequence = sequence
        looseWords = words
        self.phrases = phrases
        alternatives = PhraseSynonyms.alternatives(in: sequence)
    }

    /// The text cut at double quotes (straight or curly): (segment, inside quotes).
    static func segments(_ text: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        var current = ""
        var quoted = false
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" {
                if !current.isEmpty { result.append((current, quoted)) }
                current = ""
                quoted.toggle()
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append((current, quoted)) }
        return result
    }
}

extension SearchQuery.Phrase {
    /// The phrase's terms that rank (stop words cannot: they are in nearly every clause).
    var rankingTerms: [String] { terms.filter { !StopWords.contains($0) } }
}
