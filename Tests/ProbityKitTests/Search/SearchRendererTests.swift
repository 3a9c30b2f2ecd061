import Foundation
import Testing

@testable import ProbityKit

@Suite struct SearchRendererTests {
    let hits = ClauseSearch(knowledge: RoutingFixture.knowledge).search("blind copies")

    @Test func plainOutputMarksMatchesAndLabelsEachHit() {
        let text = SearchRenderer(style: .plain).render(hits, query: "blind copies")
        #expect(text.contains("1. Testshire 1 — Correspondence"))
        #expect(text.contains("[[blind copies]]"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aTerminalGetsColourNotMarks() {
        let text = SearchRenderer(style: TextStyle(colour: true, width: 80)).render(hits, query: "blind copies")
        #expect(text.contains("\u{1B}[1m"))
        #expect(!text.contains("[["))
    }

    @Test func sayWhenNothingMatches() {
        #expect(SearchRenderer(style: .plain).render([], query: "zzz").hasPrefix("No clause matches \"zzz\""))
    }

    @Test func reportCarriesTheMarkedSnippet() throws {
        let report = SearchReport(query: "blind copies", council: nil, hits: hits)
        #expect(report.hits.first?.snippet.contains("[[blind copies]]") == true)
        #expect(report.hits.first?.council == "testshire")
        #expect(report.hits.first?.matches == ["copied", "blind copies"])
    }
}
