import Foundation

/// Every phrase of a set of facts, already split into stemmed words: built once per topic, the first time a
/// message is read against it, and shared by every copy of the knowledge (a catalogue has thousands of phrases).
final class PhraseIndex: @unchecked Sendable {
    struct Entry {
        var fact: Fact
        var option: FactOption
        var words: [String]
    }

    private let lock = NSLock()
    private var byFacts: [String: [Entry]] = [:]

    /// The phrases of `facts`, keyed by the facts' keys (a topic's facts and the shared ones).
    func entries(for facts: [Fact]) -> [Entry] {
        let key = facts.map(\.key).joined(separator: "|")
        lock.lock()
        if let known = byFacts[key] { lock.unlock(); return known }
        lock.unlock()
        var built: [Entry] = []
        for fact in facts {
            for option in fact.options {
                for phrase in option.phrases {
                    let words = PhraseMatcher.stems(phrase)
                    if words.contains(where: { $0 != "*" }) { built.append(Entry(fact: fact, option: option, words: words)) }
                }
            }
        }
        lock.lock()
        byFacts[key] = built
        lock.unlock()
        return built
    }
}
