import Foundation
import ProbityKit
import Testing

/// Whole conversations with `probity chat`, standard input piped.
@Suite struct ChatPipedTests {
    static let example = "can I see the exempt report for next week's planning committee?"

    /// Questions Probity has no advice on; the router should turn down at least one of them.
    static let offTopic = [
        "what's the weather forecast for tomorrow?",
        "how do I renew my passport?",
        "recommend a good recipe for lasagne",
        "what time does the swimming pool open on sundays?",
    ]

    @Test func theExampleQuestionReachesAdviceQuotingCarlislesClausesWordForWord() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let reach = try #require(ChatPlan.linesToReach("document-access", asking: Self.example), "the example should route to document-access")
        let walk = try ChatPlan.firstOptionWalk("document-access", council: "carlisle", role: .member, asking: Self.example)
        let input = (reach + walk.answers + ["quit"]).joined(separator: "\n") + "\n"

        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("(document-access)"), "says which topic it went into")
        #expect(!walk.advice.quotes.isEmpty)
        let prose = out.unwrapped
        for quote in walk.advice.quotes {
            let text = try ChatPlan.clauseText(council: "carlisle", id: quote.clause.id)
            #expect(!text.isEmpty)
            #expect(prose.contains("\"" + text.singleSpaced + "\""), "paragraph \(quote.clause.id) is quoted exactly")
            #expect(out.contains("Carlisle, paragraph \(quote.clause.reference)"), "the quote is labelled")
        }
        // The verdict comes before the first quote.
        let headline = try #require(prose.range(of: walk.advice.headline.singleSpaced))
        let firstQuote = try #require(prose.range(of: walk.advice.quotes[0].clause.text.singleSpaced))
        #expect(headline.lowerBound < firstQuote.lowerBound)
        #expect(out.contains("Goodbye."))
    }

    @Test func promptsArePrintedAndWhatWasTypedIsEchoedWithoutColour() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member"], input: "topics\nquit\n",
            colour: true, term: "xterm-256color")
        #expect(result.status == 0)
        #expect(result.stdout.contains("> topics\n"))
        #expect(result.stdout.contains("> quit\n"))
        #expect(!result.stdout.contains("\u{1B}"), "no colour when stdout is a pipe, even without NO_COLOR")
    }

    @Test func backWhyABadAnswerAnUnknownQuestionAndANewQuestionMidTopic() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let reach = try #require(ChatPlan.linesToReach("document-access", asking: Self.example))
        let journalist = "a journalist from the local paper rang me about the depot closure and wants a quote"
        let switchLines: [String]
        switch Router(knowledge: ChatPlan.knowledge).route(journalist) {
        case .clear(let best):
            try #require(best.topicID == "media-contact")
            switchLines = [journalist, "yes"]
        case .choose(let choices):
            let i = try #require(choices.firstIndex { $0.topicID == "media-contact" })
            switchLines = [journalist, String(i + 1)]
        case .noMatch:
            Issue.record("the journalist question should route to media-contact")
            return
        }
        let router = Router(knowledge: ChatPlan.knowledge)
        let offTopic = try #require(
            Self.offTopic.first { question in
                if case .noMatch = router.route(question) { return true } else { return false }
            }, "some off-topic question should match no topic")
        let input =
            ([offTopic] + reach
            + ["1", "back", "why", "purple elephant"] + switchLines + ["quit"]).joined(separator: "\n") + "\n"

        let result = try home.chat(["chat", "--council", "wiltshire", "--role", "member"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.unwrapped.contains("I can't match that to anything in Wiltshire's member/officer protocol"), "the unknown question gets an honest no")
        #expect(out.contains("How we got here:"), "why shows the answers")
        #expect(out.contains("\"purple elephant\" isn't one of the answers"), "a bad answer gets a short reply")
        #expect(out.contains("(media-contact)"), "the new question went into its topic")
        // The bad answer is followed by the question again, and the chat carries on to the end.
        let rejected = try #require(out.range(of: "isn't one of the answers"))
        #expect(out[rejected.upperBound...].contains("  1. "))
        #expect(out.contains("Goodbye."))
    }

    @Test func controlSequencesTypedByTheUserNeverComeBack() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let reach = try #require(ChatPlan.linesToReach("document-access", asking: Self.example))
        let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31mred\u{202E}"
        let input = (reach + [hostile, "council \u{1B}[31mnowhere", "quit"]).joined(separator: "\n") + "\n"
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: input)
        #expect(result.status == 0)
        for bad: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"] {
            #expect(!result.stdout.unicodeScalars.contains(bad), "U+\(String(bad.value, radix: 16)) must not be echoed")
        }
        #expect(result.stdout.contains("[2J]0;owned31mred"), "the rest of what was typed is shown")
    }

    @Test func asksForTheCouncilAndRoleOnceAndRemembersThemPrivately() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let first = try home.chat(["chat"], input: "carlisle\ncouncillor\nquit\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Which council are you with?"))
        #expect(first.stdout.contains("Are you a councillor or a council employee?"))
        let settings = try String(contentsOfFile: home.settingsFile, encoding: .utf8)
        #expect(ChatSettings.parse(settings) == ChatSettings(council: "carlisle", role: .member))
        let mode = try FileManager.default.attributesOfItem(atPath: home.settingsFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try home.chat(["chat"], input: "quit\n")
        #expect(!second.stdout.contains("Which council are you with?"))
        #expect(second.stdout.contains("Carlisle City Council"))
    }

    @Test func aSettingsFileGivesTheCouncilAndRoleAndTheCommandLineWins() throws {
        let home = try ChatHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.config + "/probity", withIntermediateDirectories: true)
        try "council = wiltshire\nrole = officer\n".write(toFile: home.settingsFile, atomically: true, encoding: .utf8)
        let fromFile = try home.chat(["chat"], input: "quit\n")
        #expect(fromFile.stdout.contains("Wiltshire Council"))
        #expect(fromFile.stdout.contains("council employee (officer)"))
        let overridden = try home.chat(["chat", "--council", "carlisle"], input: "quit\n")
        #expect(overridden.stdout.contains("Carlisle City Council"))
    }

    @Test func anUnknownCouncilInTheSettingsFileIsReportedAndAsked() throws {
        let home = try ChatHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.config + "/probity", withIntermediateDirectories: true)
        try "council = atlantis\n".write(toFile: home.settingsFile, atomically: true, encoding: .utf8)
        let result = try home.chat(["chat"], input: "quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"atlantis\""))
        #expect(result.stdout.contains("Which council are you with?"))
    }

    @Test func probityAloneStartsTheChatAndTheEndOfInputEndsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(["--council", "carlisle", "--role", "member"], input: "help\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("What would you like to ask?"))
        #expect(result.stdout.contains("clause NUMBER"))
        #expect(result.stdout.hasSuffix("Goodbye.\n\n") || result.stdout.contains("Goodbye."))
    }

    @Test func anUnknownCouncilOnTheCommandLineIsAUsageError() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(["chat", "--council", "atlantis"], input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("carlisle"))
    }

    @Test func noSaveWritesNoHistorySettingsOrTranscript() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(["chat", "--no-save"], input: "carlisle\nmember\nquit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("not being recorded"))
        #expect(!FileManager.default.fileExists(atPath: home.settingsFile))
        #expect(!FileManager.default.fileExists(atPath: home.transcripts))
    }

    @Test func aClosedOutputPipeEndsTheChatCleanly() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let process = try home.chatWithClosedOutput(input: "topics\nhelp\ntopics\n")  // the reader goes away before anything is read
        #expect(process.terminationReason == .exit, "not killed by SIGPIPE")
        #expect(process.terminationStatus == 0)
    }
}
