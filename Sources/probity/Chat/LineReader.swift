/// What reading a line at a prompt gave.
enum LineRead: Equatable {
    /// A line, and how many bytes were cut from its end because it was longer than `Conversation.maximumLineBytes`.
    case line(String, droppedBytes: Int)
    /// End of input: Ctrl-D on an empty line, or the end of piped input.
    case end
    /// Ctrl-C: the line was abandoned; whether it held any text.
    case interrupted(lineHadText: Bool)
    /// SIGTERM.
    case terminated
    /// SIGHUP: the terminal went away.
    case hangup
    /// SIGQUIT (Ctrl-\\): end as after SIGTERM, not in the runtime's crash reporter.
    case quitSignal
    /// Reading failed; the text says why.
    case failed(String)
}

/// Reads the user's lines: with libedit on a terminal, plainly from a pipe.
protocol LineReader: AnyObject {
    /// Whether what the user types appears on screen by itself (a terminal echoes it; piped input does not).
    var echoesInput: Bool { get }
    /// Shows `prompt` and reads one line.
    func read(prompt: Prompt) -> LineRead
    /// What Tab completes at the next prompt.
    func setCompletions(_ words: [String])
    /// Keeps a line in the history.
    func remember(_ line: String)
    /// Ends reading: saves the history, puts the terminal back. Safe to call twice.
    func close()
}

/// A prompt: its text, and whether to colour it.
struct Prompt {
    var text = "> "
    var colour: Bool
}
