import CLibPQShim

/// One connection to PostgreSQL through libpq, which is opened on first use (see CLibPQShim). Not shared
/// between threads at once; the store's users each hold their own.
public final class PostgresConnection: @unchecked Sendable {
    /// A parameter: text, or bytes sent as binary (a `bytea`).
    public enum Parameter: Sendable, Equatable {
        case text(String)
        case bytes([UInt8])
        case null
    }

    /// The rows a query returned, every value as text (NULL as nil).
    public struct Rows: Sendable, Equatable {
        public var values: [[String?]]
        public var count: Int { values.count }
    }

    public let address: StoreAddress
    private var handle: UnsafeMutableRawPointer?

    /// Connects, waiting at most `timeout` seconds for the server.
    public init(_ address: StoreAddress, timeout: Int = 5) throws(StoreError) {
        self.address = address
        var reason = [CChar](repeating: 0, count: 512)
        guard probity_pq_load(&reason, reason.count) == 1 else {
            throw .clientLibraryMissing(reason: String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let conn = probity_pq_connect(address.url, String(timeout), "probity")
        guard probity_pq_connected(conn) == 1 else {
            let message = Self.text(probity_pq_error_message(conn))
            probity_pq_finish(conn)
            throw .cannotConnect(store: address.description, reason: Self.firstLine(message))
        }
        handle = conn
    }

    deinit { close() }

    public func close() {
        if let handle { probity_pq_finish(handle) }
        handle = nil
    }

    /// Runs one statement with parameters ($1, $2, …).
    @discardableResult
    public func query(_ sql: String, _ parameters: [Parameter] = []) throws(StoreError) -> Rows {
        guard let handle else { throw .failed(reason: "the connection is closed") }
        // Every parameter's bytes, kept alive for the call; text ones end with NUL as libpq expects.
        let buffers: [[UInt8]?] = parameters.map {
            switch $0 {
            case .text(let s): Array(s.utf8) + [0]
            case .bytes(let b): b.isEmpty ? [0] : b
            case .null: nil
            }
        }
        let lengths: [Int32] = parameters.map { p in
            if case .bytes(let b) = p { return Int32(b.count) }
            return 0
        }
        let binary: [Int32] = parameters.map { if case .bytes = $0 { 1 } else { 0 } }
        let result = Self.withPointers(buffers) { pointers in
            probity_pq_exec(handle, sql, Int32(parameters.count), pointers, lengths, binary)
        }
        return try rows(of: result)
    }

    /// Runs a script of several statements (no parameters): the schema file.
    public func run(script: String) throws(StoreError) {
        guard let handle else { throw .failed(reason: "the connection is closed") }
        _ = try rows(of: probity_pq_exec_script(handle, script))
    }

    // MARK: Results

    private func rows(of result: UnsafeMutableRawPointer?) throws(StoreError) -> Rows {
        defer { probity_pq_clear(result) }
        let kind = probity_pq_result_kind(result)
        if kind == 2 { throw failure(result) }
        guard kind == 1, let result else { return Rows(values: []) }
        let columns = Int(probity_pq_columns(result))
        var values: [[String?]] = []
        let count = Int(probity_pq_rows(result))
        values.reserveCapacity(count)
        for row in 0..<Int32(count) {
            var fields: [String?] = []
            fields.reserveCapacity(columns)
            for column in 0..<Int32(columns) {
                if probity_pq_is_null(result, row, column) == 1 {
                    fields.append(nil)
                } else {
                    let length = Int(probity_pq_length(result, row, column))
                    let pointer = UnsafeRawPointer(probity_pq_value(result, row, column)!)  // never NULL for a field that exists
                    fields.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
                }
            }
            values.append(fields)
        }
        return Rows(values: values)
    }

    private func failure(_ result: UnsafeMutableRawPointer?) -> StoreError {
        // Field codes: 67 is "C" (the SQLSTATE), 77 is "M" (the primary message).
        let state = probity_pq_result_field(result, 67).map { String(cString: $0) }
        let message =
            probity_pq_result_field(result, 77).map { String(cString: $0) }
            ?? Self.firstLine(Self.text(probity_pq_result_message(result)))
        switch state {
        case nil, "08000", "08003", "08006", "08001", "08004", "57P01", "57P02", "57P03":
            // No SQLSTATE: the connection itself broke (the server went away).
            if probity_pq_connected(handle) != 1 || state != nil {
                return .cannotConnect(store: address.description, reason: message.isEmpty ? "the connection was lost" : message)
            }
            return .failed(reason: message)
        case let state? where state.hasPrefix("PR"):
            // The store's own checks (schema.sql): a line that does not follow its transcript.
            return .lineRefused(transcript: "", seq: 0, reason: message)
        case "42501":
            return .notAllowed(reason: message)
        case "3F000", "42P01", "42883":
            return .notInitialised(store: address.description)
        default:
            return .failed(reason: message)
        }
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func firstLine(_ text: String) -> String {
        let trimmed = text.split(whereSeparator: { $0 == "\n" }).map(String.init).filter { !$0.isEmpty }
        return trimmed.first.map { $0.hasPrefix("FATAL:  ") ? String($0.dropFirst(8)) : $0 } ?? "no reason given"
    }

    private static func withPointers<R>(_ buffers: [[UInt8]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafePointer<CChar>?] = []
        func nest(_ index: Int) -> R {
            if index == buffers.count { return body(pointers) }
            guard let buffer = buffers[index] else {
                pointers.append(nil)
                return nest(index + 1)
            }
            return buffer.withUnsafeBytes { raw in
                pointers.append(raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                return nest(index + 1)
            }
        }
        return nest(0)
    }
}
