import Testing

@testable import ProbityKit

@Suite struct SearchQueryTests {
    @Test func quotedWordsAreAPhrase() {
        let query = SearchQuery("\"need to know\" documents")
        #expect(query.phrases.map(\.terms) == [["need", "to", "know"]])
        #expect(query.looseTerms == TextNormaliser.analyse("documents").flatMap(\.terms))
    }

    @Test func curlyQuotesWorkToo() {
        #expect(SearchQuery("“blind copies”").phrases.count == 1)
    }

    @Test func hyphenatedWordsAreAPhrase() {
        let query = SearchQuery("non-members present")
        #expect(query.phrases.map(\.terms) == [["not", "member"]])
        #expect(query.looseTerms.count == 1)
    }

    @Test func looseWordsDropStopWordsAndRepeats() {
        let query = SearchQuery("the press and the media")
        #expect(query.looseTerms == ["media"])
        #expect(query.looseSequence.count == 5)
    }

    @Test func equivalentPhrasesAreOffered() {
        #expect(SearchQuery("need to know").alternatives == [TextNormaliser.analyse("reasonably necessary").flatMap(\.terms)])
        #expect(SearchQuery("copies").alternatives.isEmpty)
    }
}
