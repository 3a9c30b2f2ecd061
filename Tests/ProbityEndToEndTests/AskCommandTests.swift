import Foundation
import Testing

/// `probity ask`: routes one question and prints the ranking.
@Suite struct AskCommandTests {
    @Test func jsonIsExactlyTheTopicsBestFirst() throws {
        let result = try Binary.run(["ask", "a journalist rang me about the depot closure", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["decision", "topics"])
        #expect(object["decision"] as? String == "topic")
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
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["topics"] as? [[String: Any]] ?? []).count <= 2)
    }

    @Test func theWeatherIsDecidedNone() throws {
        let result = try Binary.run(["ask", "what's the weather tomorrow", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["decision"] as? String == "none")
        #expect(object["referral"] == nil)
        #expect(object["topics"] is [[String: Any]], "the ranking is still listed")
    }

    /// Issue 12: chat commands and slips for them are never routed, by `ask` either; the JSON names the command.
    @Test(arguments: [("topcis", "topics"), ("cancel", "cancel"), ("stop", "stop"), ("hlep", "help"), ("qiut", "quit")])
    func aChatCommandIsNeverRouted(typed: String, command: String) throws {
        let result = try Binary.run(["ask", typed, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["decision"] as? String == "none")
        #expect(object["command"] as? String == command)
        #expect((object["topics"] as? [[String: Any]])?.isEmpty == true, "nothing ranked")
        let text = try Binary.run(["ask", typed])
        #expect(text.stdout.contains("this is the command `\(command)`"), "\(text.stdout)")
        #expect(!text.stdout.contains("Best match"))
    }

    @Test func aQuestionStartingWithACommandWordIsStillAQuestion() throws {
        let result = try Binary.run(["ask", "stop the councillor ringing me at eleven at night", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["command"] == nil)
        #expect(object["decision"] as? String != "none" || (object["topics"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func aGiftIsReferredToTheCodeOfConductAndTheMonitoringOfficer() throws {
        let result = try Binary.run(["ask", "can I accept a bottle of wine from a contractor?", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["decision"] as? String == "none")
        let referral = try #require(object["referral"] as? [String: Any])
        #expect(referral["id"] as? String == "gifts-hospitality")
        #expect((referral["reply"] as? String)?.contains("Monitoring Officer") == true)
        #expect((referral["ruleLivesIn"] as? String)?.contains("Code of Conduct") == true)
        #expect(referral["clauses"] == nil, "no council given, no clauses")

        let text = try Binary.run(["ask", "can I accept a bottle of wine from a contractor?"])
        #expect(text.stdout.hasPrefix("Not covered by the member/officer protocol: gifts and hospitality."), "\(text.stdout)")
    }

    /// With --council, the clauses of that council's own protocol that touch the subject, verbatim; never another's.
    @Test func aReferralNamesTheCouncilsOwnClauses() throws {
        let knowledge = ChatPlan.knowledge
        let subject = try #require(knowledge.outOfScope.first { $0.id == "declaring-interests" })
        for id in knowledge.councilIDs {
            let declared = knowledge.folder(id: id)?.outOfScope[subject.id] ?? []
            let result = try Binary.run(["ask", "do I need to declare an interest?", "--council", id, "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let referral = try #require(object["referral"] as? [String: Any], "\(id): \(result.stdout)")
            let clauses = try #require(referral["clauses"] as? [[String: Any]])
            #expect(clauses.compactMap { $0["id"] as? String } == declared, "\(id)")
            for clause in clauses {
                #expect(clause["council"] as? String == id)
                #expect(clause["text"] as? String == (try ChatPlan.clauseText(council: id, id: clause["id"] as? String ?? "")))
            }
        }
    }

    @Test func aSecondQuestionShownBackCarriesNoControlSequences() throws {
        let result = try Binary.run(["ask", "a journalist rang me and I also want to see a \u{1B}confidential\u{202E} report\u{07}"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("It also asks about"), "\(result.stdout)")
        for bad: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{202E}"] { #expect(!result.stdout.unicodeScalars.contains(bad)) }
    }

    @Test func twoQuestionsInOneAreBothInTheJSON() throws {
        let result = try Binary.run(["ask", "a journalist rang me and I also want to see a confidential report", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["decision"] as? String == "topic")
        let second = try #require(object["secondQuestion"] as? [String: Any])
        #expect(second["id"] as? String == "document-access")
        #expect(second["question"] as? String == "I also want to see a confidential report")
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

    /// A question the hand-set order is unsure of is ordered by the sentence encoder, whether the router was built or
    /// read from its snapshot (a bug once: the snapshot's router had no second stage, so `ask` never used it).
    @Test(.enabled(if: hasEncoder || ProcessInfo.processInfo.environment["CI"] != nil, "no catalogue/encoder.bin"))
    func anUnsureQuestionIsOrderedByTheEncoderFromTheSnapshotToo() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probity-ask-stage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let question = "councillor asking for a copy of the draft restructure report before it's public - do I send it?"
        for run in ["built", "read from the snapshot"] {
            let result = try Binary.run(["ask", question, "--explain"], environment: ["XDG_CACHE_HOME": cache, "COLUMNS": "500"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("second stage: the lead"), "\(run): \(result.stdout)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/probity").contains { $0.hasPrefix("router-") })
    }

    static let hasEncoder = FileManager.default.fileExists(atPath: Paths.repository + "/Knowledge/catalogue/encoder.bin")
}
