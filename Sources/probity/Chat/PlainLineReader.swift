import CEditLineShim
import Foundation

/// Reads lines from standard input when it is not a terminal (or libedit is unavailable): prompts are
/// still printed, so the output reads as a conversation.
final class PlainLineReader: LineReader {
    let echoesInput: Bool
    private let screen: Screen
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(screen: Screen) {
        self.screen = screen
        echoesInput = isatty(STDIN_FILENO) == 1
    }

    func read(prompt: Prompt) -> LineRead {
        screen.write(prompt.text)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { probity_read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 {
                atEnd = true
            } else if errno == EINTR {
                switch Int(probity_signal_take()) {
                case Int(PROBITY_SIGNAL_TERMINATE.rawValue): return .terminated
                case Int(PROBITY_SIGNAL_HANGUP.rawValue): return .hangup
                default:
                    let hadText = !buffer.isEmpty
                    buffer.removeAll()
                    return .interrupted(lineHadText: hadText)
                }
            } else {
                atEnd = true
                return .failed(String(cString: strerror(errno)))
            }
        }
    }

    func setCompletions(_ words: [String]) {}
    func remember(_ line: String) {}
    func close() {}
}
