import ProbityBytes

/// A transcript file being written: each record is chained to the line before it.
final class ChainedFile: @unchecked Sendable {
    let id: TranscriptID
    private var file: AppendOnlyFile
    private var seq = 0
    private var previousDigest = RecordCoding.genesisDigest
    /// Told every line once it is in the file: its id, place and bytes (the store's copy).
    var onLine: (@Sendable (_ transcript: String, _ seq: Int, _ line: [UInt8]) -> Void)?

    var path: String { file.path }

    static func create(in directory: String, id: TranscriptID) throws(TranscriptStorageError) -> ChainedFile {
        let separator = directory.hasSuffix("/") ? "" : "/"
        return ChainedFile(id: id, file: try AppendOnlyFile.create(at: directory + separator + id.fileName))
    }

    init(id: TranscriptID, file: AppendOnlyFile, startingAfter seq: Int = 0) {
        self.id = id
        self.file = file
        self.seq = seq
    }

    /// Appends one record; returns the line's SHA-256.
    @discardableResult
    func append(_ body: TranscriptRecord.Body, time: String, sync: Bool) throws(TranscriptStorageError) -> String {
        let record = TranscriptRecord(seq: seq + 1, time: time, prev: previousDigest, body: body)
        let line = RecordCoding.encode(record)
        try file.append(line + [0x0A])
        if sync { try file.synchronise() }
        seq += 1
        previousDigest = SHA256.hex(line)
        onLine?(id.rawValue, seq, line)
        return previousDigest
    }

    func synchronise() throws(TranscriptStorageError) { try file.synchronise() }

    /// Writes the closing seal and syncs; returns the seal line's SHA-256.
    func seal(reason: String, at time: String, continuedIn: String?) throws(TranscriptStorageError) -> String {
        try append(.seal(TranscriptSeal(ended: time, reason: reason, lines: seq, continuedIn: continuedIn)), time: time, sync: true)
    }

    func close() { file.close() }

    /// Tests: carry on the chain in another file (e.g. /dev/full, to see a full disk).
    func replaceStorageForTesting(_ storage: AppendOnlyFile) { file = storage }
}
