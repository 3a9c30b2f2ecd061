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

    /// The id: from the header, else from the file name.
    public var id: String {
        if let header { return header.id }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
    }
}

public enum TranscriptReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "Cannot read the transcript \(path): \(reason)."
        }
    }
}

/// Reads transcript files. It never stops at a bad line: verification decides what a bad line means.
public enum TranscriptReader {
    public static func read(path: String) throws(TranscriptReadError) -> TranscriptDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw .unreadable(path: path, reason: !exists ? "there is no such file" : isDir.boolValue ? "it is a folder" : "permission denied")
        }
        return parse([UInt8](data), path: path)
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
