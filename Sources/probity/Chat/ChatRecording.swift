import ProbityKit

/// The one place the chat's record is chosen: the transcript writer plugs in here.
enum ChatRecording {
    /// The sink every event of the chat goes through.
    /// - Parameters:
    ///   - transcripts: `--transcripts DIR`, if given.
    ///   - noSave: `--no-save`: record nothing.
    static func makeSink(transcripts: String?, noSave: Bool, session: Session) -> ConversationSink {
        if noSave { return DiscardingSink() }
        return UnrecordedSink()
    }
}

/// Until transcripts are written, says so plainly rather than claiming a record that does not exist.
final class UnrecordedSink: ConversationSink {
    var recordingNotice: String { "Transcripts are not written by this build, so this conversation is not being recorded." }
    func record(_ event: ConversationEvent) -> String? { nil }
    func save(to directory: String?) -> String { "Transcripts are not written by this build; nothing was saved." }
    func finish() -> String? { nil }
}
