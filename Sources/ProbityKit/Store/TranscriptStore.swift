import Foundation

/// The council-wide store as a user's chat sees it: it may only add lines, and ask how far its own
/// transcripts have arrived. The server checks every line (store/schema.sql); this side only sends bytes.
public final class TranscriptStore: @unchecked Sendable {
    public let address: StoreAddress
    private let timeout: Int
    private var connection: PostgresConnection?

    public init(_ address: StoreAddress, timeout: Int = 5) {
        self.address = address
        self.timeout = timeout
    }

    /// The connection, opened on first use.
    public func connected() throws(StoreError) -> PostgresConnection {
        if let connection { return connection }
        let opened = try PostgresConnection(address, timeout: timeout)
        connection = opened
        return opened
    }

    public func close() {
        connection?.close()
        connection = nil
    }

    /// Creates the schema and roles (`store/schema.sql`).
    public func initialise() throws(StoreError) {
        try connected().run(script: StoreSchema.sql)
    }

    /// Sends one line. A refusal names the transcript and line.
    public func send(transcript: String, seq: Int, line: [UInt8]) throws(StoreError) {
        do {
            try connected().query(
                "INSERT INTO probity.lines (transcript, seq, line) VALUES ($1, $2, $3)",
                [.text(transcript), .text(String(seq)), .bytes(line)])
        } catch .lineRefused(_, _, let reason) {
            throw .lineRefused(transcript: transcript, seq: seq, reason: reason)
        } catch {
            if case .cannotConnect = error { close() }
            throw error
        }
    }

    /// Sends several lines of one transcript in one statement (in order; all or none).
    public func send(transcript: String, lines: [(seq: Int, line: [UInt8])]) throws(StoreError) {
        guard !lines.isEmpty else { return }
        if lines.count == 1 { return try send(transcript: transcript, seq: lines[0].seq, line: lines[0].line) }
        // Parameters $2.. are the lines' bytes; seqs as one array literal.
        let seqs = "{" + lines.map { String($0.seq) }.joined(separator: ",") + "}"
        let values = (0..<lines.count).map { "($\($0 + 3)::bytea, \($0 + 1))" }.joined(separator: ", ")
        let sql = """
            INSERT INTO probity.lines (transcript, seq, line)
            SELECT $1, ($2::int[])[v.i], v.line FROM (VALUES \(values)) AS v(line, i) ORDER BY v.i
            """
        do {
            try connected().query(sql, [.text(transcript), .text(seqs)] + lines.map { .bytes($0.line) })
        } catch .lineRefused(_, _, let reason) {
            throw .lineRefused(transcript: transcript, seq: lines[0].seq, reason: reason)
        } catch {
            if case .cannotConnect = error { close() }
            throw error
        }
    }

    /// How far the server has each of these transcripts (the caller's own): lines held, the last one's SHA-256, sealed.
    public struct Progress: Sendable, Equatable {
        public var lines: Int
        public var lastDigest: String
        public var sealed: Bool
    }

    public func received(_ ids: [String]) throws(StoreError) -> [String: Progress] {
        guard !ids.isEmpty else { return [:] }
        let rows = try connected().query(
            "SELECT id, lines, last_digest, sealed FROM probity.received($1::text[])",
            [.text(PostgresArray.literal(ids))])
        var progress: [String: Progress] = [:]
        for row in rows.values {
            guard row.count == 4, let id = row[0], let lines = row[1].flatMap({ Int($0) }), let digest = row[2] else {
                throw .unexpectedAnswer("probity.received returned an incomplete row")
            }
            progress[id] = Progress(lines: lines, lastDigest: digest, sealed: row[3] == "t")
        }
        return progress
    }
}

/// PostgreSQL array literals for text parameters.
enum PostgresArray {
    /// `{"a","b"}`, each element quoted with `"` and `\` escaped.
    static func literal(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
