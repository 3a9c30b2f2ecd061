import Testing

@testable import ProbityKit

@Suite struct TerminalConventionsTests {
    @Test func colourFollowsTheOptionThenTheEnvironment() {
        #expect(ColourChoice.always.colours(environment: ["NO_COLOR": "1"], isTerminal: false))
        #expect(!ColourChoice.never.colours(environment: ["CLICOLOR_FORCE": "1"], isTerminal: true))
        #expect(ColourChoice.auto.colours(environment: [:], isTerminal: true))
        #expect(!ColourChoice.auto.colours(environment: [:], isTerminal: false))
        // NO_COLOR counts only when it is set to something.
        #expect(!ColourChoice.auto.colours(environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(ColourChoice.auto.colours(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(ColourChoice.auto.colours(environment: ["CLICOLOR_FORCE": "1"], isTerminal: false))
        #expect(ColourChoice.auto.colours(environment: ["FORCE_COLOR": "true"], isTerminal: false))
        #expect(!ColourChoice.auto.colours(environment: ["FORCE_COLOR": "0"], isTerminal: false))
        #expect(!ColourChoice.auto.colours(environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"], isTerminal: false))
        #expect(!ColourChoice.auto.colours(environment: ["TERM": "dumb"], isTerminal: true))
    }

    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("member") == 6)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("議会") == 4)
        #expect(DisplayWidth.of("\u{1B}[1mbold\u{1B}[0m") == 4)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test func wrappingUsesDisplayWidth() {
        let lines = TextWrapper.wrap("議会 議会 議会 議会 議会", width: 10)
        #expect(lines == ["議会 議会", "議会 議会", "議会"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func fitWrapsOnlyLinesWiderThanTheScreenAtTheirSpaces() {
        let text = "short\n  a heading that is far too long to fit on one line of a narrow screen\nend"
        let fitted = TextWrapper.fit(text, width: 30)
        let lines = fitted.split(separator: "\n").map(String.init)
        #expect(lines.first == "short" && lines.last == "end")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines[1].hasPrefix("  a heading") && lines[2].hasPrefix("  "))
        #expect(fitted.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }

    @Test func diffMarksKeepTheirBracketsInColour() {
        let style = TextStyle(colour: true, width: 60)
        let line = MarkedTextWrapper.wrap(
            [MarkedText("a "), MarkedText("b", mark: .added), MarkedText(" "), MarkedText("c", mark: .removed)],
            style: style, indent: ""
        ).joined()
        #expect(line.contains("{+b+}") && line.contains("[-c-]"))
        #expect(line.contains("\u{1B}[32m"))
    }
}
