import Foundation
import ProbityBytes
import Testing

@testable import ProbityKit

@Suite struct TranscriptRenderingTests {
    static let hostile = "<script>alert('x')</script> & **bold** \u{1B}[31mred\u{1B}[0m | # heading"

    private func document(typed: String = TranscriptRenderingTests.hostile, end: String? = "quit") throws -> (TranscriptDocument, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge, typed: typed)
        events.append(.displayed(kind: "rejected", shown: .message(tone: .text, words: "\(Echo(typed)) isn't one of the answers.")))
        events.append(.explained(topic: "printing", reasons: ["What is the printing for? → My election campaign"]))
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge, events: events, end: end)
        return (try TranscriptReader.read(path: path), dir)
    }

    private func presentation(_ document: TranscriptDocument, redact: Bool = false) -> TranscriptPresentation {
        TranscriptPresentation(
            document, verification: TranscriptVerifier.verify(document), redact: redact,
            topicTitles: TinyKnowledge.make().topicTitles)
    }

    @Test func htmlIsOneSelfContainedPageWithEverythingEscaped() throws {
        let (doc, dir) = try document()
        _ = dir
        let html = TranscriptHTMLRenderer().render(presentation(doc))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; **bold**"))
        #expect(!html.contains("\u{1B}"))
        // Nothing loaded from elsewhere: no scripts, no links, no images, no external style sheets.
        for forbidden in ["<script", "src=", "href=", "<link", "@import", "url("] { #expect(!html.contains(forbidden), "found \(forbidden)") }
        #expect(html.contains("@media print"))
        #expect(html.contains("Council printers are for council business only."))
        #expect(html.contains("Testshire, paragraph 1 — Resources"))
        #expect(html.contains("Not for your campaign"))
        #expect(html.contains("Use a commercial printer."))
        #expect(html.contains("sealed and intact"))
    }

    /// Issue 12: leaving a topic, two questions in one message and a referral out of scope read plainly for the MO.
    @Test func leavingTwoQuestionsAndReferralsAreNamedInTheRecord() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge, typed: "print my leaflets")
        let topic = try #require(knowledge.topics.first?.id)
        events += [
            .routed(question: "first and also second", candidates: [.init(topic: topic, score: 0.9)], outcome: .twoQuestions),
            .routed(question: "second", candidates: [.init(topic: topic, score: 0.7)], outcome: .deferred),
            .leftTopic(topic: topic),
            .routed(question: "a bottle of wine", candidates: [], outcome: .outOfScope),
        ]
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge, events: events, end: "quit")
        let doc = try TranscriptReader.read(path: path)
        let plain = TranscriptTextRenderer(style: .plain).render(presentation(doc)).split(separator: "\n").joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(plain.contains("it asks about two topics, taken one after the other"))
        #expect(plain.contains("Kept “second” for later"))
        #expect(plain.contains("Left "))
        #expect(plain.contains("a subject the protocol does not cover"))
        #expect(TranscriptVerifier.verify(doc).status == .sealed)
    }

    @Test func markdownEscapesWhatWasTyped() throws {
        let (doc, dir) = try document()
        _ = dir
        let md = TranscriptMarkdownRenderer(topicTitles: TinyKnowledge.make().topicTitles).render(doc)
        #expect(md.contains("\\<script\\>alert('x')\\</script\\> \\& \\*\\*bold\\*\\*"))
        #expect(md.contains("\\| \\# heading"))
        #expect(!md.contains("\u{1B}"))
        #expect(md.contains("> Council printers are for council business only."))
        #expect(md.contains("#### Advice — No: Not for your campaign"))
        #expect(md.contains("### Using council printers (`printing`)"))
    }

    @Test func theTerminalRenderingStripsControlCharactersAndColoursOnlyWhenAsked() throws {
        let (doc, dir) = try document()
        _ = dir
        let plain = TranscriptTextRenderer(style: .plain).render(presentation(doc))
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("You: <script>alert('x')</script> & **bold** [31mred[0m"))
        let long = plain.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "lines longer than 80: \(long)")
        let coloured = TranscriptTextRenderer(style: TextStyle(colour: true, width: 60)).render(presentation(doc))
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(!coloured.contains("\u{1B}[31mred"))  // the user's own escape sequence never gets through
    }

    @Test func redactionLeavesOutWhatWasTypedInEveryFormat() throws {
        let typed = "my neighbour Mrs Smith at 14 Acacia Avenue"
        let (doc, dir) = try document(typed: typed)
        _ = dir
        let p = presentation(doc, redact: true)
        let outputs = [
            TranscriptHTMLRenderer().render(p),
            TranscriptMarkdownRenderer(redact: true).render(doc),
            TranscriptTextRenderer(style: .plain).render(p),
            JSONReports.encode(TranscriptJSONExport(doc, verification: TranscriptVerifier.verify(doc), redact: true)),
        ]
        for output in outputs {
            #expect(!output.contains("Acacia"))
            #expect(output.contains(TranscriptRedactor.marker))
            #expect(output.contains("My election campaign"))  // the option chosen stays
            #expect(output.contains("Council printers are for council business only."))  // and the advice
        }
        // Without --redact, it is all there.
        #expect(TranscriptTextRenderer(style: .plain).render(presentation(doc)).contains("Acacia"))
    }

    @Test func jsonExportHasEveryEventAndTheVerification() throws {
        let (doc, dir) = try document()
        _ = dir
        let text = JSONReports.encode(TranscriptJSONExport(doc, verification: TranscriptVerifier.verify(doc), redact: false))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((json["events"] as? [Any])?.count == doc.events.count)
        #expect((json["verification"] as? [String: Any])?["status"] as? String == "sealed")
        #expect((json["header"] as? [String: Any])?["council"] as? String == "testshire")
        #expect((json["sealSHA256"] as? String)?.count == 64)
    }

    @Test func anAlteredTranscriptSaysSoAtTheTop() throws {
        let (doc, dir) = try document()
        var all = lines(of: doc.path)
        all[4] = all[4].replacingOccurrences(of: "printing", with: "printinG")
        write(lines: all, to: doc.path)
        let altered = try TranscriptReader.read(path: doc.path)
        _ = dir
        let html = TranscriptHTMLRenderer().render(presentation(altered))
        #expect(html.contains("class=\"alert\">This transcript has been altered since it was written: TAMPERED: line 5 was changed"))
        #expect(TranscriptMarkdownRenderer().render(altered).contains("**Warning: this transcript has been altered since it was written.**"))
    }

    @Test func theSummaryGivesCouncilRoleTopicsAndVerdictsEvenWhenLearntMidChat() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: knowledge,
            council: nil, role: nil, probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        var events = TinyKnowledge.conversation(knowledge)
        events[0] = .started(council: nil, role: nil)
        events.insert(contentsOf: [.councilSet(council: "testshire", version: "1"), .roleSet(role: "member")], at: 1)
        for event in events { recorder.record(event) }
        recorder.record(.ended(reason: "quit"))
        guard case .finished(.sealed(let path, _, _)) = recorder.status else {
            Issue.record("not sealed")
            return
        }
        let entry = try TranscriptLibrary.load(path: path)
        #expect(entry.document.header?.council == nil)
        #expect(entry.summary.councils == ["testshire"])
        #expect(entry.summary.roles == ["member"])
        #expect(entry.summary.protocolVersions == ["testshire@1"])
        #expect(entry.summary.topics == ["printing"])
        #expect(entry.summary.verdicts.map(\.verdict) == ["no"])
        #expect(entry.summary.status == "sealed")
        #expect(entry.summary.endReason == "quit")
    }
}

@Suite struct TranscriptLibraryTests {
    @Test func listsOldestFirstAndResolvesIdsAndPrefixes() throws {
        let dir = TemporaryDirectory()
        let first = writeTranscript(in: dir.path, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_700_000_000))).path
        let second = writeTranscript(in: dir.path, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_800_000_000))).path
        let library = TranscriptLibrary(directory: dir.path)
        #expect(try library.entries().map(\.document.path) == [first, second])
        let id = URL(fileURLWithPath: second).deletingPathExtension().lastPathComponent
        #expect(try library.resolve(id) == second)
        #expect(try library.resolve(String(id.prefix(10))) == second)
        #expect(try library.resolve(second) == second)
        #expect(throws: TranscriptLookupError.unknown("nope", directory: dir.path)) { try library.resolve("nope") }
        #expect(TranscriptLookupError.unknown("nope", directory: dir.path).description.contains("probity transcripts list"))
    }

    @Test func twoIdsWithTheSamePrefixAreAmbiguous() throws {
        let dir = TemporaryDirectory()
        _ = writeTranscript(in: dir.path)
        _ = writeTranscript(in: dir.path)
        let library = TranscriptLibrary(directory: dir.path)
        #expect(throws: TranscriptLookupError.self) { try library.resolve("2026") }
    }
}
