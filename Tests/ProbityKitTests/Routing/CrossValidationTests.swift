import Foundation
import Testing

@testable import ProbityKit

/// Cross-validation, the development measure routing weights are chosen on (`probity-bench --dev`).
@Suite struct CrossValidationTests {
    static let shipped = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge
    /// A small catalogue: three topics and a few background questions, so the five routers build quickly.
    static let knowledge = shipped.with(topics: Array(shipped.topics.prefix(3)), background: Array(shipped.background.prefix(20)))

    /// Every example is routed once by a router built without it, and so is every background question, which should be
    /// refused: the background class is measured too.
    @Test func everyExampleAndBackgroundQuestionIsHeldOutOnce() {
        let e = RoutingEvaluation.crossValidate(knowledge: Self.knowledge, folds: 5)
        #expect(e.onTopic == Self.knowledge.topics.reduce(0) { $0 + $1.examples.count })
        #expect(e.offTopic == 20)
        #expect(e.offTopicRejected > 0)
    }

    /// Vectors distilled without a fold's examples replace the shipped ones in that fold; none at all (a fold without
    /// vectors) routes without them, and differently.
    @Test func foldVectorsReplaceTheShippedOnes() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        let same = RoutingEvaluation.crossValidate(knowledge: Self.knowledge, folds: 5, foldVectors: Array(repeating: vectors, count: 5))
        let shipped = RoutingEvaluation.crossValidate(knowledge: Self.knowledge, folds: 5)
        #expect(same.topOne == shipped.topOne && same.offTopicRejected == shipped.offTopicRejected)
        let none = RoutingEvaluation.crossValidate(knowledge: Self.knowledge, folds: 5, foldVectors: [])
        var weights = RoutingWeights.standard
        weights.vectors = 0
        let without = RoutingEvaluation.crossValidate(knowledge: Self.knowledge, folds: 5, weights: weights)
        #expect(none.topOne == without.topOne && none.offTopicRejected == without.offTopicRejected)
    }
}
