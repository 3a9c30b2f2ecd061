import Foundation
import Testing

@testable import ProbityKit

/// The record is data: what was shown is kept as what it was, the user's words apart from Probity's, so that
/// renderings draw from it and redaction leaves out the user's words and nothing else.
@Suite struct StructuredRecordTests {
    static let typed =
        "can I see the exempt report? my neighbour Gerald Smith at 14 Acacia Avenue has complained about it and I want to know exactly what it says before the meeting"
    static let privateWords = ["Gerald", "Smith", "Acacia", "neighbour", "complained"]

    /// A conversation with a long question, a search for the user's words, an echo of them, and a settings note
    /// that happens to say what the user also typed ("Testshire County Council").
    private func document(in dir: TemporaryDirectory) throws -> TranscriptDocument {
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge, typed: Self.typed)
        events.insert(.displayed(kind: "council", shown: .message(tone: .hint, words: "You're with Testshire County Council.")), at: 1)
        events += [
            .userInput(text: "Testshire County Council"),
            .userInput(text: "search Gerald Smith Acacia printers"),
            .displayed(
                kind: "search",
                shown: .searchResults(
                    query: "Gerald Smith Acacia printers", council: "testshire",
                    hits: [
                        .init(council: "testshire", clause: "1", reference: "1", label: "Testshire, paragraph 1 — Resources", score: 2, matched: ["printers"])
                    ])),
            .userInput(text: "Gerald Smith"),
            .displayed(kind: "rejected", shown: .message(tone: .text, words: "\(Echo("Gerald Smith")) isn't one of the answers.")),
            .displayed(
                kind: "choices",
                shown: .topicChoices(heading: "Did you mean \(Echo("Acacia Avenue"))?", choices: [.init(topic: "printing", title: "Using council printers")])),
        ]
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge, events: events)
        return try TranscriptReader.read(path: path)
    }

    @Test func anEchoIsRecordedApartFromProbitysWords() throws {
        let message: Message = "\(Conversation.quoted(Self.typed)) isn't one of the answers."
        #expect(message.echoes == [Self.typed])
        #expect(message.text() == "\"\(Self.typed.prefix(57))...\" isn't one of the answers.")
        let line = RecordCoding.encode(
            TranscriptRecord(
                seq: 2, time: "t", prev: "p",
                body: .event(.displayed(kind: "rejected", shown: .message(tone: .text, words: message)))))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#"[{"typed":"\#(Self.typed)"},{"say":" isn't one of the answers."}]"#), "\(text)")
    }

    @Test func theChatRecordsDataNotScreenText() throws {
        var conversation = try ChatFixture.conversation(search: WordFinder(knowledge: ChatFixture.knowledge()))
        var events = conversation.start(recording: "Recorded in memory.").events
        for line in ["help", "topics", "search council", "clause 1", "purple"] { events += conversation.handle(line).events }
        for event in events {
            if case .shown = event { Issue.record("a rendered text was recorded: \(event)") }
        }
        let shown = events.compactMap { if case .displayed(let kind, let shown) = $0 { (kind, shown) } else { nil } }
        #expect(shown.contains { if case .help = $0.1 { $0.0 == "help" } else { false } })
        #expect(shown.contains { if case .topics(let list) = $0.1 { !list.isEmpty } else { false } })
        #expect(
            shown.contains {
                if case .searchResults(let query, _, let hits, _) = $0.1 { query == "council" && hits.allSatisfy { !$0.clause.isEmpty } } else { false }
            })
        #expect(shown.contains { if case .clauses(let quotes) = $0.1 { quotes.first?.text.isEmpty == false } else { false } })
    }

    @Test func redactionLeavesOutTheUsersWordsWhereverTheyAreAndNothingElse() throws {
        let dir = TemporaryDirectory()
        let doc = try document(in: dir)
        let verification = TranscriptVerifier.verify(doc)
        let p = TranscriptPresentation(doc, verification: verification, redact: true, topicTitles: TinyKnowledge.make().topicTitles)
        let outputs = [
            TranscriptHTMLRenderer().render(p),
            TranscriptMarkdownRenderer(redact: true).render(doc),
            TranscriptTextRenderer(style: TextStyle(colour: false, width: 400)).render(p),
            JSONReports.encode(TranscriptJSONExport(doc, verification: verification, redact: true)),
        ].map { $0.replacingOccurrences(of: "&#39;", with: "'") }
        for output in outputs {
            for word in Self.privateWords { #expect(!output.contains(word), "\(word) survived redaction") }
            // Probity's own words stay, even where they equal something typed.
            #expect(output.contains("You're with Testshire County Council."))
            #expect(output.contains("isn't one of the answers."))
            #expect(output.contains("Testshire, paragraph 1 — Resources"))
            #expect(output.contains("My election campaign"))
            #expect(output.contains("Council printers are for council business only."))
        }
        #expect(TranscriptTextRenderer(style: .plain).render(TranscriptPresentation(doc, verification: verification)).contains("Acacia"))
    }

    @Test func adviceLaterWithdrawnWithBackIsMarked() throws {
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge)
        events += [.userInput(text: "back"), .wentBack(topic: "printing", fact: "printing.purpose")]
        events += TinyKnowledge.conversation(knowledge, answer: "ward").suffix(3)
        let p = TranscriptPresentation(
            TranscriptReader.parse(Array(transcriptBytes(events)), path: "x.jsonl"),
            verification: TranscriptVerification(status: .sealed, lines: 1))
        let advice = p.entries.compactMap { if case .advice(let a, let withdrawn) = $0.kind { (a.verdict, withdrawn) } else { nil } }
        #expect(advice.map(\.0) == ["no", "yes"])
        #expect(advice.map(\.1) == [true, false])
        let html = TranscriptHTMLRenderer().render(p)
        #expect(html.components(separatedBy: "Withdrawn:").count == 2)
        #expect(TranscriptMarkdownRenderer().render(p).contains("later withdrawn"))
    }

    @Test func everyRendererSaysTheVerdictOnceThroughTheOneLayout() throws {
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge)
        guard case .advised(var advice) = events.removeLast() else {
            Issue.record("no advice")
            return
        }
        advice.headline = "No: campaign material is not council business"
        events.append(.advised(advice))
        let doc = TranscriptReader.parse(Array(transcriptBytes(events)), path: "x.jsonl")
        let p = TranscriptPresentation(doc, verification: TranscriptVerification(status: .sealed, lines: 1))
        let json = JSONReports.encode(TranscriptJSONExport(doc, verification: TranscriptVerification(status: .sealed, lines: 1), redact: false))
        for output in [
            TranscriptHTMLRenderer().render(p), TranscriptMarkdownRenderer().render(p),
            TranscriptTextRenderer(style: TextStyle(colour: false, width: 200)).render(p), json,
        ] {
            #expect(output.contains("No: campaign material is not council business"))
            #expect(!output.contains("No: No:") && !output.contains("NO: No:"), "\(output)")
        }
        #expect(
            json.contains(#""verdictLine" : "No: campaign material is not council business""#)
                || json.contains(#""verdictLine":"No: campaign material is not council business""#))
    }

    /// Lines of a transcript of `events`, chained, without a header (renderings do not need one).
}

/// Files written as `probity-transcript/1`, before the record was structured, still read, verify and render.
@Suite struct FirstFormatTranscriptTests {
    static let directory = Paths.fixtures + "/transcripts-v1"
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test func thereAreFixtures() { #expect(Self.files.count >= 3) }

    @Test(arguments: FirstFormatTranscriptTests.files)
    func aFirstFormatFileReadsVerifiesAndRenders(name: String) throws {
        let entry = try TranscriptLibrary.load(path: Self.directory + "/" + name)
        #expect(entry.document.header?.format == "probity-transcript/1")
        #expect(entry.verification.status == .sealed, "\(entry.verification.summary)")
        #expect(entry.document.records.allSatisfy { if case .unrecognised = $0.body { false } else { true } })
        let p = TranscriptPresentation(entry.document, verification: entry.verification)
        let text = TranscriptTextRenderer(style: .plain).render(p)
        #expect(text.contains("sealed and intact"))
        #expect(text.contains("Probity asked:") || text.contains("Topic:"))
        // Advice recorded with its steps as strings still shows them, with what they rest on.
        for case .advised(let advice) in entry.document.events.map(\.event) {
            let layout = AdviceLayout(advice)
            #expect(!layout.steps.isEmpty)
            #expect(layout.steps.allSatisfy { $0.hasSuffix(")") })
            #expect(text.contains(layout.verdictLine.prefix(30)))
        }
    }

    @Test func redactingAFirstFormatFileLeavesOutEveryBlockThatCouldEchoTheUser() throws {
        for name in Self.files {
            let entry = try TranscriptLibrary.load(path: Self.directory + "/" + name)
            let p = TranscriptPresentation(entry.document, verification: entry.verification, redact: true)
            let outputs = [
                TranscriptHTMLRenderer().render(p), TranscriptMarkdownRenderer(redact: true).render(entry.document),
                TranscriptTextRenderer(style: .plain).render(p),
                JSONReports.encode(TranscriptJSONExport(entry.document, verification: entry.verification, redact: true)),
            ]
            for output in outputs {
                for word in ["Gerald", "Acacia", "Dorothy", "Penrith", "depot closure", "labour group"] {
                    #expect(!output.lowercased().contains(word.lowercased()), "\(name): \(word) survived redaction")
                }
            }
        }
    }
}
