import Foundation
import Testing

/// `probity diff`: what changed between a council's versions.
@Suite struct DiffCommandTests {
    @Test func blackburnListsTheAddedProcurementClauseAndTheRewrittenNeedToKnow() throws {
        let result = try Binary.run(["diff", "blackburn-with-darwen"])
        #expect(result.status == 0, "\(result.stderr)")
        // The heading may be wrapped at the width in use: compare it with its spaces and line breaks as one.
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("version 1, superseded → version 2, adopted"))
        #expect(result.stdout.contains("ADDED A 4.3"))
        #expect(result.stdout.contains("CHANGED C 3.10"))
        #expect(result.stdout.contains("{+"))
        #expect(result.stdout.contains("[-"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func jsonIsOneDocument() throws {
        let result = try Binary.run(["diff", "blackburn-with-darwen", "--json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["council"] as? String == "blackburn-with-darwen")
        let comparison = try #require((report["comparisons"] as? [[String: Any]])?.first)
        let added = try #require(comparison["added"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(added.contains("A4.3"))
        #expect(added.contains("C3.14-interest"))
        let changed = try #require(comparison["changed"] as? [[String: Any]])
        let needToKnow = try #require(changed.first { $0["id"] as? String == "C3.10" })
        #expect((needToKnow["runs"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func aCouncilWithOneVersionHasNothingToCompare() throws {
        let result = try Binary.run(["diff", "carlisle"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing to compare"))
    }

    @Test func anUnknownVersionOrCouncilIsAUsageError() throws {
        #expect(try Binary.run(["diff", "atlantis"]).status == 64)
        let result = try Binary.run(["diff", "blackburn-with-darwen", "--from", "7"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("has no version \"7\""))
    }
}
