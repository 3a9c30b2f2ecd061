import Testing

@testable import ProbityKit

/// Answers proposed from the user's words: one option of the question's fact that a sentence comes near in meaning,
/// clearly nearer than any other option, never for a fact a phrase spoke of, polarity respected.
@Suite struct AnswerSuggesterTests {
    static let vectors = MeaningLayerTests.vectors
    static let friends = MeaningLayerTests.friends

    func proposal(_ text: String, _ fact: Fact = friends, thresholds: SuggestionThresholds = .standard) -> AnswerSuggestion? {
        // As the chat reads it: the facts a phrase spoke of are left to the phrases.
        let spokenOf = FactExtractor.phraseFacts(in: text, among: [fact], index: PhraseIndex()).touched
        return AnswerSuggester.suggestion(
            for: fact, in: [text], spokenOf: spokenOf, vectors: Self.vectors, meanings: MeaningIndex(), thresholds: thresholds)
    }

    @Test func proposesTheOptionASentenceComesNearAndQuotesTheSentence() throws {
        let text = "I need to sit on the interview panel next week. The shortlisted candidate and I were at uni together."
        let p = try #require(proposal(text))
        #expect(p.optionID == "yes")
        #expect(p.said == "The shortlisted candidate and I were at uni together.")
        #expect(p.score >= SuggestionThresholds.standard.similarity && p.margin >= SuggestionThresholds.standard.margin)
    }

    @Test func proposesNothingWhenTheWordsSayNothingOfTheQuestion() {
        #expect(proposal("Can I get a parking permit for the car park behind the town hall?") == nil)
        #expect(proposal("The budget report goes to cabinet on Tuesday.") == nil)
    }

    @Test func aNegatedSentenceIsNeverProposedThePlainOption() {
        #expect(proposal("I have never met the shortlisted candidate")?.optionID != "yes")
        #expect(proposal("We never went to university together")?.optionID != "yes")
    }

    @Test func aFactAPhraseSpokeOfIsLeftToThePhrases() {
        // "close friends for years" is a phrase of yes: the phrase layer takes it (or, with another option heard too,
        // leaves it to be asked); meaning proposes nothing over it.
        #expect(proposal("We have been close friends for years") == nil)
    }

    @Test func aSimilarityAboveTheNearestProposesNothing() {
        #expect(proposal("The shortlisted candidate and I were at uni together.", thresholds: SuggestionThresholds(similarity: 1.01, margin: 0)) == nil)
    }

    @Test func clausesThatPointToDifferentOptionsProposeNothing() {
        let fact = Self.friends
        let yes = AnswerSuggester.Evidence(option: "yes", said: "a", score: 0.8, runnerUp: 0.3)
        let no = AnswerSuggester.Evidence(option: "no", said: "b", score: 0.75, runnerUp: 0.3)
        let t = SuggestionThresholds(similarity: 0.65, margin: 0.08)
        #expect(AnswerSuggester.choose([yes, no], fact: fact, thresholds: t) == nil, "the other option comes within the margin")
        let farNo = AnswerSuggester.Evidence(option: "no", said: "b", score: 0.5, runnerUp: 0.3)
        #expect(AnswerSuggester.choose([yes, farNo], fact: fact, thresholds: t)?.optionID == "yes")
        #expect(AnswerSuggester.choose([yes, farNo], fact: fact, thresholds: t)?.said == "a", "the nearest clause's sentence is quoted")
        // Within one clause, the next option must be beaten by the margin too.
        let close = AnswerSuggester.Evidence(option: "yes", said: "a", score: 0.8, runnerUp: 0.75)
        #expect(AnswerSuggester.choose([close], fact: fact, thresholds: t) == nil)
        #expect(AnswerSuggester.choose([], fact: fact, thresholds: t) == nil)
    }

    @Test func aFactThatTakesSeveralAnswersIsProposedOnlyOneClearlyIndicated() {
        let several = FactExtractorTests.fact("who", multiple: true, [("press", []), ("public", [])])
        let press = AnswerSuggester.Evidence(option: "press", said: "a", score: 0.8, runnerUp: 0.2)
        let publicToo = AnswerSuggester.Evidence(option: "public", said: "b", score: 0.78, runnerUp: 0.2)
        let t = SuggestionThresholds.standard
        #expect(AnswerSuggester.choose([press, publicToo], fact: several, thresholds: t) == nil)
        #expect(AnswerSuggester.choose([press], fact: several, thresholds: t)?.optionID == "press")
    }

    @Test func sentencesAreSplitAsTyped() {
        #expect(
            AnswerSuggester.sentences("They asked me to come along. Their press man will be there too, he isn't a councillor!\nWhat now?")
                == ["They asked me to come along.", "Their press man will be there too, he isn't a councillor!", "What now?"])
        #expect(AnswerSuggester.sentences("  ") == [])
    }
}
