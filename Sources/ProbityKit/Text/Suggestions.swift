/// "Did you mean …?": the nearest of some known words to one typed wrongly, by edit distance.
public enum Suggestions {
    /// The known words nearest to `text` (at most `limit`, nearest first, ties in the given order), or none when
    /// nothing is near: a word is near when at most a third of its letters (at least one, at most three) differ,
    /// or when it begins with what was typed.
    public static func nearest(to text: String, among known: [String], limit: Int = 3) -> [String] {
        let typed = Array(text.lowercased().utf8)
        guard !typed.isEmpty else { return [] }
        var scored: [(distance: Int, index: Int, word: String)] = []
        for (index, word) in known.enumerated() {
            let candidate = Array(word.lowercased().utf8)
            let allowed = min(3, max(1, max(typed.count, candidate.count) / 3))
            var distance = FuzzyVocabulary.distance(typed, candidate, limit: allowed)
            if distance > allowed, typed.count >= 3, candidate.starts(with: typed) { distance = allowed }
            if distance <= allowed { scored.append((distance, index, word)) }
        }
        return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(limit).map(\.word)
    }

    /// "Did you mean a or b?" when something is near, else "It must be one of: …" (or `fallback` when there are
    /// too many to list).
    public static func sentence(for text: String, among known: [String], listLimit: Int = 30, fallback: String? = nil) -> String {
        let near = nearest(to: text, among: known)
        if !near.isEmpty { return "Did you mean \(near.joined(separator: " or "))?" }
        if known.count <= listLimit || fallback == nil { return "Choose one of: \(known.joined(separator: ", "))." }
        return fallback ?? ""
    }
}
