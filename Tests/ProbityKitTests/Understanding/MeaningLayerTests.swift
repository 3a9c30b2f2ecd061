import Testing

@testable import ProbityKit

/// Facts heard by meaning: options stated in words no phrase has, recognised by the catalogue's word vectors, taken only
/// when one option is clearly the nearest, in a clause of the same polarity.
@Suite struct MeaningLayerTests {
    static let vectors = KnowledgeLoader.read(directory: Paths.knowledge).knowledge.wordVectors!

    static let friends = FactExtractorTests.fact(
        "friends",
        [
            ("yes", ["at university together", "close friends for years"]),
            ("no", ["never met the candidate", "do not know the candidate"]),
        ])
    static let present = FactExtractorTests.fact(
        "present",
        [("press", ["a journalist will attend the meeting"]), ("public", ["residents will attend the meeting"])])

    static func layer(similarity: Float = 0.8) -> MeaningLayer {
        MeaningLayer(vectors: vectors, index: MeaningIndex(), thresholds: MeaningThresholds(similarity: similarity, margin: 0.08, eitherPolarity: true))
    }

    func heard(_ text: String, _ facts: [Fact] = [friends], similarity: Float = 0.8) -> [String: String] {
        let learnt = Self.layer(similarity: similarity).facts(in: text, among: facts, skipping: [])
        return Dictionary(uniqueKeysWithValues: learnt.map { ($0.factKey, FactValue.joined($0.optionIDs)) })
    }

    /// "college" is in no phrase; the vectors put it near "university". ("uni" was the example until the vectors were
    /// distilled again without 7 background questions that were also held-out text: it is still heard at 0.75.)
    @Test func hearsAnOptionInWordsNoPhraseHas() {
        #expect(PhraseMatcher.occurrences(of: [PhraseMatcher.stem("college")], in: PhraseMatcher.stems("at university together")).isEmpty)
        #expect(heard("The shortlisted candidate and I were at college together") == ["t.friends": "yes"])
        #expect(heard("The shortlisted candidate and I were at uni together", similarity: 0.75) == ["t.friends": "yes"])
    }

    @Test func aNegatedClauseMeetsOnlyNegatedPhrases() {
        // "never" makes the clause negated: it cannot be "at university together"; it is near "never met the candidate".
        #expect(heard("I have never met the shortlisted candidate")["t.friends"] == "no")
        #expect(heard("We never went to university together")["t.friends"] != "yes")
    }

    @Test func anUnrelatedMessageTakesNothing() {
        #expect(heard("Can I see the exempt appendix to the licensing report?").isEmpty)
    }

    @Test func withoutAClearMarginNothingIsTaken() {
        // "people will attend the meeting" is as near the press as the public.
        #expect(heard("people will attend the meeting", [Self.present], similarity: 0.5).isEmpty)
    }

    @Test func aFactThePhrasesSpokeOfIsLeftToThem() {
        let facts = [FactExtractorTests.sits, Self.friends]
        let text = "I am not on the licensing committee and we were at college together"
        let learnt = FactExtractor.facts(in: text, among: facts, index: PhraseIndex(), meaning: Self.layer())
        #expect(learnt.map(\.factKey) == ["t.sits", "t.friends"])
        #expect(learnt.first?.optionIDs == ["no"])
    }

    @Test func theChatHearsByPhraseOnlyUnlessMeaningIsChosen() {
        let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
        #expect(knowledge.factMeaning == nil && knowledge.meaningLayer == nil)
        #expect(knowledge.with(factMeaning: .standard).meaningLayer != nil)
    }
}
