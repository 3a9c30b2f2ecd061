/// Phrases that name the same thing in different words: a search for "need to know" should
/// also find the protocol that says "reasonably necessary" instead.
public enum PhraseSynonyms {
    /// Groups of equivalent phrases, in plain words.
    static let groups: [[String]] = [
        ["need to know", "reasonably necessary"],
        ["pink papers", "exempt information", "part 2", "part ii"],
        ["out of hours", "outside working hours", "outside normal working hours"],
        ["pre-election period", "election period"],
        ["political assistant", "political adviser"],
    ]

    /// For each group, its phrases as term sequences (stop words included).
    static let normalised: [[[String]]] = groups.map { group in
        group.map { phrase in TextNormaliser.analyse(phrase).flatMap(\.terms) }
    }

    /// The other phrases equivalent to a phrase found in `sequence` (a text's terms in order).
    public static func alternatives(in sequence: [String]) -> [[String]] {
        var result: [[String]] = []
        for group in normalised {
            for phrase in group where contains(sequence, phrase) {
                result += group.filter { $0 != phrase && !result.contains($0) }
            }
        }
        return result
    }

    static func contains(_ sequence: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, sequence.count >= phrase.count else { return false }
        return (0...(sequence.count - phrase.count)).contains { start in
            sequence[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }
}
