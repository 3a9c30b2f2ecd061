import ProbityKit

/// The one place the chat's record is chosen: the transcript writer plugs in here.
enum ChatRecording {
    /// The sink every event of the chat goes through.
    /// - Parameters:
    ///   - transcripts: `--transcripts DIR`, if given.
    ///   - noSave: `--no-save`: record nothing.
    static func makeSink(transcripts: String?, noSave: Bool, session: Session) -> ConversationSink {
        if noSave { return DiscardingSink() }
        // Transcripts (issue 6): written as it happens, sealed at the end; see transcripts/README.md.
        let recorder = TranscriptRecorder(location: TranscriptDirectory.locate(explicit: transcripts), knowledge: session.knowledge,
                                          council: session.councilID, role: session.role?.rawValue, probityVersion: Probity.version)
        return TranscriptSink(recorder: recorder)
    }
}
