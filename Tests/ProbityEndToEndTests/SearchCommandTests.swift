import Foundation
import Testing

/// `probity search`: ranked clauses with highlighted snippets.
@Suite struct SearchCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not one JSON object: \(text.prefix(200))")
    }

    @Test func blindCopiesFindsCarlisle130First() throws {
        let result = try Binary.run(["search", "blind copies"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let first = try #require(lines.first { $0.hasPrefix(" 1. ") || $0.hasPrefix("1. ") })
        #expect(first.contains("Carlisle 130 — Correspondence"), "\(result.stdout)")
        #expect(result.stdout.contains("“[[blind]]”"))
        #expect(result.stdout.contains("[[copies]]."))
        #expect(!result.stdout.contains("\u{1B}"), "no colour in a pipe")
    }

    @Test func jsonIsOneDocumentWithMarkedSnippets() throws {
        let result = try Binary.run(["search", "need to know", "--council", "carlisle", "--limit", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["query"] as? String == "need to know")
        #expect(report["council"] as? String == "carlisle")
        let hits = try #require(report["hits"] as? [[String: Any]])
        #expect(hits.count == 3)
        #expect(hits.allSatisfy { $0["council"] as? String == "carlisle" })
        #expect(["116", "117", "120"].contains(hits.first?["clause"] as? String ?? ""))
        #expect((hits.first?["snippet"] as? String)?.lowercased().contains("[[need to know]]") == true)
        #expect(hits.first?["text"] is String)
    }

    @Test func aQuotedPhraseMustAppear() throws {
        let result = try Binary.run(["search", "\"need to know\"", "--json", "--limit", "40"])
        let hits = try #require(try json(result.stdout)["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        for hit in hits {
            let snippet = (hit["snippet"] as? String ?? "").lowercased().replacingOccurrences(of: "-", with: " ")
            #expect(snippet.contains("need to know]]") || snippet.contains("needs to know]]"), "\(snippet)")
        }
    }

    @Test func nothingFoundIsSaidPlainly() throws {
        let result = try Binary.run(["search", "xylophone zebra"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("No clause matches"))
    }

    @Test func anUnknownCouncilIsAUsageError() throws {
        let result = try Binary.run(["search", "press", "--council", "atlantis"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not a council Probity knows"))
    }
}
