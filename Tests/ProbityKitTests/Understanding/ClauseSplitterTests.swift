import Testing

@testable import ProbityKit

/// A message is read by meaning clause by clause: each clause may state one fact, and a negation stays in its clause.
@Suite struct ClauseSplitterTests {
    @Test func splitsAtPunctuationAndAtWordsThatStartAClause() {
        let clauses = ClauseSplitter.clauses("I'm not on the committee, but I'd like the report because it's about my ward.")
        #expect(clauses.map(\.text) == ["i am not on the committee", "but i would like the report", "because it is about my ward"])
    }

    @Test func aNegationNegatesOnlyItsOwnClause() {
        let clauses = ClauseSplitter.clauses("Nobody else will be there and the group leader asked me")
        #expect(clauses.map(\.negated) == [true, false])
    }

    @Test func aClauseOfOneWordIsDropped() {
        #expect(ClauseSplitter.clauses("Yes. Thanks!").isEmpty)
    }
}
