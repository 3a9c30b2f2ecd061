import Testing

@testable import ProbityKit

@Suite struct ProperNamesTests {
    static func names(_ text: String) -> [String] {
        let tokens = WordTokenizer.tokens(text)
        return ProperNames.names(text, tokens: tokens).flatMap { $0.map { tokens[$0].word } }
    }

    @Test func twoCapitalisedWordsInARowAreAName() {
        #expect(Self.names("the Evening Star rang me about the library") == ["evening", "star"])
        #expect(Self.names("Sunday Times journalist wants a quote") == ["sunday", "times"])
        #expect(Self.names("I spoke to the Head of Planning and the Riverside Estate residents") == ["head", "riverside", "estate"])
    }

    @Test func oneCapitalisedWordAfterTheIsAName() {
        #expect(Self.names("the Gazette wants to interview me") == ["gazette"])
        #expect(Self.names("The Gazette wants to interview me") == ["the", "gazette"])
        #expect(Self.names("Gazette wants to interview me").isEmpty)
    }

    @Test func aCapitalisedWordAloneIsNotAName() {
        #expect(Self.names("can I ring an officer on Sunday evening?").isEmpty)
        #expect(Self.names("Evening calls to officers: are they allowed?").isEmpty)
    }

    @Test func theWordIIsNeverPartOfAName() {
        #expect(Self.names("Tonight I rang the director").isEmpty)
    }

    @Test func punctuationEndsAName() {
        #expect(Self.names("on Saturday. Evening calls are fine").isEmpty)
    }

    @Test func textTypedInCapitalsHasNoNames() {
        #expect(Self.names("CAN I RING AN OFFICER IN THE EVENING").isEmpty)
        #expect(Self.names("Can I Ring An Officer In The Evening").isEmpty)
    }

    @Test func anEveningNewspaperIsNotAboutTheTimeOfDay() {
        let knowledge = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge
        let terms = Router(knowledge: knowledge).explain("the Evening Star rang asking about the library closures").split(separator: "\n").first ?? ""
        #expect(!terms.contains("~hours"), "\(terms)")
        let evening = Router(knowledge: knowledge).explain("can I ring an officer in the evening").split(separator: "\n").first ?? ""
        #expect(evening.contains("~hours"), "\(evening)")
        let ranked = Router(knowledge: knowledge).rank("the Evening Star rang asking what I think about the library closures")
        #expect(ranked.first?.topicID == "media-contact", "\(ranked)")
    }
}
