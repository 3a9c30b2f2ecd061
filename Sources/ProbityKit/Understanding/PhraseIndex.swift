import Foundation

/// Every phrase of a set of facts, already split into stemmed words: built once per topic, the first time a
/// message is read against it, and shared by every copy of the knowledge (a catalogue has thousands of phrases).
final class PhraseIndex: @unchecked Sendable {
    struct Entry {
        var fact: Fact
        var option: FactOption
        /// The phrase as the catalogue writes it.
        var phrase: String
        var words: [String]
        /// `words` with the council vocabulary that says the same thing folded to one word (`FactVocabulary`).
        var folded: [String]
        /// The last word, where the phrase ends in a possessive ("his daughter's"): the text must say it as one too
        /// ("his daughter's" or "his daughters", not "tell his daughter").
        var possessiveEnd: String?
    }

    private let memo = FactSetMemo<[Entry]>()

    /// The phrases of `facts`, keyed by the facts' keys (a topic's facts and the shared ones).
    func entries(for facts: [Fact]) -> [Entry] {
        memo.value(for: facts) { Self.build(facts) }
    }

    /// The stems that many of `facts`' phrases use: they may not stand far apart in a message (`PhraseRules.wideGaps`).
    func common(for facts: [Fact]) -> Set<String> {
        commonMemo.value(for: facts) { Self.common(of: entries(for: facts)) }
    }

    private let commonMemo = FactSetMemo<Set<String>>()

    /// The share of a set's phrases a stem must appear in to be common.
    static let commonShare = 0.01

    /// The stems (folded) that at least `commonShare` of `entries` use.
    static func common(of entries: [Entry]) -> Set<String> {
        var counts: [String: Int] = [:]
        for entry in entries {
            for stem in Set(entry.folded) { counts[stem, default: 0] += 1 }
        }
        let least = max(2, Int((Double(entries.count) * commonShare).rounded(.up)))
        return Set(counts.filter { $0.value >= least }.map(\.key))
    }

    private static func build(_ facts: [Fact]) -> [Entry] {
        var built: [Entry] = []
        for fact in facts {
            for option in fact.options {
                for phrase in option.phrases {
                    // A length of time (`#wd:11+`) is kept whole; every other word is stemmed.
                    let tokens = phrase.split(separator: " ").map(String.init)
                    let words = tokens.flatMap { Duration(token: $0) != nil ? [$0] : PhraseMatcher.stems($0) }
                    let folded = tokens.flatMap { Duration(token: $0) != nil ? [$0] : PhraseMatcher.foldedStems($0) }
                    guard words.contains(where: { $0 != "*" }) else { continue }
                    let last = PhraseMatcher.tokens(phrase).last
                    built.append(
                        Entry(
                            fact: fact, option: option, phrase: phrase, words: words, folded: folded,
                            possessiveEnd: last?.possessive == true ? last?.word : nil))
                }
            }
        }
        return built
    }
}
