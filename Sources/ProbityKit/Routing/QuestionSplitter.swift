/// Finds a message that asks about two topics at once ("a journalist rang me and I also want to see a
/// confidential report"): it is cut where one sentence ends or at a joining word ("and", "also", "plus",
/// "but"), and a cut counts only when
/// - the second part says it is a further matter (one of `additive` in its first words: "I also want…",
///   "Also, can I…", "Another thing:"), or both parts are questions ending in "?"; a situation told in
///   several sentences ("I'm in rent collection. A councillor wants…") is context and a question, not two questions;
/// - both parts route clearly, each with a score of at least `minimumPartScore`, to different topics.
/// Of several such cuts, the one whose weaker part scores best wins.
public struct QuestionSplitter: Sendable {
    let router: Router
    /// Each part must score at least this (the router's "no match" line is `RoutingThresholds.minimumScore`).
    public var minimumPartScore: Double
    /// Each part must have at least this many words.
    public static let minimumPartWords = 3

    public static let standardMinimumPartScore = 0.55

    public init(router: Router, minimumPartScore: Double = QuestionSplitter.standardMinimumPartScore) {
        self.router = router
        self.minimumPartScore = minimumPartScore
    }

    /// Joining words a second question may start after, lower case.
    static let joins: Set<String> = ["and", "also", "plus", "but", "separately", "additionally"]

    /// Words that mark a further matter when they open the second part (within its first `additiveReach` words).
    static let additive: Set<String> = ["also", "another", "separately", "additionally", "secondly", "second", "furthermore"]
    static let additiveReach = 4

    /// The two questions in `text`, or nil when it asks one (or its parts are not clearly two topics).
    public func split(_ text: String) -> QuestionSplit? {
        // The cuts are weighed with the hand-set order, whose scores are the ones the sentence encoder's second stage
        // keeps (it only says which topic has which): one encoding per part of the cut taken, not one per cut tried.
        let handSet = router.withoutSecondStage()
        // Best first: the cut whose weaker part scores highest, the earlier of two that tie.
        let found = cuts(text).enumerated().compactMap { i, cut in
            split(cut, by: handSet).map { (cut: cut, split: $0, weaker: min($0.firstTopic.score, $0.secondTopic.score), at: i) }
        }
        .sorted { $0.weaker != $1.weaker ? $0.weaker > $1.weaker : $0.at < $1.at }
        // Without a second stage the best cut is the answer; with one, the best whose parts still go to two topics in
        // the router's own order.
        guard router.secondStage != nil else { return found.first?.split }
        return found.lazy.compactMap { split($0.cut, by: router) }.first
    }

    /// The cut as two questions by `router`, or nil when its parts are not clearly two topics.
    private func split(_ cut: (first: String, second: String), by router: Router) -> QuestionSplit? {
        guard words(cut.first) >= Self.minimumPartWords, words(cut.second) >= Self.minimumPartWords,
            Self.marksFurtherMatter(cut.second) || (cut.first.hasSuffix("?") && cut.second.hasSuffix("?")),
            let (a, _) = Self.lead(router.route(cut.first), allowChoice: false), a.score >= minimumPartScore,
            let (b, bChoices) = Self.lead(router.route(cut.second), allowChoice: true), b.score >= minimumPartScore,
            a.topicID != b.topicID
        else { return nil }
        return QuestionSplit(first: cut.first, firstTopic: a, second: Self.withoutJoins(cut.second), secondTopic: b, secondChoices: bChoices)
    }

    /// A part's topic: the clear one, or (when allowed) the first of a close choice, with the choice.
    static func lead(_ decision: RoutingDecision, allowChoice: Bool) -> (RouteScore, [RouteScore])? {
        switch decision {
        case .clear(let best): return (best, [])
        case .choose(let close) where allowChoice: return close.first.map { ($0, close) }
        default: return nil
        }
    }

    /// Every place the text may be cut in two: after a sentence's end (`.`, `?`, `!`, `;`) and before a joining word.
    func cuts(_ text: String) -> [(first: String, second: String)] {
        let characters = Array(text)
        var result: [(String, String)] = []
        func add(_ end: Int, _ start: Int) {
            let first = String(characters[..<end]).trimmingWhitespace()
            let second = String(characters[start...]).trimmingWhitespace()
            if !first.isEmpty, !second.isEmpty { result.append((first, second)) }
        }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if ".?!;".contains(c), i + 1 < characters.count, characters[i + 1].isWhitespace {
                add(i + 1, i + 1)
            } else if c.isWhitespace || c == "," {
                // A joining word after a space or comma, followed by a space.
                var j = i + 1
                while j < characters.count, characters[j].isLetter { j += 1 }
                let word = String(characters[(i + 1)..<j]).lowercased()
                if Self.joins.contains(word), j < characters.count, characters[j].isWhitespace {
                    add(i, i + 1)
                }
            }
            i += 1
        }
        return result
    }

    /// Whether a part opens as a further matter: "I also…", "Also,…", "Another thing…".
    static func marksFurtherMatter(_ part: String) -> Bool {
        PhraseMatcher.words(part).prefix(additiveReach).contains { additive.contains($0) }
    }

    /// "and also, can I…" as offered: "can I…".
    static func withoutJoins(_ part: String) -> String {
        var text = part
        while let word = text.split(separator: " ", maxSplits: 1).first,
            joins.contains(String(word.lowercased().filter(\.isLetter))), word.count < text.count
        {
            text = String(text.dropFirst(word.count)).trimmingWhitespace()
        }
        return text
    }

    private func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
