import Foundation
import Testing

/// `probity ask`: routes one question and prints the ranking.
@Suite struct AskCommandTests {
    @Test func jsonIsExactlyTheTopicsBestFirst() throws {
        let result = try Binary.run(["ask", "a journalist rang me about the depot closure", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Array(object.keys) == ["topics"])
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(!topics.isEmpty)
        #expect(topics.first?["id"] as? String == "media-contact")
        for topic in topics {
            #expect(Set(topic.keys) == ["id", "title", "score"])
            #expect(topic["title"] is String)
        }
        let scores = topics.compactMap { $0["score"] as? Double }
        #expect(scores.count == topics.count)
        #expect(scores == scores.sorted(by: >))
        #expect(result.stdout.hasSuffix("}\n"))
    }

    @Test func textSaysWhatTheChatWouldDo() throws {
        let clear = try Binary.run(["ask", "a journalist rang me about the depot closure"])
        #expect(clear.status == 0)
        #expect(clear.stdout.hasPrefix("Best match: Talking to the media (media-contact)."), "\(clear.stdout)")
        #expect(clear.stdout.contains("1. "))

        let none = try Binary.run(["ask", "what's the weather in Leeds"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("Probity has no advice on that"), "\(none.stdout)")
    }

    @Test func anOffTopicQuestionRanksNothingHighInJSON() throws {
        let result = try Binary.run(["ask", "how do I renew my parking permit", "--json", "--limit", "2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]])
        #expect((object["topics"] ?? []).count <= 2)
    }

    @Test func explainShowsTheWords() throws {
        let result = try Binary.run(["ask", "cllr wants the exempt report", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("terms: member"), "\(result.stdout)")
    }

    @Test func anEmptyQuestionIsAUsageError() throws {
        let result = try Binary.run(["ask", "  "])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Give a question"))
        #expect(try Binary.run(["ask"]).status == 64)
    }

    /// The first `ask` indexes the catalogue and keeps a snapshot; the next reads it and answers the same.
    @Test func theRouterSnapshotIsWrittenOnceAndReadAfter() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probity-ask-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try Binary.run(["ask", "a journalist rang me about the depot", "--json"], environment: ["XDG_CACHE_HOME": cache])
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache + "/probity").filter { $0.hasPrefix("router-") }
        #expect(snapshots.count == 1)
        let second = try Binary.run(["ask", "a journalist rang me about the depot", "--json"], environment: ["XDG_CACHE_HOME": cache])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
    }
}
