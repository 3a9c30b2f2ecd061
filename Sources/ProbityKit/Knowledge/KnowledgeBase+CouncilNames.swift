/// Finding a council from what someone typed, among however many councils there are.
extension KnowledgeBase {
    /// Up to this many councils are offered as numbered options; beyond it, the user types the name.
    public static let numberedCouncilLimit = 12

    /// Councils whose id, name or short name is near `text` (a typo, a word of the name), nearest first.
    public func nearestCouncils(to text: String, limit: Int = 3) -> [(id: String, name: String)] {
        let wanted = text.lowercased().trimmingWhitespace()
        guard !wanted.isEmpty else { return [] }
        let typedWords = Set(wanted.split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 })
        var scored: [(score: Int, id: String, name: String)] = []
        for council in councilNames {
            let forms = [council.id, council.name.lowercased(), council.shortName.lowercased()]
            var best = Int.max
            for form in forms {
                let allowed = max(2, form.count / 4)
                let d = FuzzyVocabulary.distance(Array(wanted.utf8), Array(form.utf8), limit: allowed)
                if d <= allowed { best = min(best, d) }
                if form.hasPrefix(wanted) { best = min(best, 1) }
            }
            // A word of the name typed on its own, or nearly: "hamlets", "wilts".
            let nameWords = Set((council.name + " " + council.shortName).lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 })
            for word in typedWords {
                if nameWords.contains(word) {
                    best = min(best, 2)
                } else if nameWords.contains(where: { FuzzyVocabulary.distance(Array(word.utf8), Array($0.utf8), limit: 1) <= 1 }) {
                    best = min(best, 3)
                }
            }
            if best != Int.max { scored.append((best, council.id, council.name)) }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map { ($0.id, $0.name) }
    }

    /// "not a council Probity knows" with the nearest names, or the full list when there are few councils.
    public func unknownCouncilMessage(_ text: String) -> String {
        unknownCouncil(text).text(echoLimit: .max)
    }

    /// The same, with what was typed kept apart (the chat's record can leave it out).
    public func unknownCouncil(_ text: String) -> Message {
        let near = nearestCouncils(to: text)
        if !near.isEmpty {
            return "\(Echo(text)) is not a council Probity knows. Did you mean \(near.map { "\($0.name) (\($0.id))" }.joined(separator: " or "))?"
        }
        if councilIDs.count <= Self.numberedCouncilLimit {
            return "\(Echo(text)) is not a council Probity knows; choose one of: \(councilIDs.joined(separator: ", "))."
        }
        return "\(Echo(text)) is not a council Probity knows, and no council's name is close to it. Type your council's name, or the start of it."
    }
}
