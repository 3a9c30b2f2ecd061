import Testing

@testable import ProbityKit

@Suite struct VerbatimCheckTests {
    @Test func normalisesOnlyWhiteSpaceQuotesAndDashes() {
        #expect(VerbatimCheck.normalise("  the  Council’s\n\n“need to know” – sub--committee ") == "the Council's \"need to know\" - sub-committee")
    }

    @Test func doesNotForgiveOtherDifferences() {
        let source = Array(VerbatimCheck.normalise("Members may request senior officers to provide them with information.").utf8)
        #expect(VerbatimCheck.contains(source, Array(VerbatimCheck.normalise("request senior\nofficers").utf8)))
        #expect(!VerbatimCheck.contains(source, Array(VerbatimCheck.normalise("request senior officer to").utf8)))
        #expect(!VerbatimCheck.contains(source, Array(VerbatimCheck.normalise("Members may ask senior officers").utf8)))
        #expect(!VerbatimCheck.contains(source, Array(VerbatimCheck.normalise("members may request").utf8)))
    }
}
