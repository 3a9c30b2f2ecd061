import Foundation
import ProbityKit

/// How the chat's process ends. 0 for an ordinary end (quit, Ctrl-D, Ctrl-C twice, a closed pipe); for a signal
/// that was caught, handled and the transcript sealed, 128 plus its number, as a shell reports a process the signal
/// ended (SIGHUP 129, SIGQUIT 131, SIGTERM 143); otherwise 1 when the conversation was to be recorded but could not
/// be saved anywhere.
enum ChatExitStatus {
    static func status(ending reason: ConversationEndReason, recordLost: Bool) -> Int32? {
        switch reason {
        case .terminated: return 128 + SIGTERM
        case .hangup: return 128 + SIGHUP
        case .quitSignal: return 128 + SIGQUIT
        case .quit, .eof, .interrupt, .closedPipe: return recordLost ? 1 : nil
        }
    }
}
