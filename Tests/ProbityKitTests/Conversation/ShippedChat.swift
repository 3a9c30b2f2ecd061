import Testing

@testable import ProbityKit

/// The chat over the shipped knowledge, as a user would type to it, for tests of what it says.
enum ShippedChat {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge

    /// A conversation started (not recorded) with the council and role already known.
    static func started(_ council: String, _ role: Role) throws -> Conversation {
        var conversation = Conversation(session: try Session(knowledge: knowledge, council: council, role: role), router: Router(knowledge: knowledge))
        _ = conversation.start(recording: "Not recorded (test).")
        return conversation
    }

    /// Types `message`, then answers every question with its first option until advice is given.
    static func advice(_ council: String, _ role: Role, _ message: String) throws -> (reply: ConversationReply, advised: ConversationEvent.Advised) {
        var conversation = try started(council, role)
        var reply = conversation.handle(message)
        for _ in 0..<8 where reply.advised == nil { reply = conversation.handle("1") }
        return (reply, try #require(reply.advised))
    }
}
