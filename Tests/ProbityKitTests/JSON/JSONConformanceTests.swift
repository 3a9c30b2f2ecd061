import Foundation
import Testing

@testable import ProbityKit

/// The JSONTestSuite's parsing cases (Tests/Fixtures/json, see its README): every `y_` is read, every `n_` is
/// refused with a position inside the file.
@Suite struct JSONConformanceTests {
    static let folder = Paths.fixtures + "/json"

    static func cases(_ prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
    }

    /// RFC 8259 lets a parser refuse duplicate names ("SHOULD be unique"); Probity does, on purpose.
    static let duplicateNames: Set<String> = ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"]

    @Test func theSuiteIsAllHere() {
        #expect(Self.cases("y_").count == 95)
        #expect(Self.cases("n_").count >= 188)
    }

    @Test(arguments: cases("y_").filter { !duplicateNames.contains($0) })
    func accepted(name: String) {
        do {
            _ = try JSONParser.parse(bytes: Self.bytes(name))
        } catch {
            Issue.record("\(name) refused at \(error.position.line):\(error.position.column): \(error.message)")
        }
    }

    @Test(arguments: cases("n_"))
    func refusedWithAPosition(name: String) {
        let bytes = Self.bytes(name)
        do {
            let value = try JSONParser.parse(bytes: bytes)
            Issue.record("\(name) accepted as \(value.kind)")
        } catch {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            #expect(error.position.line >= 1 && error.position.line <= lines.count, "\(name): line \(error.position.line)")
            let line = lines[min(max(error.position.line, 1), lines.count) - 1]
            #expect(error.position.column >= 1 && error.position.column <= line.count + 1, "\(name): column \(error.position.column)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test(arguments: duplicateNames.sorted())
    func duplicateNamesAreRefusedAtTheSecond(name: String) {
        do {
            _ = try JSONParser.parse(bytes: Self.bytes(name))
            Issue.record("\(name) accepted")
        } catch {
            #expect(error.message == "member \"a\" appears twice in the same object")
            #expect(error.position == SourcePosition(line: 1, column: 10))
        }
    }

    /// What the `y_` cases hold comes out as written, escapes decoded.
    @Test func valuesReadBack() throws {
        func string(_ name: String) throws -> String? {
            guard case .array(let items) = try JSONParser.parse(bytes: Self.bytes(name)).kind,
                case .string(let text)? = items.first?.kind
            else { return nil }
            return text
        }
        #expect(try string("y_string_allowed_escapes.json") == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try string("y_string_accepted_surrogate_pair.json") == "\u{10437}")
        #expect(try string("y_string_last_surrogates_1_and_2.json") == "\u{10FFFF}")
        #expect(try string("y_string_null_escape.json") == "\u{0}")
        #expect(try string("y_string_utf8.json") == "€𝄞")
        #expect(try string("y_string_backslash_and_u_escaped_zero.json") == "\\u0000")
        guard case .object(let members) = try JSONParser.parse(bytes: Self.bytes("y_object_escaped_null_in_key.json")).kind else {
            Issue.record("not an object")
            return
        }
        #expect(members.first?.key == "foo\u{0}bar")
        guard case .array(let numbers) = try JSONParser.parse(bytes: Self.bytes("y_number_double_close_to_zero.json")).kind,
            case .number(let tiny)? = numbers.first?.kind
        else {
            Issue.record("not a number")
            return
        }
        #expect(tiny < 0 && tiny > -1e-77)
    }
}
