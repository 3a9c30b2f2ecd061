import Testing

@testable import ProbityKit

/// Commands before routing: near misses, leaving a topic, a number after `topics`; none of them is routed.
@Suite struct ConversationCommandsTests {
    private func started() throws -> Conversation {
        var conversation = try ChatFixture.conversation(council: "testshire", role: .member, search: nil)
        _ = conversation.start(recording: "Recorded in memory.")
        return conversation
    }

    private func isRouted(_ reply: ConversationReply) -> Bool {
        reply.events.contains { if case .routed = $0 { true } else { false } }
    }

    @Test(arguments: ["topcis", "hlep", "qiut", "cancel", "leave", "stop", "exit", "never mind", "thanks", "yes", "hello"])
    func aCommandOrChatWordIsNeverRoutedInTheOpenOrMidTopic(word: String) throws {
        var conversation = try started()
        #expect(!isRouted(conversation.handle(word)), "\(word) in the open")
        conversation = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        #expect(conversation.mode == .walking)
        let reply = conversation.handle(word)
        #expect(!isRouted(reply), "\(word) mid-topic")
        #expect(reply.startedTopics.isEmpty)
    }

    @Test func aNearMissAsksDidYouMeanAndYesRunsTheCommand() throws {
        var conversation = try started()
        var reply = conversation.handle("topcis")
        #expect(reply.shownText.contains("Did you mean `topics`?"))
        reply = conversation.handle("yes")
        #expect(reply.shownKinds.contains("topics"))
        reply = conversation.handle("2")
        #expect(reply.startedTopics == [ChatFixture.knowledge().topics[1].id], "a number right after `topics` opens that topic")
    }

    @Test func aNearMissDeclinedLeavesTheQuestionWaiting() throws {
        var conversation = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        var reply = conversation.handle("hlep")
        #expect(reply.shownText.contains("Did you mean `help`?"))
        reply = conversation.handle("no")
        #expect(reply.askedPrompts == ["What do you want to see?"])
        #expect(conversation.mode == .walking)
    }

    @Test func cancelLeavesTheTopicAndIsRecorded() throws {
        var conversation = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        let reply = conversation.handle("cancel")
        #expect(reply.events.contains(.leftTopic(topic: "document-access")))
        #expect(conversation.mode == .idle)
        #expect(conversation.session.topic == nil)
        #expect(!reply.shownText.contains("isn't one of the answers"))
        // Nothing to leave now: said so, not routed.
        let again = conversation.handle("leave")
        #expect(again.shownText.contains("no topic under way"))
    }

    @Test func aNumberAfterTopicsMidTopicOpensThatTopic() throws {
        var conversation = try started()
        _ = conversation.handle("can I see the exempt report for planning committee")
        _ = conversation.handle("topics")
        let topics = ChatFixture.knowledge().topics
        let other = try #require(topics.firstIndex { $0.id != "document-access" })
        let reply = conversation.handle(String(other + 1))
        #expect(reply.startedTopics == [topics[other].id])
        #expect(reply.shownText.contains("Leaving"))
    }
}
