import CEditLineShim
import Foundation
import ProbityKit

/// Where the chat writes: standard output, written whole with write(2). Notices when the reader of a
/// pipe has gone away (EPIPE; SIGPIPE is ignored), after which nothing more is written.
final class Screen {
    private(set) var closed = false
    let isTerminal = isatty(STDOUT_FILENO) == 1

    /// Whether the user types at a terminal; with input piped the chat is plain, whatever stdout is.
    let inputIsTerminal = isatty(STDIN_FILENO) == 1

    /// The style for the next thing written: colour only when both ends are a terminal and NO_COLOR is unset;
    /// the terminal's width now.
    var style: TextStyle {
        var style = Output.style
        if !inputIsTerminal && Output.colourChoice != .always { style.colour = false }
        // On a terminal, advice is fitted to the screen so that its verdict is in view when the prompt returns.
        if isTerminal && inputIsTerminal { style.height = Output.terminalHeight }
        return style
    }

    func write(_ text: String) {
        guard !closed, !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        let status = bytes.withUnsafeMutableBytes { probity_write_all(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if status != 0 && errno == EPIPE { closed = true }
    }
}
