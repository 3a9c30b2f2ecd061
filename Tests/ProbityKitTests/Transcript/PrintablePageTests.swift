import Foundation
import Testing

@testable import ProbityKit

/// The HTML export is a page to print and file: who, where, when and what in the title block; the conversation as
/// the user saw it; page numbers and a running header; an integrity statement that says what it reflects and when.
@Suite struct PrintablePageTests {
    static let question = "can I print my ward leaflets on the council printer?"

    private func page(redact: Bool = false, identity: TranscriptIdentity? = nil) throws -> (html: String, id: String, dir: TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge, typed: Self.question)
        events.insert(
            contentsOf: [
                .displayed(kind: "greeting", shown: .message(tone: .text, words: "Probity: advice on your council's protocol.")),
                .displayed(kind: "recording", shown: .message(tone: .hint, words: Message("This conversation is recorded in \(dir.path)/x.jsonl."))),
            ], at: 1)
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge, events: events, identity: identity)
        let document = try TranscriptReader.read(path: path)
        let p = TranscriptPresentation(
            document, verification: TranscriptVerifier.verify(document), redact: redact,
            topicTitles: knowledge.topicTitles)
        return (TranscriptHTMLRenderer(exportedAt: "2026-12-01T09:30:00.000Z").render(p), document.id, dir)
    }

    @Test func theTitleBlockNamesTheCouncilPersonDateAndQuestion() throws {
        let (html, _, dir) = try page()
        _ = dir
        #expect(html.contains("<title>Probity advice record — Testshire County Council — 2026-11-18</title>"))
        #expect(html.contains("<th scope=\"row\">Asked by</th><td>A councillor (member)</td>"))
        #expect(html.contains("<th scope=\"row\">Question</th><td>“can I print my ward leaflets on the council printer?”</td>"))
        let redacted = try page(redact: true).html
        #expect(!redacted.contains("ward leaflets"))
        #expect(redacted.contains("<th scope=\"row\">Question</th><td>left out"))
    }

    /// The person the header records (full name from their settings, login name, machine) is named in the title block.
    @Test func theTitleBlockNamesThePersonTheHeaderRecords() throws {
        let identity = TranscriptIdentity(user: "jsmith", fullName: "Jane Smith", machine: "ws-042")
        let (html, _, dir) = try page(identity: identity)
        _ = dir
        #expect(html.contains("<th scope=\"row\">Asked by</th><td>Jane Smith (jsmith on ws-042), A councillor (member)</td>"), "\(html)")
        #expect(TranscriptPresentation.person(fullName: nil, user: "jsmith", machine: "ws-042") == "jsmith on ws-042")
        #expect(TranscriptPresentation.person(fullName: nil, user: nil, machine: nil) == nil)
    }

    @Test func theConversationIsAsTheUserSawItWithoutFurnitureScoresOrPaths() throws {
        let (html, _, dir) = try page()
        #expect(!html.contains("Probity: advice on your council"), "the greeting is the chat's furniture")
        #expect(!html.contains(dir.path), "no file paths")
        #expect(!html.contains("0.91"), "no routing scores")
        #expect(!html.contains("Probity showed ("), "no internal block names")
        #expect(html.contains("Probity asked:"))
        #expect(html.contains("Council printers are for council business only."))
    }

    @Test func printHasPageNumbersAndARunningHeader() throws {
        let (html, id, dir) = try page()
        _ = dir
        #expect(html.contains("counter(page)") && html.contains("counter(pages)"))
        #expect(html.contains("@top-center { content: \"Testshire County Council · 2026-11-18 · transcript \(id)\"; }"))
    }

    @Test func theIntegrityStatementSaysWhatItReflectsWhenAndHowToRepeatIt() throws {
        let (html, id, dir) = try page()
        _ = dir
        #expect(html.contains("when this page was made, 2026-12-01 09:30:00 UTC, and found it sealed and intact"))
        #expect(html.contains("That is true of the file as it was then"))
        #expect(html.contains("probity transcripts verify \(id)"))
    }

    @Test func aRunningHeaderCannotBreakOutOfItsStyle() {
        let hostile = "x\"; } </style><script>alert(1)</script>"
        let css = TranscriptHTMLRenderer.cssString(hostile)
        #expect(!css.contains("\"") && !css.contains("<") && !css.contains(">"))
    }
}
