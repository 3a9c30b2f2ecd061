/// The chat's sink that records the conversation as a transcript, and says so in plain words:
/// where it is recorded, what went wrong and what to do, and where it was saved at the end.
public final class TranscriptSink: ConversationSink, @unchecked Sendable {
    public let recorder: TranscriptRecorder

    public init(recorder: TranscriptRecorder) { self.recorder = recorder }

    public var recordingNotice: String {
        var notice: String
        switch recorder.status {
        case .recording(let path):
            notice = "This conversation is recorded for your council's Monitoring Officer, in \(path). (Use --no-save to record nothing.)"
        case .failed(let error):
            notice = Self.failureNotice(error)
        case .finished:
            notice = "This conversation's record is closed."
        }
        if let warning = recorder.warning { notice += " Note: \(warning)" }
        if let store = recorder.takeStoreNotice() {
            notice += " " + store
        } else if let destination = recorder.storeDestination, case .recording = recorder.status {
            notice += " Each line is also sent to \(destination)."
        }
        return notice
    }

    /// Records the event. When writing fails, the warning the user is about to be shown is recorded too (kept in
    /// memory with the rest, and saved with it), so the record shows what the user was told.
    /// The line is written at once and synced by the next `commit` (the chat commits before it shows anything).
    public func record(_ event: ConversationEvent) -> String? {
        var notices: [String] = []
        if let failure = recorder.record(event, syncNow: false) {
            let notice = Self.failureNotice(failure)
            recorder.record(.displayed(kind: "storage", shown: .message(tone: .warning, words: Message(notice))), syncNow: false)
            notices.append(notice)
        }
        // The store could not be reached, or refused a line: said once, and recorded like any warning shown.
        if let store = recorder.takeStoreNotice() {
            recorder.record(.displayed(kind: "store", shown: .message(tone: .warning, words: Message(store))), syncNow: false)
            notices.append(store)
        }
        return notices.isEmpty ? nil : notices.joined(separator: " ")
    }

    public func commit() -> String? {
        guard let failure = recorder.commit() else { return nil }
        let notice = Self.failureNotice(failure)
        recorder.record(.displayed(kind: "storage", shown: .message(tone: .warning, words: Message(notice))))
        return notice
    }

    public func save(to directory: String?) -> String {
        guard let directory, !directory.isEmpty else {
            switch recorder.status {
            case .recording(let path):
                return "This conversation is being saved as it goes, in \(path). To carry it on in another folder, type `save FOLDER`."
            case .failed(let error):
                return "\(error.description) Nothing is lost: the conversation is kept in memory. Type `save FOLDER` to save it in another folder."
            case .finished(let outcome):
                return Self.finishedMessage(outcome)
            }
        }
        do {
            let path = try recorder.saveElsewhere(Self.expandingTilde(directory))
            return "Saved everything so far in \(path); the rest of this conversation will be recorded there too."
        } catch {
            return "\(error.description) The conversation is still kept in memory: try `save` with another folder."
        }
    }

    public func finish() -> String? {
        Self.finishedMessage(recorder.finish(reason: "ended"))
    }

    public var recordLost: Bool {
        if case .finished(.notSaved) = recorder.status { return true }
        return false
    }

    // MARK: Messages

    static func failureNotice(_ error: TranscriptStorageError) -> String {
        "\(error.description) The conversation goes on and nothing is lost: it is kept in memory. Type `save FOLDER` to save it in another folder."
    }

    static func finishedMessage(_ outcome: TranscriptRecorder.Outcome) -> String {
        switch outcome {
        case .sealed(let path, let markdown, let digest):
            return "Transcript saved and sealed: \(path)" + (markdown.map { " (readable copy: \($0))" } ?? "")
                + ". Seal SHA-256: \(digest)."
        case .savedInstead(let path, let markdown, let digest, let because):
            return "\(because.description) So the transcript was saved and sealed in \(path) instead"
                + (markdown.map { " (readable copy: \($0))" } ?? "") + ". Seal SHA-256: \(digest)."
        case .notSaved(let error):
            return "THIS CONVERSATION WAS NOT SAVED. \(error.description)"
        }
    }

    private static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return TranscriptDirectory.homeDirectory + path.dropFirst()
    }
}
