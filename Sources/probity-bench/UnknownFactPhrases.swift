import ProbityKit

/// For `--unknown`: which of an option's phrases, as written, state it in a message, so a fact taken that nobody
/// said can be traced to the phrase to narrow. Empty when no phrase states it as written (it was heard loosely: a
/// synonym, words apart, or by meaning).
enum UnknownFactPhrases {
    static func phrases(stating option: String, of fact: Fact, in text: String) -> [String] {
        guard let chosen = fact.option(id: option) else { return [] }
        return chosen.phrases.filter { phrase in
            var alone = fact
            alone.options = fact.options.map { o in
                var copy = o
                copy.phrases = o.id == option ? [phrase] : []
                return copy
            }
            return FactExtractor.facts(in: text, among: [alone]).contains { $0.optionIDs.contains(option) }
        }
    }

    /// One line per fact taken that the scenario does not know: `fact=option ← "phrase" | "phrase"`.
    static func lines(_ taken: [String], scenario: Scenario, knowledge: KnowledgeBase) -> [String] {
        taken.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let fact = knowledge.fact(key: scenario.factKey(parts[0], in: knowledge)) else { return entry }
            let heard = parts[1].split(separator: ",").map { option -> String in
                let found = phrases(stating: String(option), of: fact, in: scenario.says)
                return "\(option) ← " + (found.isEmpty ? "(loosely)" : found.map { "\"\($0)\"" }.joined(separator: " | "))
            }
            return "\(parts[0]): " + heard.joined(separator: "; ")
        }
    }
}
