import Testing

@testable import ProbityKit

@Suite struct ConversationRendererTests {
    private func adviceReply() throws -> ConversationReply {
        var conversation = try ChatFixture.conversation()
        _ = conversation.start(recording: "")
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("2")
        return conversation.handle("no")
    }

    @Test func plainTextHasNoEscapesAndKeepsToTheWidth() throws {
        let reply = try adviceReply()
        for width in [40, 72] {
            let text = ConversationRenderer(style: TextStyle(colour: false, width: width)).render(reply.blocks)
            #expect(!text.contains("\u{1B}"))
            for line in text.split(separator: "\n") {
                #expect(line.count <= width, "\(line)")
            }
        }
    }

    @Test func colourIsUsedOnlyWhenTheStyleSaysSo() throws {
        let reply = try adviceReply()
        let coloured = ConversationRenderer(style: TextStyle(colour: true, width: 80)).render(reply.blocks)
        #expect(coloured.contains("\u{1B}["))
    }

    @Test func quotesAreLabelledWithCouncilNumberAndHeading() throws {
        let text = try adviceReply().rendered
        #expect(text.contains("Testshire, paragraph 2 — Access to information"))
        #expect(text.contains("│ \"Exempt or confidential papers"))
    }

    @Test func aLongSearchResultIsCutAroundTheMatch() {
        let text = String(repeating: "word ", count: 100) + "needle " + String(repeating: "more ", count: 100)
        let snippet = ConversationRenderer.snippet(text, around: ["needle"], length: 120)
        #expect(snippet.contains("needle"))
        #expect(snippet.hasPrefix("...") && snippet.hasSuffix("..."))
        #expect(snippet.count <= 130)
    }

    @Test func aLongSearchResultShowsWhereTheMatchesAreThickest() {
        let text = "needle " + String(repeating: "word ", count: 100) + "needle thread needle " + String(repeating: "more ", count: 100)
        let snippet = ConversationRenderer.snippet(text, around: ["needle", "thread"], length: 120)
        #expect(snippet.contains("needle thread needle"))
        #expect(snippet.hasPrefix("...") && snippet.hasSuffix("..."))
        #expect(snippet.count <= 130)
        #expect(ConversationRenderer.snippet("short text", around: ["text"], length: 120) == "short text")
    }
}
