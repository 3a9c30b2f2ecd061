import Foundation
import Testing

@testable import ProbityKit

/// A topic written for the other side says so when it starts: its questions and advice speak to them (an officer
/// who types "a senior officer misled me" was walked through advice for councillors without a word about it).
@Suite struct TopicAudienceNoteTests {
    static let knowledge = ShippedChat.knowledge

    /// Every topic whose audience is one role, entered by the other, shows the note; by its own role, never.
    @Test func theOtherSideIsTold() throws {
        let oneSided = Self.knowledge.topics.filter { $0.audience != .both }
        #expect(!oneSided.isEmpty, "the catalogue has topics for one side only")
        for topic in oneSided {
            for role in Role.allCases {
                var conversation = try ShippedChat.started(Self.knowledge.councilIDs[0], role)
                var reply = ConversationReply()
                conversation.begin(topic, into: &reply)
                let noted = reply.events.contains { if case .displayed(kind: "audience", _) = $0 { true } else { false } }
                #expect(noted == (topic.audience.rawValue != role.rawValue), "\(topic.id) for a \(role.rawValue)")
            }
        }
    }

    @Test func aTopicForBothSaysNothing() throws {
        let topic = try #require(Self.knowledge.topics.first { $0.audience == .both })
        #expect(Conversation.audienceNote(topic, role: .member) == nil)
        #expect(Conversation.audienceNote(topic, role: .officer) == nil)
        #expect(Conversation.audienceNote(topic, role: nil) == nil)
    }

    /// Through routing, as the user met it.
    @Test func anOfficerConcernedAboutAnOfficerIsToldWhereThatGoes() throws {
        var conversation = try ShippedChat.started("tower-hamlets", .officer)
        let reply = conversation.handle("a senior officer misled me about the depot sale")
        let shown = reply.shownText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(shown.contains("This topic is written for councillors"), "\(shown)")
        #expect(shown.contains("manager or HR"), "\(shown)")
    }
}
