/// One word of a text with the terms it stands for after normalisation, as ids in the
/// vocabulary of the `TextNormaliser` that read it.
public struct NormalisedToken: Sendable, Equatable {
    public var token: WordToken
    /// Usually one term; an abbreviation may stand for several (`bcc` → `blind`, `copi`).
    public var terms: [Int]
    /// A stop word: kept for phrase matching, not used to rank.
    public var isStop: Bool
}

/// The text normalisation that routing and search share: lowercase words without punctuation,
/// American spellings folded to British, synonyms folded to one term (councillor/member,
/// staff/officer, press/journalist/media, group/party), then Porter stemming.
///
/// A normaliser remembers every word it has seen and numbers every term, so that indexing
/// thousands of clauses hashes each word once and the indexes work with integers.
public struct TextNormaliser: Sendable {
    struct Entry: Sendable {
        var terms: [Int]
        var isStop: Bool
    }

    /// The words read since this normaliser was made (or read back), with their terms.
    private var cache: [String: Entry] = [:]
    /// Term id → term.
    public internal(set) var vocabulary: [String] = []
    /// Term → id, for the terms numbered since (all of them, for a normaliser built here).
    private var ids: [String: Int] = [:]
    /// What a router snapshot read back had read, in sorted tables looked up by binary search: no dictionary is
    /// hashed full of words at every start for the handful a question looks up.
    private var snapshot: SnapshotTables?

    struct SnapshotTables: Sendable {
        /// Every word read, sorted, with its entry.
        var words: [String]
        var entries: [Entry]
        /// Term ids in the order of their terms, sorted.
        var sortedTermIDs: [Int]
    }

    public init() {}

    /// A normaliser that has already read these words (a router snapshot read back): `words` sorted, and the ids
    /// of `vocabulary` in the order of their terms, sorted (checked by the caller).
    init(vocabulary: [String], words: [String], entries: [Entry], sortedTermIDs: [Int]) {
        self.vocabulary = vocabulary
        snapshot = SnapshotTables(words: words, entries: entries, sortedTermIDs: sortedTermIDs)
    }

    /// The id of a term, if this normaliser has seen it.
    public func id(of term: String) -> Int? {
        if let id = ids[term] { return id }
        guard let snapshot else { return nil }
        let i = Self.lowerBound(of: term, count: snapshot.sortedTermIDs.count) { vocabulary[snapshot.sortedTermIDs[$0]] }
        return i < snapshot.sortedTermIDs.count && vocabulary[snapshot.sortedTermIDs[i]] == term ? snapshot.sortedTermIDs[i] : nil
    }

    public func term(_ id: Int) -> String { vocabulary[id] }

    /// A word this normaliser has read, with its terms; nil for a word it has not.
    func known(_ word: String) -> Entry? {
        if let entry = cache[word] { return entry }
        guard let snapshot else { return nil }
        let i = Self.lowerBound(of: word, count: snapshot.words.count) { snapshot.words[$0] }
        return i < snapshot.words.count && snapshot.words[i] == word ? snapshot.entries[i] : nil
    }

    /// Every word read, with its entry, sorted by word (for a router snapshot).
    var sortedEntries: [(word: String, entry: Entry)] {
        var all = cache.map { ($0.key, $0.value) }
        if let snapshot { all += zip(snapshot.words, snapshot.entries).filter { cache[$0.0] == nil } }
        return all.sorted { $0.0 < $1.0 }
    }

    /// The term ids in the order of their terms (for a router snapshot).
    var sortedTermIDs: [Int] { vocabulary.indices.sorted { vocabulary[$0] < vocabulary[$1] } }

    /// Every word this normaliser has read (lowercase, as written), with its terms.
    public var words: [(word: String, terms: [Int])] {
        sortedEntries.filter { !$0.entry.isStop }.map { ($0.word, $0.entry.terms) }
    }

    /// The first index in 0..<count whose key is not less than `wanted` (keys in ascending order).
    private static func lowerBound(of wanted: String, count: Int, key: (Int) -> String) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if key(mid) < wanted { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every word of `text`, normalised, in order (stop words included and marked).
    public mutating func analyse(_ text: String) -> [NormalisedToken] {
        Self.words(text).map { token in
            let entry = entry(token.word)
            return NormalisedToken(token: token, terms: entry.terms, isStop: entry.isStop)
        }
    }

    /// A word of a text normalised without a vocabulary: what a question or a search is read as.
    public struct Word: Sendable, Equatable {
        public var token: WordToken
        public var terms: [String]
        public var isStop: Bool
    }

    /// Every word of `text` with its terms as strings (no cache: for short texts such as questions).
    public static func analyse(_ text: String) -> [Word] {
        words(text).map { token in
            Word(token: token, terms: normalise(token.word), isStop: StopWords.contains(token.word))
        }
    }

    /// The words of `text`, with hyphenated pairs that are one word (e-mail, co-opted, in-law)
    /// and two-word names for one thing ("local paper", "social media") joined.
    static func words(_ text: String) -> [WordToken] {
        var result: [WordToken] = []
        for token in WordTokenizer.tokens(text) {
            if let previous = result.last, token.hyphenatedToPrevious || Synonyms.mayEndPair(token.word) {
                let joined = previous.word + token.word
                if (token.hyphenatedToPrevious && (compounds.contains(joined) || Synonyms.canonical(for: joined) != nil))
                    || Synonyms.pairs.contains(joined)
                {
                    result[result.count - 1].end = token.end
                    result[result.count - 1].word = joined
                    result[result.count - 1].hyphenatedToPrevious = previous.hyphenatedToPrevious
                    continue
                }
            }
            result.append(token)
        }
        return result
    }

    /// Appends the ranking terms of `text` (no stop words) to `terms`: the fast path for indexing.
    public mutating func appendTerms(of text: String, to terms: inout [Int]) {
        for token in Self.words(text) {
            let entry = entry(token.word)
            if !entry.isStop { terms.append(contentsOf: entry.terms) }
        }
    }

    /// The ranking terms of `text`, in order, without stop words.
    public mutating func terms(_ text: String) -> [String] {
        analyse(text).filter { !$0.isStop }.flatMap { $0.terms.map(term) }
    }

    private mutating func entry(_ word: String) -> Entry {
        if let known = known(word) { return known }
        let isStop = StopWords.contains(word)
        let terms = (isStop ? [word] : Self.normalise(word)).map { intern($0) }
        let entry = Entry(terms: terms, isStop: isStop)
        cache[word] = entry
        return entry
    }

    /// The id of a term, numbering it if it is new (for terms made outside `analyse`, such as word pairs).
    public mutating func intern(_ term: String) -> Int {
        if let id = id(of: term) { return id }
        ids[term] = vocabulary.count
        vocabulary.append(term)
        return vocabulary.count - 1
    }

    /// The terms one lowercase word stands for (a stop word stands for itself).
    public static func normalise(_ word: String) -> [String] {
        if StopWords.contains(word) { return [word] }
        let british = SpellingVariants.fold(word)
        if let expansion = Synonyms.expansion(of: british) {
            return expansion.flatMap { normalise($0) }
        }
        if let canonical = Synonyms.canonical(for: british) { return [canonical] }
        return [PorterStemmer.stem(british)]
    }

    /// Hyphenated pairs written as one word.
    static let compounds: Set<String> = ["email", "coopted", "coopt", "cooperate", "cooperation", "inlaw", "inlaws"]
}
