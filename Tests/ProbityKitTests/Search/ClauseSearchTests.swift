import Testing

@testable import ProbityKit

@Suite struct ClauseSearchTests {
    let search = ClauseSearch(knowledge: RoutingFixture.knowledge)

    @Test func findsClausesByTheirWordsInAnyForm() {
        #expect(search.search("blind copy").first?.clause.id == "1")
        #expect(search.search("journalists").first?.clause.id == "2")  // press → media
        #expect(search.search("councillor documents").first?.clause.id == "3")
    }

    @Test func phrasesMustAppear() {
        let hits = search.search("\"not members\"")
        #expect(hits.map(\.clause.id) == ["4"])
        #expect(search.search("non-members").map(\.clause.id) == ["4"])
        #expect(search.search("\"members not\"").isEmpty)
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let hit = try #require(search.search("blind copies").first)
        #expect(
            hit.snippet.marked()
                == "Correspondence between a member and an officer should not be [[copied]] to another member. There should be no [[blind copies]].")
        #expect(hit.snippet.matchedWords == ["copied", "blind copies"])
        #expect(hit.snippet.text == hit.clause.text)
    }

    @Test func aPhraseIsMarkedWhole() throws {
        let hit = try #require(search.search("need to know").first)
        #expect(hit.clause.id == "3")
        #expect(hit.snippet.marked().contains("[[need to know]]"))
    }

    @Test func limitsAndFiltersByCouncil() {
        #expect(search.search("officer", limit: 1).count == 1)
        #expect(search.search("officer", council: "testshire").count >= 2)
        #expect(search.search("officer", council: "nowhere").isEmpty)
        #expect(search.search("").isEmpty)
        #expect(search.search("zzzz qqqq").isEmpty)
    }

    @Test func findsClausesForTheChat() {
        let hits = search.find("blind copies", council: nil, limit: 2)
        #expect(hits.first?.clause.clause.id == "1")
        #expect(hits.first?.clause.councilShortName == "Testshire")
        #expect(hits.first?.matched.contains("blind copies") == true)
    }
}

/// Search on the shipped knowledge: the known queries of the issue.
@Suite struct ShippedClauseSearchTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
    static let search = ClauseSearch(knowledge: knowledge)

    @Test func blindCopiesFindsCarlisle130First() {
        let hit = Self.search.search("blind copies").first
        #expect(hit?.councilID == "carlisle")
        #expect(hit?.clause.id == "130")
    }

    /// Each council's clauses on party group meetings attended by people who are not members.
    @Test func nonMembersFindsThePartyGroupClausesOfEachCouncil() {
        let expected: [String: Set<String>] = [
            "blackburn-with-darwen": ["C2.9", "C2.10", "C2.11"], "carlisle": ["83", "96"],
            "wiltshire": ["10.5"], "tower-hamlets": ["7.4"],
        ]
        let hits = Self.search.search("non-members", limit: 10)
        for (council, clauses) in expected where Self.knowledge.council(id: council) != nil {
            #expect(hits.contains { $0.councilID == council && clauses.contains($0.clause.id) }, "no party-group clause of \(council)")
        }
    }

    /// Within each council, "need to know" ranks a clause on the need to know first.
    @Test func needToKnowRanksEachCouncilsNeedToKnowClausesFirst() {
        let expected: [String: Set<String>] = [
            "blackburn-with-darwen": ["C3.10", "C3.11"], "carlisle": ["116", "117", "120"],
            "wiltshire": ["11.9"], "tower-hamlets": ["13.1", "13.3", "13.5", "13.6", "13.7", "13.8", "13.11", "13.13"],
        ]
        for (council, clauses) in expected where Self.knowledge.council(id: council) != nil {
            let top = Self.search.search("need to know", council: council, limit: min(2, clauses.count))
            #expect(top.allSatisfy { clauses.contains($0.clause.id) }, "\(council): \(top.map(\.clause.id))")
        }
        // Across all councils, the first results are need-to-know clauses, every council among them.
        let all = Self.search.search("need to know", limit: 10)
        #expect(Set(all.map(\.councilID)).count == Self.knowledge.councils.count)
    }

    @Test func aQuotedPhraseOnlyFindsClausesWithIt() {
        let hits = Self.search.search("\"need to know\"", limit: 50)
        #expect(!hits.isEmpty)
        for hit in hits {
            let text = TextNormaliser.analyse(hit.clause.text).flatMap(\.terms).joined(separator: " ")
            #expect(text.contains("need to know"), "\(hit.councilID) \(hit.clause.id)")
        }
    }
}
