import ProbityKit

/// Runs a conversation: reads a line, hands it to the `Conversation`, records what happened through
/// the one sink, then shows what to show. Every way of ending (quit, Ctrl-D, a second Ctrl-C, SIGTERM,
/// SIGHUP, SIGQUIT, a closed pipe) records `.ended` and runs `shutdown` before returning.
struct ChatLoop {
    var conversation: Conversation
    let reader: LineReader
    let sink: ConversationSink
    let screen: Screen
    /// Where a council or role chosen in the chat is remembered; nil remembers nothing.
    let settings: SettingsFile?
    /// Said before the first question (settings that could not be used, say).
    var notices: [String] = []

    /// Runs the conversation to its end and returns why it ended.
    mutating func run() -> ConversationEndReason {
        var reply = conversation.start(recording: sink.recordingNotice, notices: notices)
        /// A piped line, to show once it is recorded (a terminal has shown it already).
        var echo: String?
        while true {
            deliver(reply, echo: echo)
            echo = nil
            if screen.closed && reply.endReason == nil {
                reply = conversation.end(.closedPipe)
                continue
            }
            if let reason = reply.endReason {
                shutdown()
                return reason
            }
            reader.setCompletions(conversation.completions)
            let style = screen.style
            switch reader.read(prompt: Prompt(colour: style.colour)) {
            case .line(let text, let dropped):
                reader.remember(text)
                reply = conversation.handle(text, droppedBytes: dropped)
                if !reader.echoesInput { echo = TerminalSafe.strip(text) + "\n" }
            case .end:
                screen.write("\n")
                reply = conversation.end(.eof)
            case .interrupted(let lineHadText):
                screen.write("\n")
                reply = conversation.interrupted(lineHadText: lineHadText)
            case .terminated:
                screen.write("\n")
                reply = conversation.end(.terminated)
            case .hangup:
                reply = conversation.end(.hangup)
            case .quitSignal:
                screen.write("\n")
                reply = conversation.end(.quitSignal)
            case .failed(let reason):
                screen.write("\nCould not read what you typed (\(reason)).\n")
                reply = conversation.end(.hangup)
            }
        }
    }

    /// Records the events first, so that the record never lags the screen (a piped line is echoed only once it
    /// is recorded), does the actions, then shows the blocks. What the sink says (writing failed) and what the
    /// actions say is recorded too, as it is shown.
    private func deliver(_ reply: ConversationReply, echo: String?) {
        var blocks = reply.blocks
        for event in reply.events {
            if let problem = sink.record(event) { blocks.append(.warning(Message(problem))) }
        }
        // One sync for the whole reply, before any of it is shown.
        if let problem = sink.commit() { blocks.append(.warning(Message(problem))) }
        if let echo { screen.write(echo) }
        for action in reply.actions {
            switch action {
            case .save(let directory):
                let said = sink.save(to: directory)
                _ = sink.record(.displayed(kind: "save", shown: .message(tone: .hint, words: Message(said))))
                blocks.append(.hint(Message(said)))
            case .rememberSettings(let council, let role):
                guard let settings else { continue }
                let note = settings.remember(council: council, role: role) ?? "Remembered in \(settings.path) for next time."
                blocks.append(.hint(Message(note)))
                _ = sink.record(.displayed(kind: "settings", shown: .message(tone: .hint, words: Message(note))))
            case .end:
                break
            }
        }
        if !reply.actions.isEmpty, let problem = sink.commit() { blocks.append(.warning(Message(problem))) }
        guard !blocks.isEmpty else { return }
        // Every line at the width in use, wrapped by Probity (a heading the renderer left long included), never by the terminal.
        let style = screen.style
        screen.write("\n" + TextWrapper.fit(ConversationRenderer(style: style).render(blocks), width: style.width) + "\n\n")
    }

    /// The clean end: the record is closed (and where it is said), the history saved, the terminal restored.
    private func shutdown() {
        if let message = sink.finish() {
            screen.write(ConversationRenderer(style: screen.style).render([.hint(Message(message))]) + "\n")
        }
        reader.close()
    }
}
