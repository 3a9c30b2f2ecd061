import Foundation
import ProbityKit

/// The one place the chat's record is chosen: the transcript writer plugs in here, and the store's copy with it.
enum ChatRecording {
    /// The sink every event of the chat goes through, and what to say about the store before the first question.
    /// - Parameters:
    ///   - transcripts: `--transcripts DIR`, if given.
    ///   - noSave: `--no-save`: record nothing.
    ///   - store: the council-wide store, if one is configured.
    static func makeSink(
        transcripts: String?, noSave: Bool, session: Session, identity: TranscriptIdentity?,
        store: StoreAddress?
    ) -> (sink: ConversationSink, notices: [String]) {
        if noSave { return (DiscardingSink(), []) }
        let location = TranscriptDirectory.locate(explicit: transcripts)
        var notices: [String] = []
        var mirror: StoreMirror?
        if let store {
            let client = TranscriptStore(store, timeout: 3)
            let pending = PendingMarker.pending(in: location.path)
            if !pending.isEmpty {
                do {
                    let report = try TranscriptSync.run(directory: location.path, store: client, ids: pending)
                    if report.linesSent > 0 {
                        notices.append(
                            "Sent the council's transcript store \(report.linesSent) line\(report.linesSent == 1 ? "" : "s") of \(report.sent.count) earlier conversation\(report.sent.count == 1 ? "" : "s") it was missing."
                        )
                    }
                    if !report.problems.isEmpty {
                        notices.append(
                            "\(report.problems.count) earlier conversation\(report.problems.count == 1 ? "" : "s") could not be sent to the store: run `probity transcripts sync` to see why."
                        )
                    }
                } catch {
                    // Unreachable: the mirror below tries once more and says so.
                }
            }
            mirror = StoreMirror(store: client)
        }
        // Transcripts (issue 6): written as it happens, sealed at the end; see transcripts/README.md.
        let recorder = TranscriptRecorder(
            location: location, knowledge: session.knowledge,
            council: session.councilID, role: session.role?.rawValue, probityVersion: Probity.version,
            identity: identity, mirror: mirror)
        return (TranscriptSink(recorder: recorder), notices)
    }
}
