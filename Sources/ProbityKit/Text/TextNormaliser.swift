/// One word of a text with the terms it stands for after normalisation.
public struct NormalisedToken: Sendable, Equatable {
    public var token: WordToken
    /// Usually one term; an abbreviation may stand for several (`bcc` → `blind`, `copi`).
    public var terms: [String]
    /// A stop word: kept for phrase matching, not used to rank.
    public var isStop: Bool
}

/// The text normalisation that routing and search share: lowercase words without punctuation,
/// American spellings folded to British, synonyms folded to one term (councillor/member,
/// staff/officer, press/journalist/media, group/party), then Porter stemming.
public struct TextNormaliser: Sendable {
    /// Remembered word → terms, so that normalising every clause stays fast.
    private var cache: [String: [String]] = [:]

    public init() {}

    /// Every word of `text`, normalised, in order (stop words included and marked).
    public mutating func analyse(_ text: String) -> [NormalisedToken] {
        let tokens = WordTokenizer.tokens(text)
        var result: [NormalisedToken] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            // e-mail, co-opted, in-law: a hyphenated pair that is one word.
            if token.hyphenatedToPrevious, let previous = result.last {
                let joined = previous.token.word + token.word
                if Self.compounds.contains(joined) || Synonyms.canonical(for: joined) != nil {
                    var merged = previous.token
                    merged.end = token.end
                    merged.word = joined
                    result[result.count - 1] = NormalisedToken(token: merged, terms: terms(forWord: joined), isStop: false)
                    continue
                }
            }
            let isStop = StopWords.contains(token.word)
            result.append(NormalisedToken(token: token, terms: isStop ? [token.word] : terms(forWord: token.word), isStop: isStop))
        }
        return result
    }

    /// The ranking terms of `text`, in order, without stop words.
    public mutating func terms(_ text: String) -> [String] {
        analyse(text).filter { !$0.isStop }.flatMap(\.terms)
    }

    /// The terms one lowercase word stands for.
    public mutating func terms(forWord word: String) -> [String] {
        if let known = cache[word] { return known }
        let result = Self.normalise(word)
        cache[word] = result
        return result
    }

    /// The terms one lowercase word stands for, without the cache.
    public static func normalise(_ word: String) -> [String] {
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
