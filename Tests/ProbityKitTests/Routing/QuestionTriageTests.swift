import Foundation
import Testing

@testable import ProbityKit

/// The decision model on the shipped knowledge: what `probity ask` and the chat decide.
@Suite struct QuestionTriageTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge
    static let triage = QuestionTriage(router: Router(knowledge: knowledge), outOfScope: knowledge.outOfScope)

    /// The development questions (never the held-out sets): dev.tsv and the dev*-*.json scenario files.
    static let devQuestions: [(question: String, topic: String)] = {
        let text = (try? String(contentsOfFile: Paths.fixtures + "/routing/dev.tsv", encoding: .utf8)) ?? ""
        return ((try? RoutingEvaluation.parse(text)) ?? []).compactMap { c in c.expected.map { (c.question, $0) } }
    }()
    static let devScenarioMessages: [(question: String, topic: String)] = {
        let folder = Paths.fixtures + "/scenarios"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("dev") }.sorted()
        return names.flatMap { name in ((try? ScenarioFile.load(folder + "/" + name))?.scenarios ?? []).map { ($0.says, $0.topic) } }
    }()
    static let devOffTopic: [String] = ((try? String(contentsOfFile: Paths.fixtures + "/routing/dev-off-topic.txt", encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }

    @Test func theWeatherIsNone() {
        let decision = Self.triage.decide("what's the weather tomorrow")
        #expect(decision.name == "none")
        #expect(decision.referral == nil)
    }

    @Test(arguments: [
        ("can I accept a bottle of wine from a contractor?", "gifts-hospitality"),
        ("do I need to declare an interest?", "declaring-interests"),
        ("I want to blow the whistle on my director", "whistleblowing"),
    ])
    func aSubjectTheProtocolsDoNotCoverIsReferred(question: String, subject: String) {
        let decision = Self.triage.decide(question)
        #expect(decision.name == "none")
        #expect(decision.referral?.id == subject)
        #expect(decision.referral?.reply.contains("Monitoring Officer") == true)
    }

    @Test func noTopicsOwnExampleIsReferredElsewhere() {
        #expect(Validator.scopeSignalIssues(in: Self.knowledge).isEmpty)
    }

    /// A topic's own example that mentions a subject the protocols do not cover keeps its topic, with the subject
    /// named in passing.
    @Test func anExampleMentioningASubjectKeepsItsTopicWithAnAside() throws {
        let matcher = OutOfScopeMatcher(subjects: Self.knowledge.outOfScope)
        let examples = Self.knowledge.topics.flatMap { t in t.examples.map { (t.id, $0) } }.filter { matcher.subject(in: $0.1) != nil }
        #expect(!examples.isEmpty, "some example mentions a subject, e.g. the code of conduct on an outside body")
        var asides = 0
        for (topic, example) in examples {
            let decision = Self.triage.decide(example)
            #expect(decision.referral == nil, "\(example)")
            if case .topic(let chosen) = decision.outcome, chosen.topicID == topic {
                #expect(decision.aside == matcher.subject(in: example), "\(example)")
                asides += 1
            }
        }
        #expect(asides > 0)
    }

    @Test func theChatNamesTheAsideThenGoesIntoTheTopic() throws {
        let matcher = OutOfScopeMatcher(subjects: Self.knowledge.outOfScope)
        let example = try #require(
            Self.knowledge.topics.flatMap(\.examples).first { example in
                matcher.subject(in: example) != nil && Self.triage.decide(example).aside != nil
            })
        let council = try #require(Self.knowledge.councilIDs.first)
        var conversation = Conversation(
            session: try Session(knowledge: Self.knowledge, council: council, role: .member),
            router: Self.triage.router)
        _ = conversation.start(recording: "Recorded in memory.")
        let reply = conversation.handle(example)
        #expect(reply.shownText.unwrapped.contains("the member/officer protocol does not itself cover"), "\(example)")
        #expect(reply.startedTopics.count == 1)
    }

    @Test func aSignalThatWouldTakeATopicsQuestionsIsReported() throws {
        // A subject whose signal is a word of some topic's examples takes questions away from it: validate says so.
        let topic = try #require(Self.knowledge.topics.first)
        let example = try #require(topic.examples.first)
        let word = try #require(PhraseMatcher.words(example).max { $0.count < $1.count })
        let broad = OutOfScopeSubject(
            id: "broad", title: "Broad", ruleLivesIn: "elsewhere",
            reply: "Ask the Monitoring Officer.", signals: [example])
        let issues = Validator.scopeSignalIssues(in: Self.knowledge.with(outOfScope: [broad]))
        #expect(issues.contains { $0.message.contains(topic.id) }, "\(word): \(issues)")
    }

    @Test func twoQuestionsInOneMessageAreSplitInOrder() throws {
        let decision = Self.triage.decide("a journalist rang me and I also want to see a confidential report")
        let split = try #require(decision.split)
        #expect(split.firstTopic.topicID == "media-contact")
        #expect(split.secondTopic.topicID == "document-access")
        #expect(split.second == "I also want to see a confidential report")
        #expect(decision.outcome == .topic(split.firstTopic))
    }

    @Test func theSecondQuestionLosesOnlyItsJoiningWords() {
        #expect(QuestionSplitter.withoutJoins("and also, can I see it?") == "can I see it?")
        #expect(QuestionSplitter.withoutJoins("and another councillor wants it") == "another councillor wants it")
        #expect(QuestionSplitter.withoutJoins("and") == "and", "never emptied")
    }

    /// Issue 12: single questions must not be split. Measured on the development data (BENCHMARKS.md).
    @Test func singleDevelopmentQuestionsAreNeverSplitOrReferred() {
        let e = TriageEvaluation(triage: Self.triage, onTopic: Self.devQuestions + Self.devScenarioMessages, offTopic: Self.devOffTopic)
        #expect(e.single >= 400)
        #expect(e.falseSplits.isEmpty, "\(e.falseSplits)")
        #expect(e.falseReferrals.isEmpty, "\(e.falseReferrals)")
    }

    /// Two development questions on different topics, joined: split into exactly those topics at least this often.
    @Test func twoDevelopmentQuestionsJoinedAreSplit() {
        let e = TriageEvaluation(triage: Self.triage, onTopic: Self.devQuestions, offTopic: [])
        #expect(e.pairs >= 80)
        #expect(Double(e.pairsSplitRight) / Double(e.pairs) >= 0.85, "\(e.summary)")
        #expect(Double(e.questionPairsSplitRight) / Double(e.pairs) >= 0.85, "\(e.summary)")
    }

    /// Two development scenario messages joined ("A, and also B"): noticed as two questions at least this often, whatever
    /// topics the parts reach (a second part that is close between topics counts; the user chooses when it is offered).
    /// Before a close second part counted, 622 of 701 were noticed; after, 634 (BENCHMARKS.md). With the larger
    /// background (branch refusal5) a short part is refused a little more often: 623 of 701 (88.9%).
    @Test func twoDevelopmentScenarioMessagesJoinedAreNoticed() {
        let e = TriageEvaluation(triage: Self.triage, onTopic: Self.devScenarioMessages, offTopic: [])
        #expect(e.pairs >= 600)
        #expect(Double(e.pairsNoticed) / Double(e.pairs) >= 0.88, "\(e.summary)")
    }

    @Test func aPartCloseBetweenTopicsLeadsWithItsFirstAndKeepsTheChoice() {
        let a = RouteScore(topicID: "a", title: "A", score: 1)
        let b = RouteScore(topicID: "b", title: "B", score: 0.9)
        #expect(QuestionSplitter.lead(.choose([a, b]), allowChoice: true).map { [$0.0] + $0.1 } == [a, a, b])
        #expect(QuestionSplitter.lead(.choose([a, b]), allowChoice: false) == nil)
        #expect(QuestionSplitter.lead(.clear(a), allowChoice: false).map { [$0.0] + $0.1 } == [a])
        #expect(QuestionSplitter.lead(.noMatch(nearest: [a]), allowChoice: true) == nil)
    }

    /// A message whose second question alone is close between two topics (found from the development messages): the
    /// chat says it heard two things, and when the second is taken up the user chooses its topic.
    @Test func aSecondQuestionCloseBetweenTopicsIsOfferedAsAChoice() throws {
        let messages = Self.devScenarioMessages.map(\.question)
        var found: (message: String, split: QuestionSplit)?
        // Second parts that are close between topics on their own come first: each try routes a whole message, and an
        // unsure one is read by the sentence encoder. Read lazily from the newest development files back, so that a
        // new file of messages adds candidates in front instead of pushing the older ones out of a fixed window.
        let seconds = messages.reversed().lazy.filter {
            if case .choose = Self.triage.router.route(TriageEvaluation.clause($0)) { true } else { false }
        }
        search: for second in seconds.prefix(40) {
            for first in messages.prefix(30) {
                let message = "\(TriageEvaluation.clause(first)), and also \(TriageEvaluation.clause(second))"
                if let split = Self.triage.decide(message).split, !split.secondChoices.isEmpty {
                    found = (message, split)
                    break search
                }
            }
        }
        let (message, split) = try #require(found, "no development pair has a second part close between topics")
        var conversation = Conversation(
            session: try Session(knowledge: Self.knowledge, council: Self.knowledge.councilIDs[0], role: .member), router: Self.triage.router)
        _ = conversation.start(recording: "Not recorded (test).")
        var reply = conversation.handle(message)
        #expect(reply.events.contains { if case .routed(_, _, .twoQuestions) = $0 { true } else { false } })
        // The first topic may be answered at once from what the message says; else the user leaves it.
        if !reply.shownText.contains("You also asked about") { reply = conversation.handle("leave") }
        #expect(reply.shownText.contains("You also asked about"), "\(reply.shownText)")
        reply = conversation.handle("yes")
        guard case .choosingTopic(_, let choices, _) = conversation.mode else {
            Issue.record("no choice offered: \(conversation.mode)")
            return
        }
        #expect(choices.map(\.topicID) == split.secondChoices.map(\.topicID))
    }

    @Test func offTopicQuestionsAreMostlyOfferedNoTopic() {
        let e = TriageEvaluation(triage: Self.triage, onTopic: [], offTopic: Self.devOffTopic)
        #expect(e.offTopicShownNearest.count + e.offTopicChosen.count <= e.offTopic / 3, "\(e.summary)")
    }
}

/// The rest of a question without an out-of-scope subject's words keeps the question's topic when it still leads there.
@Suite struct OutOfScopeRestTests {
    static let a = RouteScore(topicID: "procurement", title: "A", score: 0.9)
    static let b = RouteScore(topicID: "officer-personal-matter", title: "B", score: 0.8)

    @Test func theRestLeadsToTheTopicClearlyOrFirstOfAChoice() {
        #expect(ScopeReferral.leadsTo("procurement", .clear(Self.a)))
        #expect(ScopeReferral.leadsTo("procurement", .choose([Self.a, Self.b])))
        #expect(!ScopeReferral.leadsTo("procurement", .choose([Self.b, Self.a])))
        #expect(!ScopeReferral.leadsTo("procurement", .clear(Self.b)))
        #expect(!ScopeReferral.leadsTo("procurement", .noMatch(nearest: [Self.a])))
    }
}
