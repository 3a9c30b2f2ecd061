import Foundation
import ProbityBytes

/// Records one conversation as it happens: every event is appended to the transcript file (write(2), and fsync
/// when `durable`, at once or at the next `commit`) before `record` returns. Once written, an event is not kept in memory (so a long conversation
/// costs no memory); when writing fails, what could not be written is kept in memory from then on, so nothing is
/// lost: the chat reports the failure at once and can `save` everything to another folder, the part already
/// written read back from the file it was written to.
///
/// A clean end (the `.ended` event, or `finish`) writes the seal and the Markdown rendering beside the file.
public final class TranscriptRecorder: @unchecked Sendable {
    public enum Status: Sendable, Equatable {
        /// Writing to this file.
        case recording(path: String)
        /// Writing failed; the events are kept in memory until they can be saved elsewhere.
        case failed(TranscriptStorageError)
        case finished(Outcome)
    }

    /// How a conversation's recording ended.
    public enum Outcome: Sendable, Equatable {
        /// Sealed at `path`; `digest` is the seal line's SHA-256, worth keeping apart from the file.
        case sealed(path: String, markdown: String?, digest: String)
        /// The chosen folder failed, so everything was saved, sealed, in `path` instead.
        case savedInstead(path: String, markdown: String?, digest: String, because: TranscriptStorageError)
        /// Nothing could be saved anywhere.
        case notSaved(TranscriptStorageError)
    }

    /// The largest transcript given a Markdown copy at its end, in bytes: rendering one reads it whole (about ten
    /// times its size in memory), so a longer one (thousands of lines piped in) would make the chat's memory grow with
    /// the conversation. A conversation someone types is a few hundred kilobytes; `probity transcripts export ID
    /// --format md` renders any transcript on request.
    public static let readableCopyLimit = 2 << 20

    private let lock = NSLock()
    private let knowledge: KnowledgeBase
    private let probityVersion: String
    private let clock: @Sendable () -> Date
    private let durable: Bool
    private let fallbackDirectory: String?
    private let started: String
    private let initialCouncil: Council?
    private let initialRole: String?
    private let identity: TranscriptIdentity?
    /// Sent every line as it is written, when a store is configured.
    private let mirror: TranscriptMirror?

    /// What could not be written (everything since writing failed), with its time: kept for saving elsewhere.
    private var unwritten: [(time: String, event: ConversationEvent)] = []
    /// The file holding the events before `unwritten`, and how many of them were written to it.
    private var written: (path: String, count: Int)?
    private var file: ChainedFile?
    private var directoryWarning: String?
    /// Events written since the last sync (see `commit`).
    private var unsynced = false
    private var state: Status

    /// Opens a new transcript in `location` and writes its header. Never throws: a folder that cannot be used
    /// leaves the recorder `.failed`, keeping events in memory.
    /// - Parameters:
    ///   - durable: fsync after every line, so a power cut loses nothing either (a killed process never does).
    ///   - fallbackDirectory: where to save at the end when the chosen folder has failed and nothing else was chosen.
    public init(
        location: TranscriptDirectory.Location, knowledge: KnowledgeBase, council: String?, role: String?,
        probityVersion: String, durable: Bool = true, fallbackDirectory: String? = TranscriptDirectory.userDataDirectory(),
        identity: TranscriptIdentity? = nil, mirror: TranscriptMirror? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.knowledge = knowledge
        self.probityVersion = probityVersion
        self.clock = clock
        self.durable = durable
        self.fallbackDirectory = fallbackDirectory
        let now = clock()
        started = UTCTime.string(from: now)
        initialCouncil = council.flatMap { knowledge.council(id: $0) }
        initialRole = role
        self.identity = identity
        self.mirror = mirror
        state = .failed(.unusableDirectory(path: location.path, reason: "not opened yet"))
        do {
            let prepared = try TranscriptDirectory.prepare(location)
            directoryWarning = prepared.warning
            file = try openFile(in: prepared.path, at: now, continuing: nil)
            state = .recording(path: file!.path)
            // The header is synced with the first events, before anything is shown (or by the seal).
            unsynced = durable
        } catch {
            state = .failed(error)
        }
    }

    public var status: Status {
        lock.withLock { state }
    }

    /// Something about the folder the user should know (others can open it), if anything.
    public var warning: String? {
        lock.withLock { directoryWarning }
    }

    /// Where each line is also sent, if anywhere.
    public var storeDestination: String? { mirror?.destination }

    /// What to tell the user about the store's copy, once: it could not be reached, or refused a line.
    public func takeStoreNotice() -> String? {
        mirror?.takeNotice()
    }

    /// The id of the file being written, if any.
    public var transcriptID: String? {
        lock.withLock { file?.id.rawValue }
    }

    /// Records an event: written (and, unless `syncNow` is false, synced) before this returns. Returns the failure
    /// the first time writing fails, so the chat can say so at once; nil otherwise. `.ended` seals the transcript.
    /// - Parameter syncNow: false to leave the sync to the next `commit` (or the seal): the chat records all the
    ///   events of one reply, then commits once before any of it is shown, so the record never lags the screen.
    @discardableResult
    public func record(_ event: ConversationEvent, syncNow: Bool = true) -> TranscriptStorageError? {
        let failure: TranscriptStorageError? = lock.withLock { () -> TranscriptStorageError? in
            if case .finished = state { return nil }
            let time = UTCTime.string(from: clock())
            guard case .recording = state, let file else {
                unwritten.append((time, event))
                return nil
            }
            do throws(TranscriptStorageError) {
                try file.append(.event(event), time: time, sync: durable && syncNow)
                written = (file.path, (written?.count ?? 0) + 1)
                if durable && !syncNow { unsynced = true }
                return nil
            } catch {
                unwritten.append((time, event))
                state = .failed(error)
                return error
            }
        }
        if case .ended(let reason) = event { _ = finish(reason: reason) }
        return failure
    }

    /// Puts the events recorded with `syncNow: false` on the disk itself (one fsync for all of them). Returns the
    /// failure if that fails: the recording then goes on in memory, as when a write fails.
    @discardableResult
    public func commit() -> TranscriptStorageError? {
        lock.withLock { () -> TranscriptStorageError? in
            guard unsynced, case .recording = state, let file else { return nil }
            unsynced = false
            do throws(TranscriptStorageError) {
                try file.synchronise()
                return nil
            } catch {
                state = .failed(error)
                return error
            }
        }
    }

    /// Carries the recording on in another folder: writes everything so far to a new transcript there and
    /// continues in it. A transcript that was being written is sealed with reason `moved`, naming the new one.
    /// Returns the new file's path.
    @discardableResult
    public func saveElsewhere(_ directory: String) throws(TranscriptStorageError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if case .finished = state {
            throw .unusableDirectory(path: directory, reason: "this conversation has ended and is already saved")
        }
        let prepared = try TranscriptDirectory.prepare(TranscriptDirectory.Location(path: directory, isDefault: false))
        let now = clock()
        let replacement = try openFile(in: prepared.path, at: now, continuing: file?.id.rawValue)
        let all = everything()
        do {
            for (time, event) in all { try replacement.append(.event(event), time: time, sync: false) }
            try replacement.synchronise()
        } catch {
            replacement.close()
            throw error
        }
        if case .recording = state, let old = file {
            _ = try? old.seal(reason: "moved", at: UTCTime.string(from: now), continuedIn: replacement.id.rawValue)
            old.close()
            mirror?.ended(transcript: old.id.rawValue)
            writeMarkdown(beside: old.path)
        } else {
            file?.close()
        }
        file = replacement
        written = (replacement.path, all.count)
        unwritten.removeAll()
        directoryWarning = prepared.warning
        state = .recording(path: replacement.path)
        return replacement.path
    }

    /// Ends the recording: seals the transcript and writes its Markdown rendering beside it. When writing had
    /// failed, saves everything in the fallback folder instead. Calling it again returns the same outcome.
    @discardableResult
    public func finish(reason: String) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        if case .finished(let outcome) = state { return outcome }
        let now = UTCTime.string(from: clock())
        var outcome: Outcome
        if case .recording = state, let file {
            do {
                let digest = try file.seal(reason: reason, at: now, continuedIn: nil)
                file.close()
                mirror?.ended(transcript: file.id.rawValue)
                outcome = .sealed(path: file.path, markdown: writeMarkdown(beside: file.path), digest: digest)
            } catch {
                file.close()
                outcome = saveInFallback(reason: reason, at: now, because: error)
            }
        } else if case .failed(let error) = state {
            file?.close()
            outcome = saveInFallback(reason: reason, at: now, because: error)
        } else {
            outcome = .notSaved(.unusableDirectory(path: "", reason: "nothing was recorded"))
        }
        state = .finished(outcome)
        return outcome
    }

    /// Tests: from now on write to `storage` instead (e.g. /dev/full, to see a full disk).
    func replaceStorageForTesting(_ storage: AppendOnlyFile) {
        lock.withLock { file?.replaceStorageForTesting(storage) }
    }

    // MARK: Files

    private func openFile(in directory: String, at date: Date, continuing: String?) throws(TranscriptStorageError) -> ChainedFile {
        let id = TranscriptID.make(at: date)
        let header = TranscriptHeader(
            id: id.rawValue, started: started, probityVersion: probityVersion, knowledgeSHA256: knowledge.councilFingerprint(initialCouncil?.id),
            protocolVersions: initialCouncil.map { [$0.id: $0.version] } ?? [:],
            council: initialCouncil?.id, councilName: initialCouncil?.name, protocolVersion: initialCouncil?.version,
            role: initialRole, continues: continuing, identity: identity)
        let file = try ChainedFile.create(in: directory, id: id)
        if let mirror {
            mirror.began(transcript: id.rawValue, directory: directory)
            file.onLine = { transcript, seq, line in mirror.send(transcript: transcript, seq: seq, line: line) }
        }
        do {
            // Synced by whoever opened it: with the first commit, the lines moved here, or the seal.
            try file.append(.header(header), time: started, sync: false)
        } catch {
            file.close()
            throw error
        }
        return file
    }

    private func saveInFallback(reason: String, at time: String, because error: TranscriptStorageError) -> Outcome {
        guard let fallbackDirectory else { return .notSaved(error) }
        do {
            let prepared = try TranscriptDirectory.prepare(TranscriptDirectory.Location(path: fallbackDirectory, isDefault: true))
            let replacement = try openFile(in: prepared.path, at: clock(), continuing: file?.id.rawValue)
            for (t, event) in everything() { try replacement.append(.event(event), time: t, sync: false) }
            let digest = try replacement.seal(reason: reason, at: time, continuedIn: nil)
            replacement.close()
            mirror?.ended(transcript: replacement.id.rawValue)
            file = replacement
            return .savedInstead(path: replacement.path, markdown: writeMarkdown(beside: replacement.path), digest: digest, because: error)
        } catch {
            return .notSaved(error)
        }
    }

    /// Every event so far: those written, read back from their file (as many as were written; a line the failure
    /// cut short is not one of them), then those kept in memory.
    private func everything() -> [(time: String, event: ConversationEvent)] {
        guard let written, written.count > 0 else { return unwritten }
        let before = (try? TranscriptReader.read(path: written.path))?.events.prefix(written.count) ?? []
        return Array(before) + unwritten
    }

    /// Writes `<id>.md` beside a sealed transcript, read back from the file itself. Nil if it could not be written.
    @discardableResult
    private func writeMarkdown(beside path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) <= Self.readableCopyLimit,
            let document = try? TranscriptReader.read(path: path)
        else { return nil }
        let markdown = TranscriptMarkdownRenderer(topicTitles: knowledge.topicTitles).render(document)
        let markdownPath = String(path.dropLast(".jsonl".count)) + ".md"
        guard let out = try? AppendOnlyFile.create(at: markdownPath) else { return nil }
        defer { out.close() }
        do {
            try out.append(Array(markdown.utf8))
            return markdownPath
        } catch {
            return nil
        }
    }
}

extension KnowledgeBase {
    /// Topic titles by id, for renderings.
    public var topicTitles: [String: String] {
        Dictionary(topics.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}
