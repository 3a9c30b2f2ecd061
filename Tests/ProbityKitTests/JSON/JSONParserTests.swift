import Testing

@testable import ProbityKit

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesWithPositions() throws {
        let value = try JSONParser.parse("{\n  \"a\": [1, true, null],\n  \"b\": \"x\\u00e9\\n\"\n}")
        guard case .object(let members) = value.kind else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(value["a"]?.position == SourcePosition(line: 2, column: 8))
        guard case .string(let text)? = value["b"]?.kind else {
            Issue.record("b not a string")
            return
        }
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

    @Test(arguments: ["01", "-01", "[00]", "{\"a\": 012}"])
    func leadingZerosAreNotJSON(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func zeroAndDecimalsStillRead() throws {
        guard case .array(let numbers) = try JSONParser.parse("[0, -0, 0.5, 10, 1e2]").kind else {
            Issue.record("not an array")
            return
        }
        let values = numbers.compactMap { if case .number(let n) = $0.kind { n } else { nil } }
        #expect(values == [0, 0, 0.5, 10, 100])
    }

    /// Invalid UTF-8 in a string is refused with its byte offset; good multi-byte text is kept.
    @Test func invalidUTF8IsRefusedWithItsOffset() throws {
        for (bytes, offset) in [
            ([0x22, 0x61, 0xFF, 0x22] as [UInt8], 2), ([0x22, 0xC3, 0x22], 1), ([0x22, 0x5C, 0x6E, 0xE2, 0x82, 0x22], 3),
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1), ([0x22, 0xC0, 0xAF, 0x22], 1),
        ] {
            do {
                _ = try JSONParser.parse(bytes: bytes)
                Issue.record("accepted invalid UTF-8: \(bytes)")
            } catch {
                #expect(error.message.contains("invalid UTF-8 at byte offset \(offset)"), "\(error.message)")
            }
        }
        let good = try JSONParser.parse(bytes: Array("\"é€𝄞\\n\"".utf8))
        guard case .string(let text) = good.kind else {
            Issue.record("not a string")
            return
        }
        #expect(text == "é€𝄞\n")
    }

    /// A file on one long line (minified) gets the same positions as worked out from scratch, value after value.
    @Test func positionsOnOneLongLine() throws {
        let items = (0..<2000).map { "{\"k\":\"é\($0)\"}" }.joined(separator: ",")
        let value = try JSONParser.parse("[" + items + "]")
        guard case .array(let elements) = value.kind else {
            Issue.record("not an array")
            return
        }
        var column = 2
        for (i, element) in elements.enumerated() {
            #expect(element.position == SourcePosition(line: 1, column: column))
            column += "{\"k\":\"é\(i)\"}".count + 1
        }
    }

    /// A byte that is not a character is named as a byte with its offset; a character outside ASCII is shown as
    /// itself, never as a Latin-1 guess ('\ð' for the start of an emoji).
    @Test(arguments: [
        (Array("[\"\\a\"]".utf8), "'\\a' is not an escape; a string's escapes are"),
        ([0x5B, 0x22, 0x5C, 0xE5, 0x22, 0x5D], "a backslash followed by byte 0xE5 (invalid UTF-8 at byte offset 3"),
        (Array("[\"\\🌀\"]".utf8), "a backslash followed by '🌀' is not an escape"),
        (Array("[é]".utf8), "unexpected 'é'; expected a value"),
        ([0x5B, 0xE5, 0x5D], "unexpected byte 0xE5 (invalid UTF-8 at byte offset 1: save the file as UTF-8)"),
        ([0x5B, 0x00, 0x5D], "unexpected byte 0x00 (a control character)"),
    ])
    func badBytesAreNamedAsAnAuthorSeesThem(bytes: [UInt8], fragment: String) {
        do {
            _ = try JSONParser.parse(bytes: bytes)
            Issue.record("parsed malformed JSON: \(bytes)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }
}
