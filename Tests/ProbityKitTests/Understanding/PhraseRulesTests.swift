import Testing

@testable import ProbityKit

/// The phrase matcher's loosenings (`PhraseRules.standard`): council vocabulary and irregular verbs folded, rare words
/// further apart, two-word phrases the other way round. Each is tried where it must match and where it must not.
@Suite struct PhraseRulesTests {
    static func fact(_ id: String, _ options: [(String, [String])]) -> Fact {
        Fact(
            key: "t.\(id)", localID: id, prompt: RoleText("\(id)?"), help: "", multiple: false,
            options: options.map { FactOption(id: $0.0, label: $0.0, says: RoleText("said \($0.0)"), phrases: $0.1) }, file: "", position: nil)
    }

    static let media = fact("media", [("enquiry", ["journalist rang me", "the press asked"]), ("criticised", ["slated me"])])
    static let told = fact("told", [("yes", ["the officer told me"]), ("no", ["nobody told me"])])
    static let venue = fact("venue", [("yes", ["just cllrs"]), ("no", ["at my house"])])
    static let papers = fact("papers", [("exempt", ["exempt appendix"]), ("public", ["public report", "open report"])])
    static let briefing = fact("briefing", [("group", ["group briefing"]), ("bullied", ["officer bullied"])])

    func taken(_ text: String, _ facts: [Fact]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: FactExtractor.facts(in: text, among: facts).map { ($0.factKey, FactValue.joined($0.optionIDs)) })
    }

    @Test func councilVocabularyIsOneWordOnBothSides() {
        #expect(taken("A reporter rang me this morning", [Self.media]) == ["t.media": "enquiry"])
        #expect(taken("a journo rang me", [Self.media]) == ["t.media": "enquiry"])
        #expect(taken("The media asked for a comment", [Self.media]) == ["t.media": "enquiry"])
        #expect(taken("Cllr Shah said it was just councillors", [Self.venue]) == ["t.venue": "yes"])
    }

    @Test func aWordTheStemmerRunsIntoAnotherIsFoldedOnlyAsWritten() {
        // "reporter" stems to "report", "pressed" to "press": neither makes a report or a push the media.
        #expect(taken("The report rang alarm bells for me", [Self.media]).isEmpty)
        #expect(taken("She pressed me and asked again", [Self.media]).isEmpty)
    }

    @Test func partyPeopleWhoAreNotCouncillorsAreOneWord() {
        let present = Self.fact("present", [("yes", ["party agent will be there"]), ("no", ["councillors only"])])
        #expect(taken("their party organiser will be there", [present]) == ["t.present": "yes"])
        #expect(taken("a party activist will be there too", [present]) == ["t.present": "yes"])
        // "campaigner" and "organiser" fold only as written: campaign planning and an organised meeting are no one.
        #expect(taken("our party campaign will be there in the plan", [present]).isEmpty)
        #expect(taken("the party organised will be there", [present]).isEmpty)
    }

    @Test func abbreviationsAreWrittenOut() {
        let how = Self.fact("how", [("scrutiny", ["raise it at overview and scrutiny"]), ("mo", ["tell the monitoring officer"])])
        #expect(taken("Can I raise it at O&S next week?", [how]) == ["t.how": "scrutiny"])
        #expect(taken("should I tell the MO", [how]) == ["t.how": "mo"])
        // "purdah" is the pre-election period, as the routing normaliser reads it, both ways round.
        let period = Self.fact("period", [("yes", ["in purdah"]), ("no", ["after the election"])])
        #expect(taken("we are in the pre-election period now", [period]) == ["t.period": "yes"])
        // An "o" and an "s" parted by punctuation are not O&S.
        #expect(taken("raise it at o. S next week", [how]).isEmpty)
    }

    @Test func anAmpersandIsAnd() {
        #expect(PhraseMatcher.words("Planning & Highways") == ["planning", "and", "highways"])
        let committee = Self.fact("committee", [("planning", ["at planning and highways"]), ("other", ["at licensing"])])
        #expect(taken("I want to speak at Planning & Highways next week", [committee]) == ["t.committee": "planning"])
    }

    @Test func irregularVerbsMeetTheirPresent() {
        #expect(taken("the officer tells me it is fine", [Self.told]) == ["t.told": "yes"])
        #expect(taken("nobody tells me anything", [Self.told]) == ["t.told": "no"])
        #expect(FactVocabulary.fold(word: "rang", stem: PhraseMatcher.stem("rang")) == PhraseMatcher.stem("ring"))
    }

    @Test func negationsStillDenyAFoldedPhrase() {
        #expect(taken("no reporter rang me", [Self.media]).isEmpty)
        #expect(taken("It was not the media that asked", [Self.media]).isEmpty)
    }

    @Test func wordsAsWrittenWinOverLooserRules() {
        // "just us councillors" meets "just cllrs" only through the vocabulary; "at my house" is written: it decides.
        #expect(taken("a briefing at my house, just us councillors", [Self.venue]) == ["t.venue": "no"])
        // Without rules, two options heard as written leave the fact to be asked.
        #expect(taken("at my house, just cllrs", [Self.venue]).isEmpty)
    }

    @Test func rareWordsMayStandFurtherApartWithinAClause() {
        #expect(taken("I want the exempt information in the appendix", [Self.papers]) == ["t.papers": "exempt"])
        #expect(taken("it is exempt. Then the appendix is what I want", [Self.papers]).isEmpty)
        #expect(taken("the exempt part, but not the appendix", [Self.papers]).isEmpty)
        #expect(taken("exempt from charges, and I also want the appendix", [Self.papers]).isEmpty)
        // Five words apart is too far.
        #expect(taken("exempt one two three four five appendix", [Self.papers]).isEmpty)
    }

    @Test func wideGapsAreNotForCommonWords() {
        let context = PhraseContext(breaks: [], common: ["report"])
        let words = PhraseMatcher.stems("the public version of this report")
        #expect(PhraseMatcher.occurrences(of: PhraseMatcher.stems("public report"), in: words, rules: .standard, context: context).isEmpty)
        #expect(!PhraseMatcher.occurrences(of: PhraseMatcher.stems("public report"), in: words, rules: .standard).isEmpty)
        #expect(PhraseMatcher.occurrences(of: PhraseMatcher.stems("public report"), in: words).isEmpty)
    }

    @Test func twoWordPhrasesMeetTheOtherWayRoundThroughAPreposition() {
        #expect(taken("they want a briefing for the group", [Self.briefing]) == ["t.briefing": "group"])
        #expect(taken("a briefing of our group next week", [Self.briefing]) == ["t.briefing": "group"])
        // Joined by a verb, the order says who did what: "bullied the officer" is not "officer bullied".
        #expect(taken("the councillor bullied the officer", [Self.briefing]).isEmpty)
        #expect(taken("there was a briefing. For the group, nothing", [Self.briefing]).isEmpty)
    }

    @Test func literalRulesAreTheWordsAsWritten() {
        let words = PhraseMatcher.stems("a briefing for the group")
        #expect(PhraseMatcher.occurrences(of: PhraseMatcher.stems("group briefing"), in: words).isEmpty)
        #expect(!PhraseMatcher.occurrences(of: PhraseMatcher.stems("group briefing"), in: words, rules: .standard).isEmpty)
    }

    @Test func breaksAreMarkedWhereClausesPart() {
        let tokens = PhraseMatcher.tokens("Hi, I'm not - well - non-members (two) will be there.")
        #expect(tokens.map(\.word) == ["hi", "i", "am", "not", "well", "non", "members", "two", "will", "be", "there"])
        #expect(tokens.map(\.afterBreak) == [false, true, false, false, true, true, false, true, true, false, false])
    }
}
