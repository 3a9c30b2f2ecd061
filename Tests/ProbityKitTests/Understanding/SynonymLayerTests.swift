import Testing

@testable import ProbityKit

/// Facts heard through near words: a word no phrase uses stands for the phrase word nearest it, and the phrases are
/// matched again with every rule of the phrase layer.
@Suite struct SynonymLayerTests {
    static let vectors = MeaningLayerTests.vectors

    func heard(_ text: String, nearness: Float = 0.7) -> [String: String] {
        let layer = SynonymLayer(vectors: Self.vectors, index: SynonymIndex(), nearness: nearness)
        let learnt = layer.facts(in: text, among: [MeaningLayerTests.friends], phrases: PhraseIndex(), skipping: [])
        return Dictionary(uniqueKeysWithValues: learnt.map { ($0.factKey, FactValue.joined($0.optionIDs)) })
    }

    @Test func aNearWordStandsForThePhrasesWord() {
        #expect(FactExtractor.facts(in: "we were at uni together", among: [MeaningLayerTests.friends]).isEmpty)
        #expect(heard("we were at uni together") == ["t.friends": "yes"])
    }

    @Test func aWordTooFarStandsForNothing() {
        #expect(heard("we were at uni together", nearness: 1.01).isEmpty)
    }

    @Test func theNegationRulesStillApply() {
        #expect(heard("we were not at uni together")["t.friends"] != "yes")
    }

    @Test func theChatDoesNotHearThroughNearWordsUnlessChosen() {
        let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
        #expect(knowledge.synonymLayer == nil)
        #expect(knowledge.with(synonymNearness: 0.85).synonymLayer != nil)
    }
}
