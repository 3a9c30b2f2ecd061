import Foundation
import Testing

@testable import ProbityKit

/// A rule's step marked as a caution rules out part of what the user said they would do: it is shown with the
/// verdict, before the summary and the steps, so that the answer to what they asked is not the last step.
@Suite struct CautionTests {
    /// "Can I name and shame him at full council?" was answered "Guidance: Chase it with the officer, then the
    /// Director", and the rule against raising an officer's conduct in public was step 5 of 5.
    @Test func whatTheUserSaidTheyWouldDoIsRuledOutWithTheVerdict() throws {
        let (reply, advised) = try ShippedChat.advice(
            "wiltshire", .member,
            "An officer in highways keeps ignoring my emails about potholes in my ward, it's been three weeks. Can I name and shame him at full council?")
        let cautions = (advised.steps ?? []).filter(\.isCaution)
        #expect(cautions.count == 1 && cautions.first?.references == ["paragraph 6.3", "paragraph 6.4"])
        let layout = AdviceLayout(advised)
        #expect(layout.cautions.first?.hasPrefix("But because you said you want to raise it in public: members should not raise") == true)
        #expect(!layout.steps.contains { $0.contains("members should not raise the conduct") })
        let text = reply.rendered.unwrapped
        let caution = try #require(text.range(of: "But because you said you want to raise it in public"))
        let steps = try #require(text.range(of: "What to do"))
        #expect(caution.upperBound < steps.lowerBound)
    }

    /// From the knowledge: in every council, some development scenario (Tests/Fixtures/scenarios/dev*.json) states in
    /// its first message a fact that a caution rests on, and reaches advice that shows that caution with the verdict;
    /// and no development scenario shows a caution because of an answer its truth rules out (a single-choice fact
    /// the scenario settles the other way; as in the suite, a fact that takes several answers may hold more).
    @Test func developmentScenariosThatStateACautionsFactShowIt() throws {
        let knowledge = ShippedChat.knowledge
        let runner = ScenarioRunner(knowledge: knowledge)
        let folder = Paths.repository + "/Tests/Fixtures/scenarios"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("dev") && $0.hasSuffix(".json") }
        let saying = { (key: String, id: String) in knowledge.fact(key: key)?.option(id: id).map { $0.says?.member ?? $0.label.lowercasedFirst() } }
        var shownFromFirstMessage: [String: Int] = [:]
        for file in try names.sorted().map({ try ScenarioFile.load(folder + "/" + $0) }) {
            let cautioned = Set(
                knowledge.trees(council: file.council).flatMap { tree in
                    tree.rules.filter { $0.steps.contains(where: \.isCaution) }.flatMap { rule in rule.values.map { "\(rule.fact)=\($0)" } }
                })
            #expect(!cautioned.isEmpty, "\(file.council) has no caution")
            for scenario in file.scenarios where scenario.isDevelopment {
                let truth = scenario.keyed(scenario.answers.merging(scenario.stated) { _, stated in stated }, in: knowledge)
                let ruledOut = truth.flatMap { key, options in
                    (knowledge.fact(key: key)?.multiple ?? true)
                        ? [] : (knowledge.fact(key: key)?.options ?? []).filter { !options.contains($0.id) }.compactMap { saying(key, $0.id) }
                }
                let statedCautions = scenario.keyed(scenario.stated, in: knowledge).flatMap { key, options in
                    options.filter { cautioned.contains("\(key)=\($0)") }.compactMap { saying(key, $0) }
                }
                for caution in runner.run(scenario, council: file.council).steps where caution.isCaution {
                    let because = caution.because ?? ""
                    let wrong = ruledOut.filter { because.contains($0) }
                    #expect(wrong.isEmpty, "\(file.council)/\(scenario.id): a caution because \(because), which the scenario rules out")
                    if statedCautions.contains(where: { because.contains($0) }) { shownFromFirstMessage[file.council, default: 0] += 1 }
                }
            }
        }
        for council in knowledge.councilIDs {
            #expect(shownFromFirstMessage[council, default: 0] >= 1, "\(council): no development scenario shows a caution from its first message")
        }
        print("cautions shown from a development scenario's first message:", shownFromFirstMessage.sorted { $0.key < $1.key })
    }

    /// A caution on what a member does is not an officer's: the officer who is texted on Saturdays, or whose team a
    /// councillor's nephew applies to, gets the rule as a numbered step, not "But because you said…".
    @Test func aMembersCautionIsNotShownToTheOfficer() throws {
        let cases = [
            ("A councillor keeps texting me on Saturdays and late at night about things that aren't urgent.", "non-working time"),
            (
                "A councillor rang me, as the recruiting manager, to say her nephew would be perfect for the admin post we're filling.",
                "declare the relationship"
            ),
        ]
        for (message, words) in cases {
            let steps = try ShippedChat.advice("tower-hamlets", .officer, message).advised.steps ?? []
            #expect(steps.contains { $0.text.lowercased().contains(words) && !$0.isCaution }, "\(message)")
            #expect(steps.allSatisfy { !$0.isCaution }, "\(message)")
        }
    }

    /// The record keeps the mark; a record written before cautions existed reads as it did.
    @Test func theRecordKeepsTheMark() throws {
        let step = ConversationEvent.Advised.Step(
            AdviceStepResult(text: "Don't", references: ["6.3"], isPractical: false, because: "you said so", isCaution: true))
        let data = try JSONEncoder().encode(step)
        #expect(String(decoding: data, as: UTF8.self).contains("\"caution\":true"))
        #expect(try JSONDecoder().decode(ConversationEvent.Advised.Step.self, from: data).isCaution)
        let plain = ConversationEvent.Advised.Step(AdviceStepResult(text: "Do", references: ["1"], isPractical: false))
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("caution"))
        let old = try JSONDecoder().decode(ConversationEvent.Advised.Step.self, from: Data(#"{"text":"Do","references":["1"],"practical":false}"#.utf8))
        #expect(!old.isCaution)
    }

    /// Every renderer of a record shows it after the verdict and before the steps; HTML and Markdown escape it.
    @Test func everyRendererShowsItWithTheVerdict() throws {
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge)
        guard case .advised(var advice) = events.removeLast() else {
            Issue.record("no advice")
            return
        }
        let caution = ConversationEvent.Advised.Step(
            text: "Don't print <b>leaflets</b>", references: ["paragraph 1"], practical: false, because: "you said so", caution: true)
        advice.steps = [caution] + (advice.steps ?? [])
        events.append(.advised(advice))
        let doc = TranscriptReader.parse(Array(transcriptBytes(events)), path: "x.jsonl")
        let p = TranscriptPresentation(doc, verification: TranscriptVerification(status: .sealed, lines: 1))
        let html = TranscriptHTMLRenderer().render(p)
        #expect(
            html.contains("<p class=\"caution\"><strong>But because you said so: don&#39;t print &lt;b&gt;leaflets&lt;/b&gt;")
                || html.contains("<p class=\"caution\"><strong>But because you said so: don't print &lt;b&gt;leaflets&lt;/b&gt;"))
        let markdown = TranscriptMarkdownRenderer().render(p)
        let text = TranscriptTextRenderer(style: TextStyle(colour: false, width: 200)).render(p)
        for output in [markdown, text] {
            let said = try #require(output.range(of: "But because you said so: don"))
            let steps = try #require(output.range(of: "What to do"))
            #expect(said.upperBound < steps.lowerBound)
            #expect(output.components(separatedBy: "But because you said so").count == 2)
        }
        #expect(!markdown.contains("<b>leaflets"))
    }

    /// A caution whose every clause the advice reached already rests on was in view when that advice was written
    /// (Tower Hamlets' briefing with non-members, once the Chief Executive has agreed): it joins the steps.
    @Test func aCautionTheAdviceAlreadyRestsOnJoinsTheSteps() throws {
        let election = TinyKnowledge.electionFact
        let rule = Rule(
            fact: election.key, values: ["yes"], role: nil,
            steps: [AdviceStep(text: "Take care in the run-up.", citations: [Citation(council: "testshire", clause: "3")], isCaution: true)],
            citations: [], position: nil, index: 0)
        for restsOnIt in [false, true] {
            let knowledge = TinyKnowledge.make(extraCitation: restsOnIt, moreFacts: [election], rules: [rule])
            var session = try Session(knowledge: knowledge, council: "testshire", role: .member)
            try session.begin(topicID: "printing")
            try session.setAnswer(election.key, option: "yes")
            _ = try session.answer("campaign")
            guard case .advice(let advice)? = session.step else {
                Issue.record("no advice")
                return
            }
            let step = try #require(advice.steps.first { $0.text == "Take care in the run-up." })
            #expect(step.isCaution == !restsOnIt)
            #expect(AdviceLayout(advice).cautions.isEmpty == restsOnIt)
        }
    }
}
