import Testing

@testable import ProbityKit

@Suite struct CoverageReportTests {
    @Test func countsAdvisoryClausesCitedByAdvice() throws {
        let report = CoverageReport(knowledge: try KnowledgeFixture.sound())
        let testshire = try #require(report.councils.first { $0.council == "testshire" })
        // Clause 1 is not advisory; 2 and 3 are cited by advice; 4 (media) by none. Why-I-ask citations do not count.
        #expect(testshire.advisory == 3)
        #expect(testshire.cited == 2)
        #expect(testshire.uncited.map(\.id) == ["4"])
        #expect(testshire.notAdvisory.map(\.id) == ["1"])
        #expect(abs(testshire.share - 2.0 / 3.0) < 1e-9)
    }

    @Test func shippedKnowledgeCitesAtLeastNinetyPercentOfEachCouncil() {
        let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
        let report = CoverageReport(knowledge: knowledge)
        #expect(report.councils.count == 4)
        for council in report.councils {
            #expect(council.share >= 0.9, "\(council.council): \(council.cited) of \(council.advisory); never cited: \(council.uncited.map(\.id))")
            #expect(council.citedThoughNotAdvisory.isEmpty, "\(council.council) cites clauses it marks not advisory: \(council.citedThoughNotAdvisory)")
        }
    }
}
