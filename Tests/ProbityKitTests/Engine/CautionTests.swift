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
        let election = Fact(
            key: "printing.election", localID: "election", prompt: RoleText("Is an election coming?"), help: "", multiple: false,
            options: [
                FactOption(id: "yes", label: "Yes", says: "an election is coming", phrases: []),
                FactOption(id: "no", label: "No", says: nil, phrases: []),
            ],
            file: "catalogue/topics/printing.json", position: nil)
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
