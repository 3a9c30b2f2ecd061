import Testing

@testable import ProbityKit

@Suite struct FuzzyVocabularyTests {
    let vocabulary = FuzzyVocabulary(words: ["confidential", "briefing", "journalist", "needs", "council", "weather"])

    @Test func correctsOneSlip() {
        #expect(vocabulary.correction(for: "confidental") == "confidential")
        #expect(vocabulary.correction(for: "breifing") == "briefing")
        #expect(vocabulary.correction(for: "jouranlist") == "journalist")
        #expect(vocabulary.correction(for: "councl") == "council")
    }

    @Test func leavesKnownShortAndFarWordsAlone() {
        #expect(vocabulary.correction(for: "council") == nil)
        #expect(vocabulary.correction(for: "need") == nil)
        #expect(vocabulary.correction(for: "leeds") == nil)  // one letter from "needs", but not the first letter
        #expect(vocabulary.correction(for: "parking") == nil)
    }

    @Test func distanceCountsSwapsAsOneEdit() {
        #expect(FuzzyVocabulary.distance(Array("briefing".utf8), Array("breifing".utf8), limit: 2) == 1)
        #expect(FuzzyVocabulary.distance(Array("abc".utf8), Array("xyz".utf8), limit: 1) == 2)
    }
}
