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

    private func defs(_ s: [String: Any]) -> [String: Any] { (s["$defs"] as? [String: Any]) ?? [:] }

    @Test func councilSchemasMatchTheLoader() throws {
        #expect(properties(try schema("council")) == CouncilDecoder.identityFields)
        let s = try schema("protocol")
        #expect(properties(s) == CouncilDecoder.fields)
        #expect(properties(defs(s)["clause"] as? [String: Any]) == CouncilDecoder.clauseFields)
        #expect(
            (s["properties"] as? [String: Any])?["status"].flatMap { ($0 as? [String: Any])?["enum"] as? [String] } == DocumentStatus.allCases.map(\.rawValue))
    }

    @Test func catalogueSchemasMatchTheLoader() throws {
        let topic = try schema("topic")
        #expect(properties(topic) == CatalogueDecoder.topicFields)
        for s in [topic, try schema("facts")] {
            #expect(properties(defs(s)["fact"] as? [String: Any]) == CatalogueDecoder.factFields)
            #expect(properties(defs(s)["option"] as? [String: Any]) == CatalogueDecoder.optionFields)
        }
        #expect(properties(try schema("facts")) == ["facts"])
    }

    @Test func outOfScopeSchemaMatchesTheLoader() throws {
        let s = try schema("out-of-scope")
        #expect(properties(s) == OutOfScopeDecoder.fields)
        #expect(properties(defs(s)["subject"] as? [String: Any]) == OutOfScopeDecoder.subjectFields)
    }

    @Test func adviceSchemaMatchesTheLoader() throws {
        let s = try schema("advice")
        #expect(properties(s) == AdviceDecoder.fields)
        let d = defs(s)
        #expect(properties(d["question"] as? [String: Any]) == AdviceDecoder.questionFields)
        #expect(properties(d["branch"] as? [String: Any]) == AdviceDecoder.branchFields)
        #expect(properties(d["advice"] as? [String: Any]) == AdviceDecoder.adviceFields)
        let verdicts = ((d["advice"] as? [String: Any])?["properties"] as? [String: Any])?["verdict"] as? [String: Any]
        #expect(verdicts?["enum"] as? [String] == Verdict.allCases.map(\.rawValue))
    }

    /// Every knowledge file names the schema that describes it, relative to where it is.
    @Test func everyKnowledgeFileNamesItsSchema() throws {
        let fm = FileManager.default
        let root = Paths.knowledge
        var expected: [(String, String)] = [
            ("catalogue/facts.json", "../schema/facts.schema.json"),
            ("catalogue/out-of-scope.json", "../schema/out-of-scope.schema.json"),
        ]
        for name in try fm.contentsOfDirectory(atPath: root + "/catalogue/topics") where name.hasSuffix(".json") {
            expected.append(("catalogue/topics/\(name)", "../../schema/topic.schema.json"))
        }
        for council in try fm.contentsOfDirectory(atPath: root + "/councils") where !council.hasPrefix(".") {
            expected.append(("councils/\(council)/council.json", "../../schema/council.schema.json"))
            for (folder, schema) in [("versions", "protocol"), ("advice", "advice")] {
                for name in (try? fm.contentsOfDirectory(atPath: "\(root)/councils/\(council)/\(folder)")) ?? [] where name.hasSuffix(".json") {
                    expected.append(("councils/\(council)/\(folder)/\(name)", "../../../schema/\(schema).schema.json"))
                }
            }
        }
        for (file, schema) in expected {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(text.contains("\"$schema\": \"\(schema)\""), "\(file) does not name \(schema)")
        }
    }
}
