import Foundation

/// What the server knows of one transcript, beyond its lines: who sent it (the database user), when the first
/// line arrived, how many lines it holds, and whether the seal arrived.
public struct StoredTranscript: Sendable, Equatable, Codable {
    public var id: String
    public var databaseUser: String
    public var received: String
    public var lines: Int
    public var sealed: Bool
}

/// The store as the Monitoring Officer reads it (the probity_mo role): transcripts, and their lines as sent.
public struct StoreReader: Sendable {
    public let store: TranscriptStore

    public init(store: TranscriptStore) { self.store = store }

    /// The transcripts, oldest first: those sent by `databaseUser` (or whose header names that login) if given,
    /// started within the dates if given (`YYYY-MM-DD`, both inclusive).
    public func transcripts(user: String? = nil, from: String? = nil, to: String? = nil, idPrefix: String? = nil) throws(StoreError) -> [StoredTranscript] {
        let sql = """
            SELECT id, db_user, to_char(received AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), lines, sealed
              FROM probity.transcripts
             WHERE ($1::text IS NULL OR db_user = $1 OR header ->> 'user' = $1)
               AND ($2::text IS NULL OR coalesce(header ->> 'started', '') >= $2)
               AND ($3::text IS NULL OR left(coalesce(header ->> 'started', ''), length($3)) <= $3)
               AND ($4::text IS NULL OR starts_with(id, $4))
             ORDER BY coalesce(header ->> 'started', ''), id
            """
        let rows = try store.connected().query(
            sql,
            [
                user.map { .text($0) } ?? .null, from.map { .text($0) } ?? .null,
                to.map { .text($0) } ?? .null, idPrefix.map { .text($0) } ?? .null,
            ])
        return try rows.values.map { row throws(StoreError) -> StoredTranscript in
            guard row.count == 5, let id = row[0], let user = row[1], let received = row[2], let lines = row[3].flatMap({ Int($0) }) else {
                throw .unexpectedAnswer("a transcript row without its id, user or line count")
            }
            return StoredTranscript(id: id, databaseUser: user, received: received, lines: lines, sealed: row[4] == "t")
        }
    }

    /// The transcript an id names: exactly, or the only one it starts.
    public func resolve(_ text: String) throws(StoreError) -> StoredTranscript? {
        let matches = try transcripts(idPrefix: text)
        if let exact = matches.first(where: { $0.id == text }) { return exact }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Each transcript's lines as the server holds them, read as a document (as if it were a file).
    public func documents(_ ids: [String]) throws(StoreError) -> [String: TranscriptDocument] {
        guard !ids.isEmpty else { return [:] }
        let rows = try store.connected().query(
            "SELECT transcript, convert_from(line, 'UTF8') FROM probity.lines WHERE transcript = ANY ($1::text[]) ORDER BY transcript, seq",
            [.text(PostgresArray.literal(ids))])
        var bytes: [String: [UInt8]] = [:]
        for row in rows.values {
            guard row.count == 2, let id = row[0], let line = row[1] else { throw .unexpectedAnswer("a line without its transcript") }
            bytes[id, default: []].append(contentsOf: Array(line.utf8) + [0x0A])
        }
        return bytes.reduce(into: [:]) { documents, entry in
            documents[entry.key] = TranscriptReader.parse(entry.value, path: Self.path(entry.key))
        }
    }

    /// Read and verified, as a folder's entries are, each with what the server knows of it.
    public func entries(_ stored: [StoredTranscript]) throws(StoreError) -> [TranscriptLibrary.Entry] {
        var result: [TranscriptLibrary.Entry] = []
        // In batches, so that a large store is not read into one answer.
        for start in stride(from: 0, to: stored.count, by: 500) {
            let batch = Array(stored[start..<min(start + 500, stored.count)])
            let documents = try documents(batch.map(\.id))
            for info in batch {
                let document = documents[info.id] ?? TranscriptDocument(path: Self.path(info.id), lines: [], endsCleanly: true)
                var entry = TranscriptLibrary.Entry(document: document)
                entry.stored = info
                result.append(entry)
            }
        }
        return result
    }

    /// How a stored transcript is named where a file's path would be.
    public static func path(_ id: String) -> String { "store:" + id }
}
