import Foundation
import ProbityKit

/// Where the executable prints, and how: colour only on a terminal and never with NO_COLOR.
enum Output {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var style: TextStyle {
        let colour = isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        return TextStyle(colour: colour, width: isTerminal ? min(terminalWidth, 100) : 80)
    }

    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func line(_ text: String = "") { write(text + "\n") }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
