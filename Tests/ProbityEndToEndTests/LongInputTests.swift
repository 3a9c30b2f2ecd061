import Foundation
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A line longer than the chat reads is cut at `Conversation.maximumLineBytes`: the user is told, the transcript
/// records it, and the chat goes on.
@Suite struct LongInputTests {
    static let limit = Conversation.maximumLineBytes

    /// The events of the home's one transcript.
    static func events(_ home: ChatHome) throws -> [ConversationEvent] {
        try ChatExitTests.onlyTranscript(home).events.map(\.event)
    }

    @Test func aMegabyteLinePipedInIsCutSaidAndRecorded() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let long = String(repeating: "council printer ", count: (1 << 20) / 16)
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: long + "\ntopics\nquit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("That line was too long"), "\(result.stdout.suffix(2000))")
        #expect(result.stdout.count < 200_000, "the long line is not echoed whole")
        let events = try Self.events(home)
        let typed = events.compactMap { if case .userInput(let text) = $0 { text } else { nil } }
        #expect(typed.count == 3)
        #expect(typed.first.map { $0.utf8.count <= Self.limit && $0.utf8.count > Self.limit - 20 } == true)
        let cut = events.compactMap { event -> String? in
            if case .displayed("line-cut", .message(_, let words)) = event { return words.description }
            return nil
        }
        #expect(cut.count == 1)
        let dropped = long.utf8.count - Self.limit
        #expect(cut.first?.unwrapped.replacingOccurrences(of: ",", with: "").contains("the last \(dropped) bytes were cut") == true, "\(cut)")
        #expect(typed.dropFirst().first == "topics", "the chat carried on")
    }

    @Test func aCutLineEndsOnAWholeCharacter() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let long = String(repeating: "é", count: Self.limit)  // two bytes each: twice the limit, cut mid-way
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: long + "\nquit\n")
        #expect(result.status == 0)
        let typed = try Self.events(home).compactMap { if case .userInput(let text) = $0 { text } else { nil } }
        let first = try #require(typed.first)
        #expect(first.allSatisfy { $0 == "é" }, "no broken character at the cut")
        #expect(first.utf8.count == Self.limit)
    }

    @Test func aLongPasteAtTheTerminalIsCut() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
        terminal.paste(String(repeating: "x", count: Self.limit + 500) + "\r")
        #expect(terminal.waitFor("That line was too long"), "\(terminal.screen.screenText.suffix(500))")
        terminal.type("quit\r")
        #expect(terminal.waitForExit() == 0)
        let typed = try Self.events(home).compactMap { if case .userInput(let text) = $0 { text } else { nil } }
        #expect(typed.first?.utf8.count == Self.limit)
    }
}
