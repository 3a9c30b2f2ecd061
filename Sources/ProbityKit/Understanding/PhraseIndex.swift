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
        /// The last word, where the phrase ends in a possessive ("his daughter's"): the text must say it as one too
        /// ("his daughter's" or "his daughters", not "tell his daughter").
        var possessiveEnd: String?
    }

    private let memo = FactSetMemo<[Entry]>()

    /// The phrases of `facts`, keyed by the facts' keys (a topic's facts and the shared ones).
    func entries(for facts: [Fact]) -> [Entry] {
        memo.value(for: facts) { Self.build(facts) }
    }

    private static func build(_ facts: [Fact]) -> [Entry] {
        var built: [Entry] = []
        for fact in facts {
            for option in fact.options {
                for phrase in option.phrases {
                    // A length of time (`#wd:11+`) is kept whole; every other word is stemmed.
                    let words = phrase.split(separator: " ").flatMap { token in
                        Duration(token: String(token)) != nil ? [String(token)] : PhraseMatcher.stems(String(token))
                    }
                    guard words.contains(where: { $0 != "*" }) else { continue }
                    let last = PhraseMatcher.tokens(phrase).last
                    built.append(Entry(fact: fact, option: option, phrase: phrase, words: words, possessiveEnd: last?.possessive == true ? last?.word : nil))
                }
            }
        }
        return built
    }
}
