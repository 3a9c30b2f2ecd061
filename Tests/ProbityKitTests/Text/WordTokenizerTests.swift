import Testing

@testable import ProbityKit

@Suite struct WordTokenizerTests {
    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(WordTokenizer.tokens("Can I see THE report, please?").map(\.word) == ["can", "i", "see", "the", "report", "please"])
    }

    @Test func dropsApostrophesAndPossessives() {
        #expect(
            WordTokenizer.tokens("the officer's report and members' rights, don't").map(\.word)
                == ["the", "officer", "report", "and", "members", "rights", "dont"])
        #expect(WordTokenizer.tokens("the Council’s “Need to Know”").map(\.word) == ["the", "council", "need", "to", "know"])
    }

    @Test func offsetsPointAtTheWordsInTheText() {
        let text = "“Need to Know’ – ok"
        let bytes = Array(text.utf8)
        let words = WordTokenizer.tokens(text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(words == ["Need", "to", "Know", "ok"])
    }

    @Test func marksHyphenatedWords() {
        let tokens = WordTokenizer.tokens("non-members - and call-in")
        #expect(tokens.map(\.word) == ["non", "members", "and", "call", "in"])
        #expect(tokens.map(\.hyphenatedToPrevious) == [false, true, false, false, true])
    }

    @Test func keepsNumbersAndNonASCIILetters() {
        #expect(
            WordTokenizer.tokens("paragraph 3.14 of the café’s 2022 draft").map(\.word)
                == ["paragraph", "3", "14", "of", "the", "café", "2022", "draft"])
    }
}
