/// One clause found by a search, with a snippet of its words marking what matched.
public struct SearchHit: Sendable {
    /// The council version the clause was found in (the current one).
    public var council: Council
    public var clause: Clause
    public var score: Double
    public var snippet: Snippet
    /// The share (0…1) of the query's weight that the clause contains: how much of the question it speaks to.
    public var coverage: Double = 0

    public var councilID: String { council.id }
    public var councilName: String { council.name }
    public var councilShortName: String { council.shortName }
    public var version: String { council.version }

    /// The hit as a clause to quote, labelled with its council.
    public var quoted: QuotedClause { QuotedClause(council: council, clause: clause) }
}

/// An excerpt of a clause as parts: plain text, and the words that matched the search.
/// Callers dress the matches: bold on a terminal, `[[marked]]` in plain text.
public struct Snippet: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool
        public init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The words that matched, in order, each once (case as written in the clause).
    public var matchedWords: [String] {
        var seen = Set<String>()
        return parts.filter(\.isMatch).map(\.text).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The snippet's text without marks.
    public var text: String { parts.map(\.text).joined() }

    /// The snippet with each match between the markers: `… no “[[blind]]” [[copies]].`
    public func marked(open: String = "[[", close: String = "]]") -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}
