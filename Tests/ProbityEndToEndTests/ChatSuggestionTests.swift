import Foundation
import ProbityKit
import Testing

/// Answers proposed from the user's own words, through the piped chat: the question is put as a confirmation quoting
/// what was typed, Enter takes the proposal, a number overrides it, the transcript records both, and nothing the user
/// typed reaches the terminal as a control sequence. (A Wiltshire officer whose cabinet member wants the
/// recommendation altered: no phrase says so; its meaning is near "Get the advice changed".)
@Suite struct ChatSuggestionTests {
    static let message = "The cabinet member I am consulting on my draft wants me to alter my recommendation."
    static let arguments = ["chat", "--council", "wiltshire", "--role", "officer"]

    @Test func enterTakesTheAnswerProposedFromTheUsersWords() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(Self.arguments, input: Self.message + "\n\nquit\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.unwrapped
        let quote = try #require(out.range(of: "You said: \"\(Self.message)\""))
        let proposed = try #require(out.range(of: "2. Get the advice changed or the report withheld (from what you said)"))
        let press = try #require(out.range(of: "Press Enter to take 2, or choose another."))
        #expect(quote.lowerBound < proposed.lowerBound && proposed.lowerBound < press.lowerBound)
        #expect(out.contains("What to do"), "Enter answered the question and the advice followed")

        let lines = try home.transcriptLines()
        let suggested = try #require(lines.first { $0.contains("{\"suggested\":") })
        #expect(suggested.contains("\"option\":\"change\""))
        #expect(suggested.contains("\"said\":\"\(Self.message)\""))
        let answered = try #require(lines.first { $0.contains("{\"answered\":") && $0.contains("officer-reports.wilts-aim") })
        #expect(answered.contains("\"option\":\"change\"") && answered.contains("\"accepted\":true"))
        let suggestedAt = try #require(lines.firstIndex(of: suggested))
        let askedAt = try #require(lines.firstIndex { $0.contains("{\"asked\":") && $0.contains("officer-reports.wilts-aim") })
        #expect(suggestedAt < askedAt, "recorded before the question is shown")
    }

    @Test func anotherNumberOverridesTheProposal() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(Self.arguments, input: Self.message + "\n1\nquit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.unwrapped.contains("(from what you said)"))
        let lines = try home.transcriptLines()
        let answered = try #require(lines.first { $0.contains("{\"answered\":") && $0.contains("officer-reports.wilts-aim") })
        #expect(!answered.contains("\"option\":\"change\""))
        #expect(answered.contains("\"accepted\":false"))
    }

    @Test func controlSequencesInTheQuotedWordsNeverReachTheTerminal() throws {
        let home = try ChatHome()
        defer { home.remove() }
        // An escape (bold on), a bell and a C1 control sequence introducer inside the sentence that is quoted.
        let hostile = "The cabinet member I am consulting on my draft wants me to alter \u{1B}[1m\u{07}\u{9B} my recommendation."
        let result = try home.chat(Self.arguments + ["--no-save"], input: hostile + "\n\nquit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.unwrapped.contains("You said: \"The cabinet member I am consulting on my draft wants me to alter [1m my recommendation.\""))
        #expect(result.stdout.unwrapped.contains("(from what you said)"))
        #expect(!result.stdout.unicodeScalars.contains { [0x1B, 0x07, 0x9B].contains($0.value) }, "no escape, bell or CSI reached the output")
    }
}
