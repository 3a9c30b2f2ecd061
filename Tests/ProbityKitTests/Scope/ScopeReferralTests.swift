import Foundation
import Testing

@testable import ProbityKit

/// The scope catalogue in the refusal: one rule (`ScopeReferral`) for the triage and every routing measure, and the
/// background text it works with (issue 12, branch `refusal5`). Development data only.
@Suite struct ScopeReferralTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
    static let router = Router(knowledge: knowledge)
    static let triage = QuestionTriage(router: router, outOfScope: knowledge.outOfScope)

    /// Questions written for this test (never a fixture's or a background question), one or two per subject, in words
    /// that read like a topic: each is referred to where its rule lives, never routed.
    @Test(arguments: [
        ("a supplier sent me a voucher for a spa day, can I keep it", "gifts-hospitality"),
        ("the chief officer told me a councillor is taking kickbacks on the highways contract", "gifts-hospitality"),
        ("my friend from the golf club has an application in, do I leave the room", "declaring-interests"),
        ("a councillor keeps asking me what the register entry for his shares should say", "declaring-interests"),
        ("what sanctions can the standards panel give a councillor", "code-of-conduct"),
        ("I've campaigned against the supermarket plans, can I still vote on them at committee", "planning-decisions"),
        ("where do I report wrongdoing by my head of service without my manager finding out", "whistleblowing"),
        ("how do I claim for subsistence when I go to the LGA conference", "allowances"),
        ("can my husband be a polling agent for me at the count", "elections-law"),
    ])
    func aSubjectInTopicsWordsIsReferred(question: String, subject: String) {
        let decision = Self.triage.decide(question)
        #expect(decision.name == "none", "\(question): \(decision.outcome)")
        #expect(decision.referral?.id == subject, "\(question)")
        let measured = RoutingEvaluation(
            router: Self.router, cases: [RoutingEvaluation.Case(question: question, expected: nil)], knownTopics: [],
            outOfScope: Self.knowledge.outOfScope)
        #expect(measured.offTopicRejected == 1, "every measure counts a referral as a refusal")
    }

    /// A question the router alone sends to a topic, but whose subject the protocols leave to another code, counts as
    /// refused once the scope catalogue is given, as the user sees it; the same router without it routes it.
    @Test func aReferralIsARefusalInTheMeasures() throws {
        let question = "the chief officer told me a councillor is taking kickbacks on the highways contract"
        guard case .clear = Self.router.route(question) else {
            Issue.record("the router alone no longer routes it: pick another question")
            return
        }
        let cases = [RoutingEvaluation.Case(question: question, expected: nil)]
        #expect(RoutingEvaluation(router: Self.router, cases: cases, knownTopics: []).offTopicRejected == 0)
        #expect(RoutingEvaluation(router: Self.router, cases: cases, knownTopics: [], outOfScope: Self.knowledge.outOfScope).offTopicRejected == 1)
    }

    /// A topic's question that names a subject in passing keeps its topic in the measures too (the aside).
    @Test func anAsideIsNotARefusal() {
        let question = "Does the code of conduct still apply when I'm sitting on the housing association board?"
        let cases = [RoutingEvaluation.Case(question: question, expected: "outside-bodies")]
        let e = RoutingEvaluation(router: Self.router, cases: cases, knownTopics: ["outside-bodies"], outOfScope: Self.knowledge.outOfScope)
        #expect(e.falseRejections == 0)
        #expect(e.topOne == 1)
    }

    static let fixtures = Paths.fixtures + "/routing/"
    static func lines(_ name: String) -> [String] {
        ((try? String(contentsOfFile: fixtures + name, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
    static let dev3OffTopic = lines("dev3-off-topic.txt")
    static let dev3OutOfScope = lines("dev3-out-of-scope.tsv").compactMap { $0.split(separator: "\t", maxSplits: 1).last.map(String.init) }

    /// dev3 was set aside from the new background text before any tuning: none of it is training text.
    @Test func dev3IsNeverTrainingText() {
        #expect(Self.dev3OffTopic.count >= 100)
        #expect(Self.dev3OutOfScope.count >= 35)
        let training = Set((Self.knowledge.topics.flatMap(\.examples) + Self.knowledge.background).map { $0.lowercased().filter(\.isLetter) })
        for question in Self.dev3OffTopic + Self.dev3OutOfScope {
            #expect(!training.contains(question.lowercased().filter(\.isLetter)), "\(question)")
        }
    }

    /// Development floors, as measured when the background grew (BENCHMARKS.md, "Refusal with more varied background
    /// text"): dev3's off-topic questions refused at least 88 of 108 (was 77 before it), its out-of-scope ones not
    /// routed at least 22 of 39 (23), and no more than 14 of the 702 development scenario messages refused (14 before
    /// the background grew; 13 with the branch's vectors, 14 once 7 of its questions that were also held-out text were
    /// taken out and the vectors distilled again).
    @Test func developmentRefusalFloors() {
        let off = RoutingEvaluation(
            router: Self.router, cases: Self.dev3OffTopic.map { RoutingEvaluation.Case(question: $0, expected: nil) }, knownTopics: [],
            outOfScope: Self.knowledge.outOfScope)
        #expect(off.offTopicRejected >= 88, "\(off.offTopicRejected)/\(off.offTopic)")
        let scope = RoutingEvaluation(
            router: Self.router, cases: Self.dev3OutOfScope.map { RoutingEvaluation.Case(question: $0, expected: nil) }, knownTopics: [],
            outOfScope: Self.knowledge.outOfScope)
        #expect(scope.offTopicRejected >= 22, "\(scope.offTopicRejected)/\(scope.offTopic)")
        let folder = Paths.fixtures + "/scenarios"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("dev") }.sorted()
        let messages = names.flatMap { name in
            ((try? ScenarioFile.load(folder + "/" + name))?.scenarios ?? []).map { RoutingEvaluation.Case(question: $0.says, expected: $0.topic) }
        }
        let scenarios = RoutingEvaluation(
            router: Self.router, cases: messages, knownTopics: Set(Self.knowledge.topics.map(\.id)), outOfScope: Self.knowledge.outOfScope)
        #expect(scenarios.onTopic >= 700)
        #expect(scenarios.falseRejections <= 14, "\(scenarios.falseRejections)/\(scenarios.onTopic)")
    }

    /// The background text is varied: several hundred questions of each kind.
    @Test func theBackgroundIsLarge() {
        #expect(Self.knowledge.background.count >= 900)
    }
}
