import Foundation

/// A transcript file as read back: each line's bytes and, where it reads as one, its record.
public struct TranscriptDocument: Sendable {
    public struct Line: Sendable {
        /// 1-based line number in the file.
        public var number: Int
        public var bytes: ArraySlice<UInt8>
        /// Nil when the line is not a record (it was changed, or cut off).
        public var record: TranscriptRecord?
    }

    public var path: String
    public var lines: [Line]
    /// False when the last line was cut off while being written (no newline after it).
    public var endsCleanly: Bool

    /// The records that read, in file order.
    public var records: [TranscriptRecord] { lines.compactMap(\.record) }

    public var header: TranscriptHeader? {
        for record in records { if case .header(let h) = record.body { return h } }
        return nil
    }

    public var seal: TranscriptSeal? {
        for record in records.reversed() { if case .seal(let s) = record.body { return s } }
        return nil
    }

    /// Every event with its time, in file order.
    public var events: [(time: String, event: ConversationEvent)] {
        records.compactMap { r in r.event.map { (r.time, $0) } }
    }

    /// The id: the file's name when it has the shape of an id (a copy under another id's name is reported under
    /// that name, and `verify` says the two differ), else the header's, else the file's name.
    public var id: String {
        if let fileID { return fileID }
        if let header { return TerminalSafe.strip(header.id) }
        return TerminalSafe.strip(fileName)
    }

    /// The file's name without `.jsonl`.
    var fileName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
    }

    /// The id the file's name gives, when the name is `<id>.jsonl` for a well-formed id.
    public var fileID: String? {
        path.hasSuffix(".jsonl") ? TranscriptID(fileName)?.rawValue : nil
    }
}

public enum TranscriptReadError: LocalizedError, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "Cannot read the transcript \(TerminalSafe.line(path)): \(reason)."
        }
    }

    public var errorDescription: String? { description }

    /// Why, without the path.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): reason
        }
    }
}

/// Reads transcript files. It never stops at a bad line: verification decides what a bad line means.
public enum TranscriptReader {
    /// Reads a regular file (following a link). A FIFO, a device or a folder is refused without being opened for
    /// reading, so that nothing blocks or reads forever.
    public static func read(path: String) throws(TranscriptReadError) -> TranscriptDocument {
        parse(try bytes(path: path), path: path)
    }

    /// A text file beside a transcript (its Markdown), read the same careful way.
    static func readText(path: String) throws(TranscriptReadError) -> String {
        String(decoding: try bytes(path: path), as: UTF8.self)
    }

    /// The bytes of a regular file.
    static func bytes(path: String) throws(TranscriptReadError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: readingReason(errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder")
        case S_IFIFO: throw .unreadable(path: path, reason: "it is a named pipe (FIFO), not a file")
        case S_IFCHR, S_IFBLK: throw .unreadable(path: path, reason: "it is a device, not a file")
        case S_IFSOCK: throw .unreadable(path: path, reason: "it is a socket, not a file")
        default: throw .unreadable(path: path, reason: "it is not a regular file")
        }
        // O_NONBLOCK: if the name was swapped for a FIFO since, opening it must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: readingReason(errno)) }
        defer { _ = close(fd) }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: "it is not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes += chunk[..<n]
                continue
            }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: readingReason(errno))
        }
        return bytes
    }

    private static func readingReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "there is no such file"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "it is a loop of symbolic links"
        default: TranscriptStorageError.reason(errno: code)
        }
    }

    public static func parse(_ bytes: [UInt8], path: String) -> TranscriptDocument {
        var lines: [TranscriptDocument.Line] = []
        var start = 0
        var number = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            number += 1
            lines.append(line(number, bytes[start..<i]))
            start = i + 1
        }
        let endsCleanly = start == bytes.count
        if !endsCleanly {
            number += 1
            lines.append(line(number, bytes[start..<bytes.count]))
        }
        return TranscriptDocument(path: path, lines: lines, endsCleanly: endsCleanly)
    }

    private static func line(_ number: Int, _ bytes: ArraySlice<UInt8>) -> TranscriptDocument.Line {
        TranscriptDocument.Line(number: number, bytes: bytes, record: try? RecordCoding.decode(bytes))
    }
}

/// read(2), outside the type whose `read(path:)` hides it.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
