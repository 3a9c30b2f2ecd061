import Foundation

/// The chat's copy of its transcript in the store: each line is sent as it is written, before the next prompt.
/// When the server cannot be reached, or refuses a line, it says so once, stops sending, and leaves the
/// transcript marked unsent (`<id>.unsent`) so that the next start, or `probity transcripts sync`, sends the rest.
public final class StoreMirror: TranscriptMirror, @unchecked Sendable {
    private let lock = NSLock()
    private let store: TranscriptStore
    private var markers: [String: PendingMarker] = [:]
    private var stopped = false
    private var notice: String?

    public init(store: TranscriptStore) { self.store = store }

    public var destination: String { "the council's transcript store, \(store.address)" }

    public func began(transcript: String, directory: String) {
        lock.withLock {
            if let marker = PendingMarker(directory: directory, transcript: transcript) { markers[transcript] = marker }
        }
    }

    public func send(transcript: String, seq: Int, line: [UInt8]) {
        lock.withLock {
            guard !stopped else { return }
            do throws(StoreError) {
                try store.send(transcript: transcript, seq: seq, line: line)
            } catch {
                stopped = true
                store.close()
                notice = Self.notice(for: error)
            }
        }
    }

    public func ended(transcript: String) {
        lock.withLock {
            guard let marker = markers.removeValue(forKey: transcript) else { return }
            if stopped { marker.unlock() } else { marker.release() }
        }
    }

    public func takeNotice() -> String? {
        lock.withLock {
            defer { notice = nil }
            return notice
        }
    }

    /// Whether every line so far reached the store.
    public var isSending: Bool { lock.withLock { !stopped } }

    static func notice(for error: StoreError) -> String {
        let kept =
            "This conversation is still recorded on this computer; what the store is missing will be sent the next time Probity starts, or with `probity transcripts sync`."
        if error.isUnreachable {
            return "Note: the council's transcript store cannot be reached now (\(error.description)) \(kept)"
        }
        return "Note: the council's transcript store did not take this conversation's record: \(error.description) \(kept)"
    }
}
