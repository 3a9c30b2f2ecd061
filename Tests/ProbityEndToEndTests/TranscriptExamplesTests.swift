import Foundation
import ProbityKit
import Testing

/// The golden sessions in `transcripts/examples/`: each `NAME.input` is typed into the real chat with the
/// options in `NAME.args`, and the transcript it leaves must hold exactly the events in `NAME.events.jsonl`,
/// with ids, times, digests, the knowledge's SHA-256 and routing scores left out.
/// After a deliberate change: `PROBITY_UPDATE_EXAMPLES=1 swift test --filter TranscriptExamplesTests`.
@Suite struct TranscriptExamplesTests {
    static let directory = Paths.repository + "/transcripts/examples"
    static let updating = ProcessInfo.processInfo.environment["PROBITY_UPDATE_EXAMPLES"] == "1"

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".input") }.map { String($0.dropLast(6)) }.sorted()
    }

    @Test func thereIsAtLeastOneExamplePerCouncil() throws {
        let councils = Set(
            try Self.names.map { name -> String? in
                let args = try String(contentsOfFile: "\(Self.directory)/\(name).args", encoding: .utf8)
                let words = args.split(whereSeparator: \.isWhitespace).map(String.init)
                if let i = words.firstIndex(of: "--council"), i + 1 < words.count { return words[i + 1] }
                // Without --council the chat asks; the first line typed answers.
                let input = try String(contentsOfFile: "\(Self.directory)/\(name).input", encoding: .utf8)
                return input.split(separator: "\n").first.flatMap { ChatPlan.knowledge.resolveCouncil(String($0))?.id }
            }.compactMap { $0 })
        #expect(councils.isSuperset(of: ChatPlan.knowledge.councils.map(\.id)), "councils with an example: \(councils.sorted())")
    }

    @Test(arguments: TranscriptExamplesTests.names)
    func theChatRecordsTheExpectedEvents(name: String) throws {
        let home = try ChatHome()
        defer { home.remove() }
        let args = try String(contentsOfFile: "\(Self.directory)/\(name).args", encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        let input = try String(contentsOfFile: "\(Self.directory)/\(name).input", encoding: .utf8)
        let result = try home.chat(["chat"] + args, input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let files = TranscriptEndToEndTests.files(in: home.transcripts)
        try #require(files.count == 1, "expected one transcript, found \(files)")
        let path = files[0]
        let actual = try Self.normalised(path, home: home.root)

        let expectedPath = "\(Self.directory)/\(name).events.jsonl"
        if Self.updating {
            try (actual.joined(separator: "\n") + "\n").write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expectedText = try #require(
            try? String(contentsOfFile: expectedPath, encoding: .utf8),
            "no \(expectedPath): run PROBITY_UPDATE_EXAMPLES=1 swift test --filter TranscriptExamplesTests")
        let expected = expectedText.split(separator: "\n").map(String.init)
        let firstDifference =
            (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] }
            ?? (expected.count == actual.count ? nil : min(expected.count, actual.count))
        if let i = firstDifference {
            Issue.record(
                """
                \(name): the event stream differs at event \(i + 1) of \(expected.count) expected, \(actual.count) recorded.
                expected: \(i < expected.count ? expected[i] : "(nothing)")
                recorded: \(i < actual.count ? actual[i] : "(nothing)")
                If the change is deliberate: PROBITY_UPDATE_EXAMPLES=1 swift test --filter TranscriptExamplesTests
                """)
        }

        // The transcript is sealed, and replaying it against the same knowledge changes nothing.
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let verify = try TranscriptEndToEndTests.transcripts(["verify", id], in: home.transcripts)
        #expect(verify.status == 0 && verify.stdout.contains("sealed and intact"), "\(verify.stdout)")
        let replay = try TranscriptEndToEndTests.transcripts(["replay", id, "--json"], in: home.transcripts)
        let report = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any]
        let findings = (report?["transcripts"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        #expect(findings.allSatisfy { $0["changed"] as? Bool == false }, "\(replay.stdout)")
        if expected.contains(where: { $0.contains("\"advised\"") }) { #expect(!findings.isEmpty) }
    }

    /// The value with every `score` left out, at any depth.
    static func withoutScores(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.filter { $0.key != "score" }.mapValues(withoutScores)
        }
        if let array = value as? [Any] { return array.map(withoutScores) }
        return value
    }

    /// The transcript's lines with what differs from run to run left out.
    static func normalised(_ path: String, home: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var out: [String: Any] = [:]
            if let header = record["header"] as? [String: Any] {
                out["header"] = header.filter { ["format", "council", "councilName", "protocolVersion", "role", "continues"].contains($0.key) }
            } else if let seal = record["seal"] as? [String: Any] {
                out["seal"] = ["reason": seal["reason"] ?? NSNull()]
            } else if var event = record["event"] as? [String: Any] {
                if var routed = event["routed"] as? [String: Any] {
                    // The best topic, without scores: the rest of the ranking moves whenever a topic is added.
                    routed["topic"] = (routed["candidates"] as? [[String: Any]])?.first?["topic"] ?? NSNull()
                    routed["candidates"] = nil
                    event["routed"] = routed
                }
                // Routing scores move whenever a topic is added: left out wherever they are (topics shown, choices offered).
                event = Self.withoutScores(event) as? [String: Any] ?? event
                out["event"] = event
            }
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: home, with: "<home>")
                .replacing(/\d{8}T\d{6}Z-[0-9a-f]{8}/, with: "<id>")
        }
    }
}
