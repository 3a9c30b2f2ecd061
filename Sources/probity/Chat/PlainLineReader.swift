import CEditLineShim
import Foundation
import ProbityKit

/// Reads lines from standard input when it is not a terminal (or libedit is unavailable): prompts are
/// still printed, so the output reads as a conversation. A line longer than `Conversation.maximumLineBytes` is
/// cut there: the rest of it is read and dropped as it arrives, so memory stays flat whatever is piped in.
final class PlainLineReader: LineReader {
    let echoesInput: Bool
    private let screen: Screen
    private let limit: Int
    /// Input read but not yet taken; `start` is where the next line begins (compacted now and then, never per line).
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(screen: Screen, limit: Int = Conversation.maximumLineBytes) {
        self.screen = screen
        self.limit = limit
        echoesInput = isatty(STDIN_FILENO) == 1
    }

    func read(prompt: Prompt) -> LineRead {
        screen.write(prompt.text)
        var kept: [UInt8] = []
        var dropped = 0
        var cutting = false
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                take(upTo: newline, into: &kept, dropped: &dropped, cutting: &cutting)
                start = newline + 1
                if kept.last == 0x0D { kept.removeLast() }
                return .line(Self.text(kept, cut: dropped > 0), droppedBytes: dropped)
            }
            if atEnd {
                take(upTo: buffer.count, into: &kept, dropped: &dropped, cutting: &cutting)
                start = buffer.count
                guard !kept.isEmpty || dropped > 0 || cutting else { return .end }
                return .line(Self.text(kept, cut: dropped > 0), droppedBytes: dropped)
            }
            if buffer.count - start > limit || cutting {
                // No end of line within the limit: keep what fits, drop the rest of what has arrived.
                take(upTo: buffer.count, into: &kept, dropped: &dropped, cutting: &cutting)
                start = buffer.count
            }
            compact()
            scanned = buffer.count
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { probity_read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 {
                atEnd = true
            } else if errno == EINTR {
                let hadText = buffer.count > start || !kept.isEmpty
                switch Int(probity_signal_take()) {
                case Int(PROBITY_SIGNAL_TERMINATE.rawValue): return .terminated
                case Int(PROBITY_SIGNAL_QUIT.rawValue): return .quitSignal
                case Int(PROBITY_SIGNAL_HANGUP.rawValue): return .hangup
                default:
                    buffer.removeAll()
                    start = 0
                    return .interrupted(lineHadText: hadText)
                }
            } else {
                atEnd = true
                return .failed(String(cString: strerror(errno)))
            }
        }
    }

    /// Moves `buffer[start..<end]` into the line: into `kept` while it is within the limit, counted as dropped after.
    private func take(upTo end: Int, into kept: inout [UInt8], dropped: inout Int, cutting: inout Bool) {
        let room = max(0, limit - kept.count)
        let keep = min(room, end - start)
        kept += buffer[start..<start + keep]
        if end - start > keep {
            dropped += end - start - keep
            cutting = true
        }
    }

    /// Drops what has been taken once it is most of the buffer, so the buffer holds at most a chunk and a line.
    private func compact() {
        guard start > 0, start >= buffer.count / 2 else { return }
        buffer.removeSubrange(..<start)
        start = 0
    }

    /// The line as text; a cut line ends at the last whole UTF-8 character that fitted.
    private static func text(_ bytes: [UInt8], cut: Bool) -> String {
        var end = bytes.count
        if cut {
            // Back up over continuation bytes to the start of the last character; drop it if it is incomplete.
            var lead = end
            while lead > 0 && bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
            if lead > 0 {
                let b = bytes[lead - 1]
                let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                if end - (lead - 1) < length { end = lead - 1 }
            }
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    func setCompletions(_ words: [String]) {}
    func remember(_ line: String) {}
    func close() {}
}
