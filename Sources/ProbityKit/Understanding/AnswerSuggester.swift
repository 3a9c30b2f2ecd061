import Foundation

/// An answer proposed, not taken: one option of the fact a question asks about, which a sentence of the user's own
/// words comes near in meaning (below the similarity at which the meaning layer would take it). The chat asks the
/// question as a confirmation that quotes the sentence; the user accepts with Enter, or answers as ever.
public struct AnswerSuggestion: Sendable, Equatable {
    public var factKey: String
    public var optionID: String
    /// The sentence of what the user typed that holds the clause, as typed (control characters already stripped).
    public var said: String
    /// How near the clause comes to the option (`MeaningCandidate.score`), and by how much it beats the next option.
    public var score: Float
    public var margin: Float

    public init(factKey: String, optionID: String, said: String, score: Float, margin: Float) {
        self.factKey = factKey
        self.optionID = optionID
        self.said = said
        self.score = score
        self.margin = margin
    }
}

/// When a sentence is near enough an option to propose it: lower than `MeaningThresholds.standard`'s similarity (a
/// proposal the user confirms may be wrong now and then; a fact taken may not), with a margin over the other options.
public struct SuggestionThresholds: Sendable, Equatable {
    public var similarity: Float
    public var margin: Float

    public init(similarity: Float, margin: Float) {
        self.similarity = similarity
        self.margin = margin
    }

    /// Chosen on the development halves only (BENCHMARKS.md, "Answers suggested from the user's own words").
    public static let standard = SuggestionThresholds(similarity: 0.65, margin: 0.08)

    func accepts(_ score: Float, margin: Float) -> Bool { score >= similarity && margin >= self.margin }
}

/// Proposes an answer to one question from what the user typed in the topic: each clause of each sentence against the
/// options of the question's fact, by the meaning layer's measure (`MeaningMatcher`: the cosine of the clause and an
/// option's phrase together with how well the clause covers the phrase's words, polarity respected, a margin over the
/// other options measured with phrases of either polarity). A fact a phrase spoke of is left to the phrases; clauses
/// that point to different options propose nothing (one option clearly indicated, even where several may be chosen).
public enum AnswerSuggester {
    /// One clause's nearest option, with the sentence it was found in.
    public struct Evidence: Sendable, Equatable {
        public var option: String
        public var said: String
        public var score: Float
        /// The nearest any other option comes to the clause, with a phrase of either polarity.
        public var runnerUp: Float
    }

    /// The proposal for `fact` from `texts` (what the user typed, oldest first), if one clause is near enough one option.
    /// - Parameter spokenOf: the facts a phrase of `texts` spoke of (`Session.spokenOf`): nothing is proposed for them.
    static func suggestion(
        for fact: Fact, in texts: [String], spokenOf: Set<String>, vectors: WordVectors, meanings: MeaningIndex, thresholds: SuggestionThresholds
    ) -> AnswerSuggestion? {
        let found = evidence(for: fact, in: texts, spokenOf: spokenOf, vectors: vectors, meanings: meanings)
        return choose(found, fact: fact, thresholds: thresholds)
    }

    /// Every clause's nearest option of `fact` (none when a phrase of `texts` spoke of the fact).
    /// `coverFrom`: as `MeaningThresholds.coverFrom` (1: a phrase is as near as the lesser of cosine and word cover).
    static func evidence(
        for fact: Fact, in texts: [String], spokenOf: Set<String>, vectors: WordVectors, meanings: MeaningIndex, coverFrom: Float = 1
    ) -> [Evidence] {
        guard !texts.isEmpty, !spokenOf.contains(fact.key) else { return [] }
        let table = meanings.table(for: [fact], vectors: vectors)
        guard !table.entries.isEmpty else { return [] }
        var found: [Evidence] = []
        for text in texts {
            for sentence in sentences(text) {
                let clauses = ClauseSplitter.clauses(sentence)
                guard !clauses.isEmpty else { continue }
                for c in MeaningMatcher.candidates(clauses, vectors: vectors, table: table, coverFrom: coverFrom) where c.score > 0 {
                    found.append(
                        Evidence(
                            option: fact.options[c.option].id, said: sentence, score: c.score, runnerUp: c.runnerUpEitherPolarity))
                }
            }
        }
        return found
    }

    /// The option proposed: the one the nearest clause comes to, when it is near enough and clearly nearer than any
    /// other option comes to any clause (whatever is typed elsewhere must not point to another option as well); the
    /// nearest clause's sentence is quoted.
    static func choose(_ evidence: [Evidence], fact: Fact, thresholds: SuggestionThresholds) -> AnswerSuggestion? {
        guard let best = evidence.max(by: { $0.score < $1.score }) else { return nil }
        let rival = evidence.map { $0.option == best.option ? $0.runnerUp : $0.score }.max() ?? -1
        let margin = best.score - rival
        guard thresholds.accepts(best.score, margin: margin) else { return nil }
        return AnswerSuggestion(factKey: fact.key, optionID: best.option, said: best.said, score: best.score, margin: margin)
    }

    /// The sentences of `text`, each as typed and trimmed: split after ".", "!", "?" and at line ends.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for character in text {
            if character == "\n" || character == "\r\n" {
                out.append(current)
                current = ""
                continue
            }
            current.append(character)
            if enders.contains(character) {
                out.append(current)
                current = ""
            }
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static let enders: Set<Character> = [".", "!", "?"]
}

extension KnowledgeBase {
    /// The answer proposed for `fact` from `texts`, when this knowledge proposes answers and ships word vectors (read
    /// only now: the chat's start does not wait for them).
    /// - Parameter held: the vectors already read, if any (the router's): else this knowledge's are read.
    /// - Parameter spokenOf: the facts a phrase of `texts` spoke of (`Session.spokenOf`).
    func suggestion(
        for fact: Fact, in texts: [String], spokenOf: Set<String>, vectors held: @autoclosure () -> WordVectors? = nil
    ) -> AnswerSuggestion? {
        guard let thresholds = answerSuggestion, !texts.isEmpty, !spokenOf.contains(fact.key), let vectors = held() ?? wordVectors else { return nil }
        return AnswerSuggester.suggestion(for: fact, in: texts, spokenOf: spokenOf, vectors: vectors, meanings: meanings, thresholds: thresholds)
    }
}
