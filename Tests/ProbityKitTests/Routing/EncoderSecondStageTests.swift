import Foundation
import Testing

@testable import ProbityKit

/// The routing's second stage: the sentence encoder's opinion on unsure questions (`EncoderSecondStage`,
/// `catalogue/encoder-routing.json`, and `catalogue/encoder.bin`, which `scripts/fetch-encoder.sh` makes). The tests
/// that need the encoder file are skipped without it, except in CI, where the test command makes it first.
@Suite struct EncoderSecondStageTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
    static let router = Router(knowledge: knowledge)
    static let hasEncoder = FileManager.default.fileExists(atPath: Paths.knowledge + "/" + EncoderRoutingPart.encoderFile)
    static let runs = hasEncoder || ProcessInfo.processInfo.environment["CI"] != nil
    static let skip: Comment = "no catalogue/encoder.bin: run scripts/fetch-encoder.sh"

    static func part() throws -> EncoderRoutingPart {
        let bytes = try #require(FileManager.default.contents(atPath: Paths.knowledge + "/" + EncoderRoutingPart.file))
        return try EncoderRoutingPart.decode([UInt8](bytes)).get()
    }

    @Test func theShippedPartIsTrainedOnTheCataloguesTopics() throws {
        let part = try Self.part()
        #expect(part.classes == Self.knowledge.topics.map(\.id) + [EncoderRoutingPart.backgroundClass])
        #expect(part.ranking.count == 6)
        #expect(part.dimensions == 384)
    }

    @Test func logProbabilitiesAreADistribution() throws {
        let part = try Self.part()
        var seed: UInt64 = 7
        let raw = (0..<part.dimensions).map { _ -> Float in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: seed >> 11) % 1000) / 1000
        }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let p = part.logProbabilities(raw.map { $0 / norm })
        #expect(p.count == part.classes.count)
        #expect(abs(p.reduce(0) { $0 + exp($1) } - 1) < 1e-9)
        #expect(p.allSatisfy { $0 <= 0 })
    }

    /// In CI the stage must run: routing without it would pass the other tests while the shipped figures are not the
    /// ones the users get.
    @Test(.enabled(if: runs, skip)) func theShippedStageRuns() {
        #expect(Self.router.secondStage?.problem == nil, "\(Self.router.secondStage?.problem?.message ?? "no stage")")
        let check = EncoderSecondStage.validate(directory: Paths.knowledge, topicIDs: Self.knowledge.topics.map(\.id))
        #expect(check.issues.isEmpty, "\(check.issues)")
        #expect(check.note == nil)
    }

    /// The development scenario messages (never trained on): the stage must keep what it was chosen for, more of
    /// them ranked first than the hand-set order alone ranks (BENCHMARKS.md: 76.8% → 80.8%), none more refused.
    @Test(.enabled(if: runs, skip)) func theStageRanksMoreScenarioMessagesFirst() throws {
        let folder = Paths.fixtures + "/scenarios"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("dev") && $0.hasSuffix(".json") }.sorted()
        let cases = try names.flatMap { name in
            try ScenarioFile.load(folder + "/" + name).scenarios.map { RoutingEvaluation.Case(question: $0.says, expected: $0.topic) }
        }
        #expect(cases.count >= 500)
        let known = Set(Self.knowledge.topics.map(\.id))
        let with = RoutingEvaluation(router: Self.router, cases: cases, knownTopics: known)
        let without = RoutingEvaluation(router: Self.router.withoutSecondStage(), cases: cases, knownTopics: known)
        #expect(with.topOne >= without.topOne + cases.count / 50, "with \(with.topOne), without \(without.topOne) of \(cases.count)")
        #expect(with.topThree >= without.topThree)
        #expect(with.falseRejections <= without.falseRejections, "the stage refuses no more of them")
    }

    /// The stage's opinion on refusal, on the development off-topic questions set aside from the background text (never
    /// trained on): more of them refused than by the hand-set decision alone, and no more development scenario
    /// messages refused (BENCHMARKS.md: dev3 off-topic 90 → 95 of 108, scenario messages 14 → 14 of 702).
    @Test(.enabled(if: runs, skip)) func theStageRefusesMoreOffTopicQuestionsAndNoMoreOnTopicOnes() throws {
        let text = try String(contentsOfFile: Paths.fixtures + "/routing/dev3-off-topic.txt", encoding: .utf8)
        let offTopic = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { RoutingEvaluation.Case(question: $0, expected: nil) }
        #expect(offTopic.count >= 100)
        let known = Set(Self.knowledge.topics.map(\.id))
        let with = RoutingEvaluation(router: Self.router, cases: offTopic, knownTopics: known)
        let without = RoutingEvaluation(router: Self.router.withoutSecondStage(), cases: offTopic, knownTopics: known)
        #expect(with.offTopicRejected >= without.offTopicRejected + 3, "with \(with.offTopicRejected), without \(without.offTopicRejected)")
    }

    /// A question the hand-set order is sure of is never encoded: the stage's files are not even read.
    @Test func aClearQuestionDoesNotReadTheStage() throws {
        let router = Router(knowledge: Self.knowledge)
        let stage = try #require(router.secondStage)
        _ = router.rank("a journalist from the local paper rang me about the budget and wants a quote")
        #expect(!stage.hasRead, "a clear question read the encoder")
    }

    @Test(.enabled(if: runs, skip)) func anUnsureQuestionIsOrderedByTheEncoder() throws {
        let lines =
            Self.router.explain("I think one of the officers lied to me about the depot sale and I want to complain")
            + "\n" + Self.router.explain("can my ward casework go to an officer's personal email")
        // At least one of these is unsure enough to be encoded; --explain says so.
        #expect(lines.contains("second stage:"), "\(lines)")
    }

    @Test func withoutAPartThereIsNoStageProblemButNoOrderEither() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-stage-\(UUID().uuidString)").path
        let stage = EncoderSecondStage(directory: directory, topicIDs: ["a"])
        #expect(stage.problem == .noPart)
        #expect(stage.loaded == nil)
    }

    /// Each broken file names the place an author must go: the element, the member or the document.
    @Test(arguments: [
        ("{", "1:2"),
        (#"{"encoderSHA256": "x", "classes": ["a", "(background)"], "ranking": [1, 2, 3, 4, 5], "intercepts": [0, 0], "weights": [[1], [2]]}"#, "1:69"),
        (#"{"classes": ["a", "(background)"], "ranking": [1, 2, 3, 4, 5, 6], "intercepts": [0, 0], "weights": [[1], [2]]}"#, "1:1"),
        (#"{"encoderSHA256": "x", "classes": ["a", "(background)"], "ranking": [1,2,3,4,5,6], "intercepts": [0, 0], "weights": [[1], [2, "3"]]}"#, "1:127"),
        (#"{"encoderSHA256": "x", "classes": ["a", "(background)"], "ranking": [1, 2, 3, 4, 5, 6], "intercepts": [0, 0], "weights": [[1], [2, 3]]}"#, "1:122"),
        (#"{"encoderSHA256": "x", "classes": ["a", "b"], "ranking": [1, 2, 3, 4, 5, 6], "intercepts": [0, 0], "weights": [[1], [2]]}"#, "1:35"),
        (#"{"encoderSHA256": "x", "classes": ["a", "(background)"], "ranking": [1,2,3,4,5,6], "intercepts": [0], "weights": [[1], [2]], "extra": 1}"#, "1:114"),
    ])
    func aBrokenPartIsRefusedWithItsPosition(text: String, position: String) {
        switch EncoderRoutingPart.decode(Array(text.utf8), file: "catalogue/encoder-routing.json") {
        case .success: Issue.record("accepted: \(text)")
        case .failure(let error):
            let found = error.issues.compactMap { $0.position.map { "\($0.line):\($0.column)" } }
            #expect(found.contains(position), "\(error.issues.map(\.description))")
            #expect(error.issues.allSatisfy { $0.description.hasPrefix("catalogue/encoder-routing.json:") })
        }
    }

    @Test func theShippedPartIsWhatTheStageReads() throws {
        // A stage over another topic list is refused rather than misread.
        let stage = EncoderSecondStage(directory: Paths.knowledge, topicIDs: ["only-one-topic"])
        #expect(stage.problem == .otherClasses)
    }
}
