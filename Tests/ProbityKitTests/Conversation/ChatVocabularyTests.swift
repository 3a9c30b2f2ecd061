import Testing

@testable import ProbityKit

/// Commands typed with a slip of the keyboard are recognised; ordinary words are not taken for commands.
@Suite struct ChatVocabularyTests {
    @Test(arguments: [
        ("topcis", "topics"), ("hlep", "help"), ("qiut", "quit"), ("quitt", "quit"), ("bakc", "back"),
        ("serach need to know", "search need to know"), ("clasue 116", "clause 116"), ("cancle", "cancel"),
        ("TOPCIS", "topics"),
    ])
    func aNearMissNamesTheCommand(typed: String, command: String) {
        #expect(ChatVocabulary.nearMiss(typed) == command)
    }

    @Test(arguments: [
        "topics", "why", "who", "wyh", "media", "journalist", "the press", "councillor", "help me see the report",
        "topcis are hard", "stop the councillor emailing me", "1234", "hel",
    ])
    func otherWordsAreNotNearMisses(typed: String) {
        #expect(ChatVocabulary.nearMiss(typed) == nil)
    }

    @Test func everyCommandWordIsOneThePromptUnderstands() {
        for word in ChatVocabulary.commandWords {
            #expect(PromptCommand.parse(word, topicIDs: []) != nil, "\(word) is offered as a correction but is no command")
        }
    }

    @Test func editDistanceCountsASwapOfNeighboursAsOne() {
        #expect(ChatVocabulary.editDistance("topcis", "topics") == 1)
        #expect(ChatVocabulary.editDistance("help", "help") == 0)
        #expect(ChatVocabulary.editDistance("hlp", "help") == 1)
        #expect(ChatVocabulary.editDistance("council", "cancel") >= 2)
    }

    @Test(arguments: ["cancel", "leave", "stop", "abort", "never mind", "forget it", "cancel this", "stop please", "Leave this topic"])
    func wordsThatLeaveATopic(typed: String) {
        #expect(PromptCommand.parse(typed, topicIDs: []) == .leave)
    }

    @Test(arguments: ["quit", "exit", "bye", "goodbye", "end chat", "I'm done"])
    func wordsThatEndTheChat(typed: String) {
        #expect(PromptCommand.parse(typed, topicIDs: []) == .quit)
    }

    @Test func greetingsThanksAndBareYesOrNoGetAReply() {
        for line in ["hello", "Thanks!", "thank you", "yes", "no"] { #expect(ChatVocabulary.smallTalk(line) != nil, "\(line)") }
        #expect(ChatVocabulary.smallTalk("hello, can I see the report?") == nil)
    }
}
