import Foundation
import Testing

@testable import ProbityKit

/// The distilled word vectors shipped with the catalogue, and the background class of questions no topic answers.
@Suite struct WordVectorsTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge

    static func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func theCatalogueShipsVectorsAndBackgroundQuestions() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        #expect(vectors.count > 10_000)
        #expect(vectors.dimensions >= 32)
        #expect(vectors.bytes.count < 4_000_000, "the vectors are meant to stay a small file")
        #expect(Self.knowledge.background.count >= 200)
    }

    @Test func wordsAreFoundAsTheScriptSplitThem() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        #expect(WordVectors.words("Don’t CC the Leader's P.A.").map { String(decoding: $0, as: UTF8.self) } == ["dont", "cc", "the", "leaders", "p", "a"])
        for word in ["journalist", "councillor", "newspaper", "gazette"] {
            #expect(vectors.index(of: ArraySlice(Array(word.utf8))) != nil, "\(word)")
        }
        #expect(vectors.index(of: ArraySlice(Array("zzzzqqq".utf8))) == nil)
        #expect(vectors.vector("the of and") == nil, "stop words alone have no vector")
    }

    /// Meaning, not spelling: a question about the press is nearer another about the press than one about bins.
    @Test func similarQuestionsAreNear() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        let press = try #require(vectors.vector("the Gazette wants to interview me"))
        let reporter = try #require(vectors.vector("a journalist rang asking for a quote"))
        let bins = try #require(vectors.vector("my recycling bin was not emptied"))
        #expect(Self.cosine(press, reporter) > Self.cosine(press, bins))
        #expect(abs(Self.cosine(press, press) - 1) < 1e-3)
    }

    /// The vectors were distilled from the catalogue as it is: every word of its routing text (titles, summaries,
    /// examples, the facts' labels and phrases, the background questions) has a vector. When this fails, routing text
    /// changed after the last distillation: run `scripts/distil-vectors.py` again (BENCHMARKS.md, issue 12).
    @Test func theVectorsKnowEveryWordOfTheCatalogue() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        var texts = Self.knowledge.background
        for topic in Self.knowledge.topics {
            texts += [topic.title, topic.summary] + topic.examples
            for fact in topic.facts where !fact.isShared {
                for option in fact.options { texts += [option.label] + option.phrases }
            }
        }
        var missing = Set<String>()
        for text in texts {
            for word in WordVectors.words(text) where word.count >= 2 && vectors.index(of: word) == nil {
                missing.insert(String(decoding: word, as: UTF8.self))
            }
        }
        #expect(missing.isEmpty, "distil the vectors again: no vector for \(missing.sorted().prefix(20).joined(separator: ", "))")
    }

    @Test func damagedVectorFilesAreRefused() throws {
        let vectors = try #require(Self.knowledge.wordVectors)
        #expect(WordVectors(bytes: []) == nil)
        #expect(WordVectors(bytes: Array(vectors.bytes.dropLast())) == nil)
        #expect(WordVectors(bytes: Array("PROBITY-VECTORS-1\n".utf8) + [0, 0, 0, 0, 1, 0, 0, 0]) == nil)
    }

    /// Without vectors or without the background class the router still works (each can be turned off).
    @Test func theRouterWorksWithoutEither() {
        var weights = RoutingWeights.standard
        weights.vectors = 0
        weights.background = 0
        let router = Router(knowledge: Self.knowledge, weights: weights)
        #expect(router.rank("a journalist rang me about the depot closure").first?.topicID == "media-contact")
        let full = Router(knowledge: Self.knowledge)
        #expect(full.rank("a journalist rang me about the depot closure").first?.topicID == "media-contact")
    }

    /// Questions like the background ones are refused; the topics' own kind of question is not.
    @Test func backgroundQuestionsAreRefused() {
        let router = Router(knowledge: Self.knowledge)
        for question in ["what's the weather tomorrow", "how do I pay my council tax", "tell me a joke"] {
            if case .noMatch = router.route(question) {} else { Issue.record("\(question) was routed: \(router.rank(question))") }
        }
        if case .noMatch = router.route("can I see the exempt report for planning committee") { Issue.record("an on-topic question was refused") }
    }

    @Test func aMalformedBackgroundFileIsReported() throws {
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("probity-background-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: directory) }
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Paths.knowledge + "/catalogue", toPath: directory + "/catalogue")
        try fm.createDirectory(atPath: directory + "/councils", withIntermediateDirectories: true)
        try Data(#"{"offTopic": ["a"], "extra": 1}"#.utf8).write(to: URL(fileURLWithPath: directory + "/catalogue/background.json"))
        try Data("not vectors".utf8).write(to: URL(fileURLWithPath: directory + "/catalogue/vectors.bin"))
        let issues = KnowledgeLoader.read(directory: directory, councils: .none).issues
        #expect(issues.contains { $0.file == "catalogue/background.json" })
        #expect(issues.contains { $0.file == "catalogue/vectors.bin" })
    }
}

/// The vectors' share of the confidence: only for a question some topic already explains in part by its words.
@Suite struct VectorConfidenceTests {
    @Test func aQuestionWithNoTopicWordIsNotMadeAMatchByItsVector() {
        // The shipped weights (the fitted refusal) refuse it.
        if case .noMatch = Router(knowledge: WordVectorsTests.knowledge).route("tell me a joke") {} else { Issue.record("routed with the shipped weights") }
        // The hand-set refusal, which this guard belongs to, without the background class: since the background grew
        // (branch refusal5) it refuses the joke with or without the guard, so the guard alone is tested here.
        var weights = RoutingWeights.standard
        weights.learned = nil
        weights.vectorConfidence = 10
        let bare = WordVectorsTests.knowledge.with(topics: WordVectorsTests.knowledge.topics, background: [])
        let guarded = Router(knowledge: bare, weights: weights)
        if case .noMatch = guarded.route("tell me a joke") {} else { Issue.record("routed: \(guarded.rank("tell me a joke"))") }
        weights.vectorConfidenceFrom = 0
        let unguarded = Router(knowledge: bare, weights: weights)
        if case .noMatch = unguarded.route("tell me a joke") { Issue.record("without the guard the vector alone should have matched") }
        if case .noMatch = guarded.route("can I see the exempt report for planning committee") { Issue.record("an on-topic question was refused") }
    }
}
