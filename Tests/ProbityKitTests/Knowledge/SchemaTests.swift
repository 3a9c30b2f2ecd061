import Foundation
import Testing
@testable import ProbityKit

/// The JSON Schemas in Knowledge/schema are what authors' editors check against; they must
/// describe the same fields that the loader reads, no more and no fewer.
@Suite struct SchemaTests {
    private func schema(_ name: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: Paths.knowledge + "/schema/\(name).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func properties(_ object: [String: Any]?) -> Set<String> {
        Set(((object?["properties"] as? [String: Any]) ?? [:]).keys).subtracting(["$schema"])
    }

    @Test func councilSchemaMatchesTheLoader() throws {
        let s = try schema("council")
        #expect(properties(s) == CouncilDecoder.fields)
        let clause = (s["$defs"] as? [String: Any])?["clause"] as? [String: Any]
        #expect(properties(clause) == CouncilDecoder.clauseFields)
        #expect((s["properties"] as? [String: Any])?["status"].flatMap { ($0 as? [String: Any])?["enum"] as? [String] } == DocumentStatus.allCases.map(\.rawValue))
    }

    @Test func topicSchemaMatchesTheLoader() throws {
        let s = try schema("topic")
        #expect(properties(s) == TopicDecoder.fields)
        let defs = s["$defs"] as? [String: Any]
        #expect(properties(defs?["question"] as? [String: Any]) == TopicDecoder.questionFields)
        #expect(properties(defs?["branch"] as? [String: Any]) == TopicDecoder.branchFields)
        #expect(properties(defs?["advice"] as? [String: Any]) == TopicDecoder.adviceFields)
        let verdicts = ((defs?["advice"] as? [String: Any])?["properties"] as? [String: Any])?["verdict"] as? [String: Any]
        #expect(verdicts?["enum"] as? [String] == Verdict.allCases.map(\.rawValue))
    }

    @Test func everyKnowledgeFileNamesItsSchema() throws {
        for folder in ["councils", "topics"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Paths.knowledge + "/" + folder).filter { $0.hasSuffix(".json") }
            for name in names {
                let text = try String(contentsOfFile: Paths.knowledge + "/\(folder)/\(name)", encoding: .utf8)
                let expected = folder == "councils" ? "../schema/council.schema.json" : "../schema/topic.schema.json"
                #expect(text.contains("\"$schema\": \"\(expected)\""), "\(folder)/\(name) does not name \(expected)")
            }
        }
    }
}
