import CEditLineShim
import Foundation
import ProbityKit

/// Where the chat writes: standard output, written whole with write(2). Notices when the reader of a
/// pipe has gone away (EPIPE; SIGPIPE is ignored), after which nothing more is written.
final class Screen {
    private(set) var closed = false
    let isTerminal = isatty(STDOUT_FILENO) == 1

    /// The style for the next thing written: colour only on a terminal without NO_COLOR, the terminal's width now.
    var style: TextStyle { Output.style }

    func write(_ text: String) {
        guard !closed, !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        let status = bytes.withUnsafeMutableBytes { probity_write_all(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if status != 0 && errno == EPIPE { closed = true }
    }
}
