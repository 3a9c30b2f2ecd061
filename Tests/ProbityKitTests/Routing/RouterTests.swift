import Testing

@testable import ProbityKit

@Suite struct RouterTests {
    let router = Router(knowledge: RoutingFixture.knowledge)

    @Test func ranksTheMatchingTopicFirstThroughSynonymsAndStems() {
        #expect(router.rank("a journalist phoned me").first?.topicID == "media-contact")
        #expect(router.rank("Can I see the exempt reports?").first?.topicID == "document-access")
        #expect(router.rank("copying emails to councillors").first?.topicID == "correspondence")
    }

    @Test func correctsMisspellings() {
        #expect(router.rank("a jurnalist rang").first?.topicID == "media-contact")
        #expect(router.rank("corespondence").first?.topicID == "correspondence")
    }

    @Test func scoresAreBestFirstAndBetweenZeroAndOne() {
        let ranked = router.rank("can I see the newspaper's letter to the press about the committee papers", limit: 5)
        #expect(ranked.count >= 2)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(ranked.allSatisfy { $0.score > 0 && $0.score <= 1 })
        #expect(router.rank("anything", limit: 0).isEmpty)
    }

    @Test func aClearQuestionGoesStraightToItsTopic() {
        guard case .clear(let best) = router.route("a reporter from the newspaper wants a quote") else {
            Issue.record("expected a clear route")
            return
        }
        #expect(best.topicID == "media-contact")
        #expect(best.title == "Talking to the media")
    }

    @Test func somethingOffTopicMatchesNothing() {
        for question in ["what's the weather in Leeds", "how do I renew my parking permit", "hello", ""] {
            guard case .noMatch = router.route(question) else {
                Issue.record("\(question) should match nothing, got \(router.route(question))")
                continue
            }
        }
    }

    @Test func thresholdsDecide() {
        let t = RoutingThresholds(minimumScore: 0.2, closeRatio: 0.8, maximumChoices: 2)
        let a = RouteScore(topicID: "a", title: "A", score: 0.6)
        let b = RouteScore(topicID: "b", title: "B", score: 0.5)
        let c = RouteScore(topicID: "c", title: "C", score: 0.49)
        #expect(t.decide([a, RouteScore(topicID: "b", title: "B", score: 0.3)]) == .clear(a))
        #expect(t.decide([a, b, c]) == .choose([a, b]))
        #expect(t.decide([RouteScore(topicID: "a", title: "A", score: 0.1)]) == .noMatch(nearest: [RouteScore(topicID: "a", title: "A", score: 0.1)]))
        #expect(t.decide([]) == .noMatch(nearest: []))
    }

    @Test func explainsItsRanking() {
        let text = router.explain("a journalist rang")
        #expect(text.contains("media"))
        #expect(text.contains("media-contact"))
    }
}
