import Testing

@testable import ProbityKit

@Suite struct VersionDiffTests {
    static func version(_ v: String, current: Bool, _ clauses: [Clause]) -> Council {
        Council(
            id: "x", name: "X Council", shortName: "X", document: "Protocol", version: v, date: nil,
            status: current ? .adopted : .superseded, isCurrent: current, source: "", numbering: nil, reading: nil,
            clauses: clauses, file: "councils/x@\(v).json")
    }

    @Test func pairsClausesByIDInTheNewOrder() {
        let old = Self.version(
            "1", current: false,
            [
                Clause(id: "1", number: "1", heading: "A", text: "Same words."),
                Clause(id: "2", number: "2", heading: "A", text: "Old words here."),
                Clause(id: "3", number: "3", heading: "A", text: "Going away."),
                Clause(id: "4", number: "4", heading: "A", text: "Quote “this”."),
                Clause(id: "5", number: "5", heading: "Old heading", text: "Kept."),
            ])
        let new = Self.version(
            "2", current: true,
            [
                Clause(id: "1", number: "1", heading: "A", text: "Same words."),
                Clause(id: "2", number: "2", heading: "A", text: "New words here."),
                Clause(id: "2a", number: "2a", heading: "A", text: "Brand new."),
                Clause(id: "4", number: "4", heading: "A", text: "Quote \"this\"."),
                Clause(id: "5", number: "5", heading: "New heading", text: "Kept."),
            ])
        let diff = VersionDiff(from: old, to: new)
        #expect(diff.entries.map(\.clauseID) == ["2", "3", "2a", "5"])  // a removed clause stays after its predecessor
        #expect(diff.added.map(\.id) == ["2a"])
        #expect(diff.removed.map(\.id) == ["3"])
        #expect(diff.changed.map(\.new.id) == ["2", "5"])
        #expect(diff.changed[1].headingChanged && !diff.changed[1].textChanged)
        #expect(diff.typographyOnly == ["4"])
        #expect(diff.unchanged == 1)
        let text = DiffRenderer(style: .plain).render(diff)
        #expect(text.contains("ADDED 2a — A"))
        #expect(text.contains("REMOVED 3 — A"))
        #expect(text.contains("[-Old-] {+New+} words here."))
        #expect(text.contains("Heading: [-Old heading-] {+New heading+}"))
        #expect(text.contains("1 added · 1 removed · 2 changed · 1 differ only in typography · 1 unchanged"))
    }

    /// Blackburn with Darwen's earlier and current protocols, as shipped.
    @Test func blackburnAddsTheProcurementClauseAndRewritesNeedToKnow() throws {
        let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
        let diffs = VersionDiff.history(of: "blackburn-with-darwen", in: knowledge)
        let diff = try #require(diffs.last)
        #expect(diff.from.version == "1")
        #expect(diff.to.isCurrent)
        #expect(diff.added.map(\.id).contains("A4.3"))
        #expect(diff.added.map(\.id).contains("C3.14-interest"))
        let needToKnow = try #require(diff.changed.first { $0.new.id == "C3.10" })
        #expect(needToKnow.textChanged)
        #expect(needToKnow.words.contains(.added("Need")) || needToKnow.words.contains(.added("“Need")))
        // Clauses that differ only in quote marks are not listed as changed.
        for id in diff.typographyOnly { #expect(!diff.changed.contains { $0.new.id == id }) }
        let report = DiffReport(council: diff.to, diffs: diffs)
        #expect(report.comparisons.last?.added.map(\.id).contains("A4.3") == true)
        #expect(report.comparisons.last?.changed.first { $0.id == "C3.10" }?.marked.contains("{+") == true)
    }

    @Test func aCouncilWithOneVersionHasNoHistory() {
        let only = Self.version("1", current: true, [])
        let knowledge = KnowledgeBase(
            councils: [
                CouncilFolder(
                    id: only.id, name: only.name, shortName: only.shortName, generalPrinciples: [],
                    versions: [only], trees: [], folder: "")
            ], topics: [])
        #expect(VersionDiff.history(of: "x", in: knowledge).isEmpty)
    }
}
