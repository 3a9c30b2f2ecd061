import Testing

@testable import ProbityKit

@Suite struct OptionMatcherTests {
    let options = [
        AnswerOption(id: "committee-papers", label: "Papers of a committee I sit on", next: "a"),
        AnswerOption(id: "other-committee", label: "Papers of another committee", next: "b"),
        AnswerOption(id: "group-papers", label: "Another political group's papers", next: "c"),
    ]

    private func id(_ input: String) -> String? {
        if case .option(let o) = OptionMatcher.match(input, in: options) { return o.id }
        return nil
    }

    @Test func byNumberIdLabelPrefixAndWords() {
        #expect(id("2") == "other-committee")
        #expect(id(" 3 ") == "group-papers")
        #expect(id("committee-papers") == "committee-papers")
        #expect(id("PAPERS OF ANOTHER COMMITTEE") == "other-committee")
        #expect(id("another pol") == "group-papers")
        #expect(id("group") == "group-papers")
        #expect(id("political") == "group-papers")
    }

    @Test func ambiguousAndUnknownAreNotGuessed() {
        if case .ambiguous(let both) = OptionMatcher.match("papers of", in: options) {
            #expect(both.count == 2)
        } else {
            Issue.record("'papers of' should be ambiguous")
        }
        #expect(id("0") == nil)
        #expect(id("4") == nil)
        #expect(id("") == nil)
        #expect(id("banana") == nil)
    }
}
