import Foundation
import ProbityKit

/// Where the executable prints, and how: colour by `--color` and the environment (`ColourChoice`), lines fitted to
/// the width in use, and (on a terminal) long output held back for the pager.
enum Output {
    /// Set once by the launcher, before the command runs.
    nonisolated(unsafe) static var colourChoice = ColourChoice.auto
    /// Output held for the pager; nil when printing straight through.
    nonisolated(unsafe) private static var held: [UInt8]?

    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var style: TextStyle {
        TextStyle(
            colour: colourChoice.colours(environment: environment, isTerminal: isTerminal),
            width: isTerminal ? min(terminalWidth, 100) : pipedWidth)
    }

    /// `$COLUMNS` when output is piped, else 80.
    static var pipedWidth: Int {
        environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    }

    /// The terminal's width, or `$COLUMNS`, or 80.
    static var terminalWidth: Int {
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return pipedWidth
    }

    /// The terminal's height, or `$LINES`, or 24.
    static var terminalHeight: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 24
    }

    /// Text for people: any line wider than the screen is wrapped by Probity at its spaces, never by the terminal.
    static func write(_ text: String) {
        raw(TextWrapper.fit(text, width: terminalWidth))
    }

    static func line(_ text: String = "") { write(text + "\n") }

    /// A JSON document or a file's contents, as they are.
    static func raw(_ text: String) {
        if held != nil {
            held! += Array(text.utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// A message on stderr: never coloured, so any control character in it came from something typed or read
    /// (a file name, say) and is removed.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalSafe.strip(text) + "\n").utf8))
    }

    /// From now on, holds what is printed so that `finish` can page it.
    static func holdForPager() { held = [] }

    /// Prints what was held: through the pager when it is longer than the screen, else straight out.
    static func finish() {
        guard let text = held else { return }
        held = nil
        let lines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lines >= terminalHeight, let pager = Pager(environment: environment), pager.show(text) { return }
        FileHandle.standardOutput.write(Data(text))
    }
}
