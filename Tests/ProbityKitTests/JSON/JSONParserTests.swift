import Testing
@testable import ProbityKit

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesWithPositions() throws {
        let value = try JSONParser.parse("{\n  \"a\": [1, true, null],\n  \"b\": \"x\\u00e9\\n\"\n}")
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(value["a"]?.position == SourcePosition(line: 2, column: 8))
        guard case .string(let text)? = value["b"]?.kind else { Issue.record("b not a string"); return }
        #expect(text == "xé\n")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a quoted member name"),
        ("{\n  \"a\" 1\n}", 2, 7, "expected ':'"),
        ("[1, 2", 1, 6, "unexpected end of file"),
        ("{\"a\": tru}", 1, 10, "expected 'true'"),
        ("{\"a\": \"x\n\"}", 1, 9, "runs past the end of its line"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "appears twice"),
        ("", 1, 1, "empty"),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed malformed JSON: \(text)")
        } catch {
            #expect(error.position == SourcePosition(line: line, column: column), "\(error.message)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        do {
            _ = try JSONParser.parse("{\"é\": x}")
            Issue.record("parsed malformed JSON")
        } catch {
            #expect(error.position == SourcePosition(line: 1, column: 7))
        }
    }
}
