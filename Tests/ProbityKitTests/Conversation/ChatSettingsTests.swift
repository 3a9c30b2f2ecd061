import Testing

@testable import ProbityKit

@Suite struct ChatSettingsTests {
    @Test func readsCouncilAndRoleIgnoringCommentsAndUnknownKeys() {
        let settings = ChatSettings.parse("# mine\ncouncil = carlisle   # my council\n\nrole=officer\ncolour = never\n")
        #expect(settings.council == "carlisle")
        #expect(settings.role == .officer)
        #expect(settings.problems.isEmpty)
    }

    @Test func quotedValuesAreUnquoted() {
        #expect(ChatSettings.parse("council = \"tower-hamlets\"").council == "tower-hamlets")
    }

    @Test func badLinesAreReportedWithTheirNumbers() {
        let settings = ChatSettings.parse("council carlisle\nrole = mayor\n")
        #expect(settings.council == nil && settings.role == nil)
        #expect(settings.problems.count == 2)
        #expect(settings.problems[0].hasPrefix("line 1"))
        #expect(settings.problems[1].contains("member or officer"))
    }

    @Test func mergingReplacesOnlyTheKeysGivenAndKeepsTheRest() {
        let original = "# mine\ncouncil = wiltshire\nextra = 1\n"
        let merged = ChatSettings(council: "carlisle", role: .member).merged(into: original)
        #expect(merged == "# mine\ncouncil = carlisle\nextra = 1\nrole = member\n")
        let roleOnly = ChatSettings(role: .officer).merged(into: merged)
        #expect(ChatSettings.parse(roleOnly) == ChatSettings(council: "carlisle", role: .officer))
    }

    @Test func mergingIntoNothingWritesAReadableFile() {
        let text = ChatSettings(council: "carlisle").merged(into: "")
        #expect(text.hasPrefix("#"))
        #expect(ChatSettings.parse(text).council == "carlisle")
    }
}

@Suite struct PromptCommandTests {
    private let topics: Set<String> = ["media-contact", "document-access"]

    @Test func readsCommandsInAnyCaseWithTheirArguments() {
        #expect(PromptCommand.parse("HELP", topicIDs: topics) == .help)
        #expect(PromptCommand.parse("  back ", topicIDs: topics) == .back)
        #expect(PromptCommand.parse("clause C 3.5", topicIDs: topics) == .clause("C 3.5"))
        #expect(PromptCommand.parse("clause", topicIDs: topics) == .clause(nil))
        #expect(PromptCommand.parse("council Tower Hamlets", topicIDs: topics) == .council("Tower Hamlets"))
        #expect(PromptCommand.parse("role officer", topicIDs: topics) == .role("officer"))
        #expect(PromptCommand.parse("search blind copies", topicIDs: topics) == .search("blind copies"))
        #expect(PromptCommand.parse("save", topicIDs: topics) == .save(nil))
        #expect(PromptCommand.parse("exit", topicIDs: topics) == .quit)
        #expect(PromptCommand.parse("Media-Contact", topicIDs: topics) == .topic("media-contact"))
        #expect(PromptCommand.parse("start again", topicIDs: topics) == .restart)
    }

    @Test func sentencesThatBeginWithACommandWordAreNotCommands() {
        #expect(PromptCommand.parse("why can't I see the report", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("help me with the press", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("back to the planning papers", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("q", topicIDs: topics) == nil, "a letter may be the start of an answer")
    }

    /// A user's question that happens to start with a command word that takes an argument is their question, not the
    /// command: "council want me on the board…" must not look for a council called "want me on the board…", and "role
    /// of the scrutiny chair in calling officers…" must not make a member an officer. The commands' own arguments stay short.
    @Test func aLongSentenceAfterACommandWordIsAQuestion() {
        #expect(PromptCommand.parse("council want me on the board of the housing trust, no clue if id be liable", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("role of the scrutiny chair in calling officers - can he demand the head of revenues attends", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("change of plan, the director wants to pull his report from the agenda", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("clause 95 says I can't quote officer advice from our group meeting, is that right", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("topic of my question is the press office and a leak", topicIDs: topics) == nil)
        #expect(PromptCommand.parse("council blackburn with darwen borough council", topicIDs: topics) == .council("blackburn with darwen borough council"))
        #expect(PromptCommand.parse("clause blackburn with darwen C 3.5", topicIDs: topics) == .clause("blackburn with darwen C 3.5"))
        #expect(PromptCommand.parse("role council employee", topicIDs: topics) == .role("council employee"))
        #expect(PromptCommand.parse("change 2", topicIDs: topics) == .change("2"))
    }

    @Test func rolesAreUnderstoodInEverydayWords() {
        #expect(Role.parse("councillor") == .member)
        #expect(Role.parse("I'm a Cllr") == .member)
        #expect(Role.parse("staff") == .officer)
        #expect(Role.parse("council employee") == .officer)
        #expect(Role.parse("both member and officer") == nil)
        #expect(Role.parse("mayor") == nil)
    }
}
