import Foundation

/// Hearing facts through near words: a word of the message that no phrase of the facts uses is replaced by the phrase
/// word nearest it by the catalogue's word vectors, when it is near enough ("uni" → "university", "councilor's" is
/// already spelled), and the phrases are matched again, with every rule of the phrase layer (order, gaps, negation,
/// the longer phrase winning, two options heard leaving the fact alone). Only facts no phrase spoke of are taken.
struct SynonymLayer: Sendable {
    var vectors: WordVectors
    var index: SynonymIndex
    /// The least cosine between a message's word and the phrase word that stands for it.
    var nearness: Float

    /// The facts `text` states through near words, among `facts`, leaving alone those whose keys are in `skipping`.
    func facts(in text: String, among facts: [Fact], phrases: PhraseIndex, skipping: Set<String>) -> [LearntFact] {
        let vocabulary = index.vocabulary(for: facts, phrases: phrases, vectors: vectors)
        return Self.facts(in: text, among: facts, entries: phrases.entries(for: facts), vocabulary: vocabulary, vectors: vectors, nearness: nearness)
            .filter { !skipping.contains($0.factKey) }
    }

    /// The facts `text` states through near words, with these phrases and their vocabulary.
    static func facts(
        in text: String, among facts: [Fact], entries: [PhraseIndex.Entry], vocabulary: SynonymIndex.Vocabulary, vectors: WordVectors, nearness: Float
    ) -> [LearntFact] {
        let tokens = PhraseMatcher.tokens(text)
        var words = PhraseMatcher.stems(text)
        guard words.count == tokens.count, !words.isEmpty else { return [] }
        var changed = false
        for i in words.indices where vocabulary.vectors[words[i]] == nil && !ClauseSplitter.negations.contains(words[i]) {
            guard let v = vectors.vector(tokens[i].word), let near = vocabulary.nearest(to: v), near.cosine >= nearness else { continue }
            words[i] = near.stem
            changed = true
        }
        guard changed else { return [] }
        return FactExtractor.phraseFacts(words: words, tokens: tokens, among: facts, entries: entries).learnt
    }
}

/// The words of a set of facts' phrases, by stem, with the unit vector of a word each stands for: built on first use.
final class SynonymIndex: @unchecked Sendable {
    struct Vocabulary {
        var vectors: [String: [Float]] = [:]

        /// The stem whose word is nearest `v`, and how near.
        func nearest(to v: [Float]) -> (stem: String, cosine: Float)? {
            var best: (String, Float)?
            for (stem, w) in vectors {
                var dot: Float = 0
                for k in 0..<min(v.count, w.count) { dot += v[k] * w[k] }
                if dot > (best?.1 ?? -2) { best = (stem, dot) }
            }
            return best.map { (stem: $0.0, cosine: $0.1) }
        }
    }

    /// The words of `entries` by stem, with their vectors.
    static func vocabulary(of entries: [PhraseIndex.Entry], vectors: WordVectors) -> Vocabulary {
        var built = Vocabulary()
        var seen = Set<String>()
        for entry in entries {
            for word in PhraseMatcher.words(entry.phrase) where word != "*" && seen.insert(word).inserted {
                let stem = PhraseMatcher.stems(word).first ?? word
                guard built.vectors[stem] == nil, let v = vectors.vector(word) else { continue }
                built.vectors[stem] = v
            }
        }
        return built
    }

    private let memo = FactSetMemo<Vocabulary>()

    func vocabulary(for facts: [Fact], phrases: PhraseIndex, vectors: WordVectors) -> Vocabulary {
        memo.value(for: facts) { Self.vocabulary(of: phrases.entries(for: facts), vectors: vectors) }
    }
}

extension KnowledgeBase {
    /// The near-words layer of this knowledge, when it ships word vectors and hears through near words.
    var synonymLayer: SynonymLayer? {
        guard let nearness = synonymNearness, let vectors = wordVectors else { return nil }  // the setting first: reading the vectors is not free
        return SynonymLayer(vectors: vectors, index: synonyms, nearness: nearness)
    }
}
