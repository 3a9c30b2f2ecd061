import Testing

@testable import ProbityKit

@Suite struct TextNormaliserTests {
    func terms(_ text: String) -> [String] {
        var normaliser = TextNormaliser()
        return normaliser.terms(text)
    }

    @Test func foldsAmericanSpellings() {
        #expect(SpellingVariants.fold("organize") == "organise")
        #expect(SpellingVariants.fold("organizations") == "organisations")
        #expect(SpellingVariants.fold("behavior") == "behaviour")
        #expect(SpellingVariants.fold("neighborhood") == "neighbourhood")
        #expect(SpellingVariants.fold("councilor") == "councillor")
        #expect(SpellingVariants.fold("traveling") == "travelling")
        #expect(SpellingVariants.fold("center") == "centre")
        #expect(SpellingVariants.fold("size") == "size")
        #expect(terms("the councilors' behavior") == terms("the councillors' behaviour"))
    }

    @Test func foldsSynonymsToOneTerm() {
        #expect(terms("journalist") == terms("press"))
        #expect(terms("reporters") == terms("media"))
        #expect(terms("Cllr") == terms("members"))
        #expect(terms("councillor") == terms("member"))
        #expect(terms("staff") == terms("officers"))
        #expect(terms("employee") == terms("officer"))
        #expect(terms("caucus") == terms("party"))
        #expect(terms("political parties") == terms("political groups"))
        #expect(terms("non-members") == terms("not members"))
    }

    @Test func stemsAndDropsStopWords() {
        #expect(terms("Can I see the briefings?") == terms("see briefing"))
        #expect(terms("the of and to") == [])
    }

    @Test func expandsAbbreviationsAndJoinsHyphenatedWords() {
        #expect(terms("bcc") == terms("blind copy"))
        #expect(terms("e-mail") == terms("email"))
        #expect(terms("the MO") == terms("monitoring officer"))
        #expect(terms("my brother-in-law") == ["brother", "inlaw"])
    }

    @Test func analyseKeepsStopWordsForPhrases() {
        var normaliser = TextNormaliser()
        let tokens = normaliser.analyse("need to know")
        #expect(tokens.map(\.isStop) == [false, true, false])
        #expect(tokens.map { normaliser.term($0.terms[0]) } == ["need", "to", "know"])
        #expect(TextNormaliser.analyse("needs to know").flatMap(\.terms) == ["need", "to", "know"])
    }
}
