import CEditLineShim
import Foundation
import ProbityKit

/// Reads lines with libedit on a terminal: line editing, history kept across runs, Tab completion, UTF-8.
final class EditLineReader: LineReader {
    let echoesInput = true
    private let historyFile: HistoryFile?
    private var open = true

    /// Starts libedit, or returns nil when stdin or stdout is not a terminal (or libedit cannot start).
    /// - Parameter history: where history is kept; nil keeps none on disk (`--no-save`).
    init?(history: HistoryFile?) {
        guard probity_el_start("probity", 500) == 0 else { return nil }
        probity_el_set_max_line_bytes(Conversation.maximumLineBytes)
        historyFile = history
        if let history, history.exists { _ = probity_el_history_load(history.path) }
    }

    func read(prompt: Prompt) -> LineRead {
        guard open else { return .end }
        // Escape sequences go between \u{1} marks so that libedit does not count them as columns.
        let text = prompt.colour ? "\u{1}\u{1B}[1;36m\u{1}\(prompt.text)\u{1}\u{1B}[0m\u{1}" : prompt.text
        probity_el_set_prompt(text)
        var line: UnsafePointer<CChar>?
        var length = 0
        switch probity_el_read(&line, &length) {
        case 1:
            guard let line else { return .line("", droppedBytes: 0) }
            let limit = Conversation.maximumLineBytes
            var dropped = Int(probity_el_dropped_bytes())
            var kept = length
            if kept > limit {  // editing can still grow a line past the limit in ways the key reader does not see
                kept = limit
                while kept > 0 && UInt8(bitPattern: line[kept]) & 0xC0 == 0x80 { kept -= 1 }  // line[kept] starts the first dropped character
                dropped += length - kept
            }
            return .line(String(decoding: UnsafeRawBufferPointer(start: line, count: kept), as: UTF8.self), droppedBytes: dropped)
        case 0:
            return .end
        case -1:
            switch Int(probity_signal_take()) {
            case Int(PROBITY_SIGNAL_TERMINATE.rawValue): return .terminated
            case Int(PROBITY_SIGNAL_HANGUP.rawValue): return .hangup
            case Int(PROBITY_SIGNAL_QUIT.rawValue): return .quitSignal
            default: return .interrupted(lineHadText: probity_el_interrupted_text() != 0)
            }
        default:
            return .failed(String(cString: strerror(errno)))
        }
    }

    func setCompletions(_ words: [String]) {
        var pointers = words.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { base in
                probity_el_set_completions(base, Int32(buffer.count))
            }
        }
    }

    func remember(_ line: String) {
        guard !line.isEmpty else { return }
        probity_el_history_add(line)
    }

    func close() {
        guard open else { return }
        open = false
        if let historyFile, historyFile.prepare() {
            _ = probity_el_history_save(historyFile.path)
            historyFile.secure()
        }
        probity_el_end()
    }
}
