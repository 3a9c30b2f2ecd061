import Foundation
import Testing

@testable import ProbityKit

@Suite struct MarkedTextWrapperTests {
    let parts = [
        MarkedText("there should be no “"), MarkedText("blind", mark: .match), MarkedText("” "),
        MarkedText("copies", mark: .match), MarkedText("."),
    ]

    @Test func marksMatchesWithBracketsInPlainText() {
        let lines = MarkedTextWrapper.wrap(parts, style: .plain, indent: "")
        #expect(lines == ["there should be no “[[blind]]” [[copies]]."])
        #expect(
            MarkedTextWrapper.plain([MarkedText("a "), MarkedText("b", mark: .added), MarkedText(" "), MarkedText("c", mark: .removed)])
                == "a {+b+} [-c-]")
    }

    @Test func wrapsByWhatTheReaderSees() {
        let style = TextStyle(colour: true, width: 30)
        let lines = MarkedTextWrapper.wrap(parts + [MarkedText(" and more words after that")], style: style, indent: "  ")
        #expect(lines.count == 3)
        let visible = lines.map {
            TerminalSafe.strip($0).replacingOccurrences(of: "[1m", with: "").replacingOccurrences(of: "[33m", with: "").replacingOccurrences(
                of: "[0m", with: "")
        }
        #expect(visible.allSatisfy { $0.count <= 30 })
        #expect(lines[0].contains("\u{1B}[1m"))
        #expect(!lines.joined().contains("[["))
    }
}
