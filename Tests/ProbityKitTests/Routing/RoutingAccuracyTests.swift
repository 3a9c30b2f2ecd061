import Foundation
import Testing

@testable import ProbityKit

/// The router against the held-out questions in Tests/Fixtures/routing/held-out.tsv, which are
/// never used to tune it. Questions for topics not (yet) in the knowledge are skipped.
/// The same figures, with the command, are in BENCHMARKS.md.
@Suite struct RoutingAccuracyTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
    static let cases: [RoutingEvaluation.Case] = {
        let text = (try? String(contentsOfFile: Paths.fixtures + "/routing/held-out.tsv", encoding: .utf8)) ?? ""
        return (try? RoutingEvaluation.parse(text)) ?? []
    }()
    static let evaluation = RoutingEvaluation(
        router: Router(knowledge: knowledge), cases: cases,
        knownTopics: Set(knowledge.topics.map(\.id)))

    @Test func theHeldOutSetIsLargeAndHasOffTopicQuestions() {
        #expect(Self.cases.count >= 150)
        #expect(Self.cases.filter { $0.expected == nil }.count >= 15)
        #expect(Self.evaluation.onTopic >= 100, "too few held-out questions have a shipped topic")
    }

    @Test func heldOutQuestionsAreNotTheTopicsOwnExamples() {
        let examples = Set(Self.knowledge.topics.flatMap(\.examples).map { $0.lowercased().filter(\.isLetter) })
        for c in Self.cases { #expect(!examples.contains(c.question.lowercased().filter(\.isLetter)), "line \(c.line) copies an example") }
    }

    @Test func topOneAccuracy() {
        #expect(Self.evaluation.topOneAccuracy >= RoutingFloors.topOne, "\(Self.evaluation.summary(showMisses: false))")
    }

    @Test func topThreeAccuracy() {
        #expect(Self.evaluation.topThreeAccuracy >= RoutingFloors.topThree, "\(Self.evaluation.summary(showMisses: false))")
    }

    @Test func offTopicRejection() {
        #expect(Self.evaluation.rejectionRate >= RoutingFloors.offTopicRejection, "\(Self.evaluation.summary(showMisses: false))")
    }

    @Test func parsesTheFixtureFormat() throws {
        let cases = try RoutingEvaluation.parse("# comment\n\nmedia-contact\ta reporter rang\nnone\twhat's the weather\n")
        #expect(
            cases == [
                RoutingEvaluation.Case(question: "a reporter rang", expected: "media-contact", line: 3),
                RoutingEvaluation.Case(question: "what's the weather", expected: nil, line: 4),
            ])
        #expect(throws: RoutingEvaluation.ParseError.self) { try RoutingEvaluation.parse("no tab here") }
    }
}

/// The floors the held-out figures must not fall below (raise them as routing improves).
/// Measured on the held-out set (BENCHMARKS.md). Routing now reads only the catalogue (titles, summaries, examples and
/// the facts' own words: prompts, options and the phrases that state them) and no council's clauses: top-1 90.3%
/// (was 89.2%), top-3 97.7% (unchanged), off-topic questions refused 64% (was 76%; 16 of 25): the phrases bring
/// everyday words into the topics. The no-match threshold was not re-tuned on the held-out set: the development set's
/// off-topic questions are still refused 27 of 30 times, and other settings lose more on the development set.
/// Issue 12: with the background class (catalogue/background.json) and the distilled word vectors
/// (catalogue/vectors.bin), the older held-out set gave top-1 93.2%, top-3 100%, off-topic refused 92% (23 of 25); with
/// the fine-tuned vectors (third pass, as shipped) 94.9%, 100%, 100% (25 of 25).
enum RoutingFloors {
    static let topOne = 0.94
    static let topThree = 0.99
    static let offTopicRejection = 0.96
    /// Held-out set v2 (issue 12), measured with the background class and the distilled word vectors: top-1 88.0%,
    /// top-3 98.8%, on-topic wrongly refused 2.9%, off-topic refused 87.1%, out-of-scope not routed 76.8%
    /// (without the vectors: 83.9%, 96.8%, 3.2%, 82.8%, 51.8%). Third pass, first state (vectors fine-tuned on the
    /// facts' phrases too): 89.5%, 99.1%, 2.3%, 83.6%, 78.6%. The shipped state (no phrases; fine-tuned on the catalogue's
    /// sentences only; `backgroundMargin` 1), measured once after it was merged: 90.4%, 98.5%, 2.0% (7 of 342),
    /// 87.9%, 78.6%. Fourth session (2026-11-29, 22:06), after the larger background text and the scope referral
    /// counted as the user sees it (branch `refusal5`, chosen on development data): 89.2%, 98.8%, 2.3%, 91.4%, 91.1%
    /// with referrals; 7 of its background questions were also held-out text and were taken out (count only) and the
    /// vectors distilled again: 88.6%, 98.5%, 2.9%, 90.5%, 92.9%; then 7 new everyday questions were added (a
    /// development question had become a false referral) and the vectors distilled again, as shipped (22:41): 88.9%,
    /// 98.8%, 2.3% (8 of 342), 90.5% (105/116), 91.1% with referrals (51/56; the router alone 80.4%). The floors are
    /// these figures, a question's width below. Fifth session (2026-11-30), with the sentence encoder's second stage
    /// (chosen on development data; it changes only which topic, so the refusals are as before), measured once:
    /// 91.2%, 99.1% (339 of 342), 2.3%, 90.5%, 91.1%. Then with its opinion on refusal (also chosen on development
    /// data), measured once: 90.6% (310), 99.1%, 2.6% (9), 91.4% (106/116), 94.6% (53/56).
    static let v2 = HeldOutFloors(
        name: "v2", topOne: 0.903, topThree: 0.988, wronglyRefused: 0.0293, offTopicRefused: 0.905, outOfScopeRefused: 0.928)
    /// Held-out set v3 (a third writer, 2026-11-29 evening), measured on main with proper names in routing, after the
    /// 9 questions that were letter for letter training text were taken out of the set: top-1 82.8%, top-3 97.4%,
    /// wrongly refused 1.4% (5 of 349), off-topic refused 76.4% (84/110), out of scope not routed 78.3% (54/69).
    /// Fourth session, the same three states as v2: 82.5%, 96.3%, 2.3%, 84.5%, 79.7%; 81.7%, 96.6%, 2.3%, 83.6%,
    /// 81.2%; as shipped: 82.8%, 96.3% (336 of 349), 2.0% (7 of 349), 83.6% (92/110), 81.2% with referrals (56/69;
    /// the router alone 78.3%). Fifth session, with the sentence encoder's second stage, measured once: 88.5%, 97.4%
    /// (340 of 349), 2.0%, 83.6%, 81.2%. Then with its opinion on refusal, measured once: 88.5%, 97.4%, 1.7% (6),
    /// 88.2% (97/110), 84.1% (58/69).
    static let v3 = HeldOutFloors(
        name: "v3", topOne: 0.882, topThree: 0.971, wronglyRefused: 0.0201, offTopicRefused: 0.872, outOfScopeRefused: 0.826)
}

/// What a blind held-out set's figures must not fall below.
struct HeldOutFloors: Sendable, CustomTestStringConvertible {
    let name: String
    let topOne: Double
    let topThree: Double
    let wronglyRefused: Double
    let offTopicRefused: Double
    let outOfScopeRefused: Double
    var testDescription: String { "held-out \(name)" }
}

/// The router against the blind held-out sets (Tests/Fixtures/routing-heldout-v2 and -v3, each written by someone who
/// never saw the router's examples; see their READMEs). These tests read the files; whoever tunes the router does not,
/// and sees only the aggregate figures (`probity-bench --heldout v2`). Out-of-scope questions count as refused when no
/// topic is chosen; a question the scope catalogue refers (`ScopeReferral`) counts as refused, as the user sees it.
@Suite struct RoutingHeldOutTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge
    static let sets = [RoutingFloors.v2, RoutingFloors.v3]

    static func set(_ floors: HeldOutFloors) throws -> HeldOutSet {
        try HeldOutSet(folder: Paths.fixtures + "/routing-heldout-" + floors.name)
    }

    static func figures(_ floors: HeldOutFloors) throws -> HeldOutSet.Figures {
        try set(floors).figures(Router(knowledge: knowledge), knownTopics: Set(knowledge.topics.map(\.id)), outOfScope: knowledge.outOfScope)
    }

    /// No question of a set is one of the topics' examples or background questions (letters compared); a failure
    /// gives a count only.
    @Test(arguments: sets) func itsQuestionsAreNotTrainingText(_ floors: HeldOutFloors) throws {
        let training = Set((Self.knowledge.topics.flatMap(\.examples) + Self.knowledge.background).map { $0.lowercased().filter(\.isLetter) })
        let copies = try Self.set(floors).questions.filter { training.contains($0.lowercased().filter(\.isLetter)) }.count
        #expect(copies == 0, "\(copies) held-out \(floors.name) questions are also training text")
    }

    @Test(arguments: sets) func theSetIsThere(_ floors: HeldOutFloors) throws {
        let set = try Self.set(floors)
        #expect(set.onTopic.count >= 300)
        #expect(set.offTopic.count >= 100)
        #expect(set.outOfScope.count >= 50)
    }

    /// Figures only, never a question, so that a failure does not show the set to whoever reads the log.
    @Test(arguments: sets) func figuresAreAtLeastTheFloors(_ floors: HeldOutFloors) throws {
        let figures = try Self.figures(floors)
        #expect(figures.onTopic.topOneAccuracy >= floors.topOne, "\(figures.summary)")
        #expect(figures.onTopic.topThreeAccuracy >= floors.topThree, "\(figures.summary)")
        #expect(figures.wronglyRefusedRate <= floors.wronglyRefused, "\(figures.summary)")
        #expect(figures.offTopic.rejectionRate >= floors.offTopicRefused, "\(figures.summary)")
        #expect(figures.outOfScope.rejectionRate >= floors.outOfScopeRefused, "\(figures.summary)")
    }
}
