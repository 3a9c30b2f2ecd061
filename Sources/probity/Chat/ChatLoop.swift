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
        while true {
            deliver(reply)
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
                if !reader.echoesInput { screen.write(TerminalSafe.strip(text) + "\n") }
                reader.remember(text)
                reply = conversation.handle(text, droppedBytes: dropped)
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

    /// Records the events (before anything is shown, so the record never lags the screen), does the actions,
    /// then shows the blocks.
    private func deliver(_ reply: ConversationReply) {
        var blocks = reply.blocks
        for event in reply.events {
            if let problem = sink.record(event) { blocks.append(.warning(problem)) }
        }
        for action in reply.actions {
            switch action {
            case .save(let directory):
                blocks.append(.hint(sink.save(to: directory)))
            case .rememberSettings(let council, let role):
                guard let settings else { continue }
                let note = settings.remember(council: council, role: role) ?? "Remembered in \(settings.path) for next time."
                blocks.append(.hint(note))
                _ = sink.record(.shown(kind: "settings", text: note))
            case .end:
                break
            }
        }
        guard !blocks.isEmpty else { return }
        screen.write("\n" + ConversationRenderer(style: screen.style).render(blocks) + "\n\n")
    }

    /// The clean end: the record is closed (and where it is said), the history saved, the terminal restored.
    private func shutdown() {
        if let message = sink.finish() {
            screen.write(ConversationRenderer(style: screen.style).render([.hint(message)]) + "\n")
        }
        reader.close()
    }
}
