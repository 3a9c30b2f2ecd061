import Testing

@testable import ProbityKit

/// Facts heard once: what a message states, read from the phrases of each fact's options.
@Suite struct FactExtractorTests {
    static func fact(_ id: String, multiple: Bool = false, _ options: [(String, [String])]) -> Fact {
        Fact(
            key: "t.\(id)", localID: id, prompt: RoleText("\(id)?"), help: "", multiple: multiple,
            options: options.map { FactOption(id: $0.0, label: $0.0, says: RoleText("said \($0.0)"), phrases: $0.1) }, file: "", position: nil)
    }

    static let sits = fact(
        "sits",
        [
            ("yes", ["i am on the * committee", "i sit on the * committee"]),
            ("no", ["not on the * committee", "i do not sit on the"]),
        ])
    static let present = fact(
        "present",
        [
            ("yes", ["not councillors will be there", "our agent will be there"]),
            ("no", ["councillors only", "no one else will be there"]),
        ])
    static let about = fact("about", multiple: true, [("council", ["the budget", "council business"]), ("party", ["party business", "campaign"])])

    func taken(_ text: String, _ facts: [Fact] = [sits, present, about]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: FactExtractor.facts(in: text, among: facts).map { ($0.factKey, FactValue.joined($0.optionIDs)) })
    }

    @Test func contractionsAndCaseAreNormalised() {
        #expect(
            PhraseMatcher.words("I'm NOT on the Licensing Committee, isn't it?") == [
                "i", "am", "not", "on", "the", "licensing", "committee", "is", "not", "it",
            ])
        #expect(PhraseMatcher.words("the officer’s report") == ["the", "officer", "report"])
        #expect(PhraseMatcher.words("can't cannot *") == ["can", "not", "can", "not", "*"])
    }

    /// Contractions typed without the apostrophe are contractions: "party members who arent councillors" says
    /// they are not councillors, and "I havent told anyone" is a negation; a word that is also English ("its") is not.
    @Test func contractionsWithoutTheirApostropheAreExpanded() {
        #expect(
            PhraseMatcher.words("they arent councillors, I havent, Im sure its") == [
                "they", "are", "not", "councillors", "i", "have", "not", "i", "am", "sure", "its",
            ])
        #expect(taken("two party members who arent councillors will be there")["t.present"] == "yes")
    }

    /// The same for "he's", "she's" and "nobody's" typed as "hes", "shes" and "nobodys" (no other English words):
    /// "shes not a councillor" is a negation, and "nobodys let her know" says nobody has.
    @Test func pronounContractionsWithoutTheirApostropheAreExpanded() {
        #expect(PhraseMatcher.words("shes not, hes sure, nobodys told her") == ["she", "is", "not", "he", "is", "sure", "nobody", "told", "her"])
        #expect(PhraseMatcher.tokens("nobodys").map(\.possessive) == PhraseMatcher.tokens("nobody's").map(\.possessive))
        let told = Self.fact("told", [("no", ["nobody * let her know"]), ("yes", ["she knows"])])
        #expect(taken("the roadworks start tomorrow and nobodys let her know", [told])["t.told"] == "no")
    }

    @Test func aLongerPhraseOfTheOtherOptionWins() {
        #expect(taken("I'm not on the licensing committee") == ["t.sits": "no"])
        #expect(taken("I am on the licensing committee") == ["t.sits": "yes"])
    }

    @Test func aNegatedPhraseIsNoEvidence() {
        // A negation just before a phrase, or inside it, is no evidence for it.
        #expect(taken("I doubt not our agent will be there")["t.present"] == nil)
        #expect(taken("our agent will not be there")["t.present"] == nil)
    }

    /// A negation reaches four words forward, but not past the start of another clause.
    /// "None", "nothing" and "nobody" deny what follows as "not" does: "none of our agents will be there" is not the
    /// agent being there (it was taken as such before they counted).
    @Test func noneNothingAndNobodyAreNegations() {
        #expect(taken("none of our agent will be there")["t.present"] == nil)
        #expect(taken("nobody said our agent will be there")["t.present"] == nil)
        #expect(taken("nothing about the budget")["t.about"] == nil)
        #expect(taken("our agent will be there")["t.present"] == "yes")
    }

    @Test func aNegationReachesAcrossAFewWordsButNotIntoAnotherClause() {
        #expect(taken("it is not likely our agent will be there")["t.present"] == nil)
        #expect(taken("I'm not sure, but our agent will be there")["t.present"] == "yes")
    }

    /// A negation that a matched phrase contains is spent there: it does not also deny what follows that phrase.
    @Test func aNegationSpentInsideAPhraseDoesNotReachTheNext() {
        let aim = Self.fact("aim", [("influence", ["keeps ringing me"]), ("other", ["suggest a firm"])])
        let panel = Self.fact("panel", [("yes", ["on the panel"]), ("no", ["not on the panel"])])
        let taken = taken("A councillor who isn't on the panel keeps ringing me about the bids", [aim, panel])
        #expect(taken["t.aim"] == "influence")
        #expect(taken["t.panel"] == "no")
        // A negation no phrase has spent still denies what follows.
        #expect(self.taken("A councillor who never keeps ringing me", [aim])["t.aim"] == nil)
    }

    /// A phrase that is a question is asked, not denied, by "not clear" or "don't know" before it.
    @Test func aNegationBeforeAQuestionDoesNotDenyIt() {
        let liabilities = Self.fact("liabilities", [("clear", ["i understand the liabilities"]), ("unclear", ["what liabilities"])])
        #expect(taken("I'm not clear what liabilities I'd take on", [liabilities])["t.liabilities"] == "unclear")
        #expect(taken("I don't know what liabilities there are", [liabilities])["t.liabilities"] == "unclear")
        // Any other phrase after a negation is still denied.
        #expect(taken("I'm not sure our agent will be there")["t.present"] == nil)
    }

    /// A phrase ending in a possessive ("his daughter's") is not said by the bare noun ("tell his daughter"),
    /// but is by the possessive, with or without its apostrophe.
    @Test func aPossessivePhraseNeedsAPossessive() {
        let whose = Self.fact("whose", [("family", ["his daughter's"]), ("other", ["a constituent"])])
        #expect(taken("so she can tell his daughter what is happening", [whose])["t.whose"] == nil)
        #expect(taken("it is about his daughter's planning application", [whose])["t.whose"] == "family")
        #expect(taken("it is about his daughters planning application", [whose])["t.whose"] == "family")
        #expect(PhraseMatcher.tokens("the officers' report, 'a great lad'").map(\.possessive) == [false, true, false, false, false, false])
    }

    /// A length of time in a phrase (`#wd:N-M`, `#wd:N+`) is met by any way of saying one, counted in working days.
    @Test func durationsAreCountedInWorkingDays() {
        let wait = Self.fact("wait", [("within", ["#wd:0-2"]), ("no-ack", ["#wd:3-9"]), ("no-reply", ["#wd:10+", "over a fortnight"])])
        #expect(taken("I emailed them three weeks ago", [wait])["t.wait"] == "no-reply")
        #expect(taken("it has been 12 working days", [wait])["t.wait"] == "no-reply")
        #expect(taken("waiting a month now", [wait])["t.wait"] == "no-reply")
        #expect(taken("I sent it a couple of days ago", [wait])["t.wait"] == "within")
        #expect(taken("I sent it one week ago", [wait])["t.wait"] == "no-ack")
        #expect(taken("I have waited over a fortnight", [wait])["t.wait"] == "no-reply")
        #expect(taken("a few weeks", [wait])["t.wait"] == "no-reply")
        #expect(taken("several days", [wait])["t.wait"] == "no-ack")
        // Numbers that are not lengths of time say nothing.
        #expect(taken("three councillors emailed", [wait])["t.wait"] == nil)
        #expect(Duration(token: "#wd:3-9")?.range == 3...9)
        #expect(Duration(token: "#wd:x") == nil)
    }

    @Test func oneExtraWordMayStandBetweenPhraseWords() {
        #expect(taken("I sit on the planning applications committee")["t.sits"] == "yes")  // * takes up to three words
        #expect(taken("two local party members who are not councillors will certainly be there")["t.present"] == "yes")
    }

    @Test func twoOptionsOfASingleChoiceFactTakeNothing() {
        #expect(taken("councillors only, though our agent will be there")["t.present"] == nil)
    }

    @Test func aMultipleFactTakesEveryOptionStated() {
        #expect(taken("a briefing on the budget, then some party business")["t.about"] == "council,party")
    }

    @Test func sayingBackUsesTheOptionsWords() {
        let said = FactExtractor.facts(in: "I'm not on the committee", among: [Self.sits]).first?.says
        #expect(said == "said no")
    }

    @Test func stemsMeetAcrossEndings() {
        #expect(PhraseMatcher.stems("councillors organised") == PhraseMatcher.stems("councillor organized"))
    }
}
