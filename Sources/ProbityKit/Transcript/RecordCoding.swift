import Foundation
import ProbityBytes

/// Turns records into chained lines and back.
///
/// A line is the record's JSON (keys sorted, one line) with `,"sha256":"<64 hex>"` added before the closing brace;
/// that digest is the SHA-256 of the line without it. `prev` is the SHA-256 of the whole previous line as written
/// (without its newline); the first line's `prev` is the SHA-256 of `genesis`.
public enum RecordCoding {
    public static let genesis = "probity-transcript/1 genesis"
    public static let genesisDigest = SHA256.hex(genesis)

    /// The suffix every line ends with: `,"sha256":"` + 64 hex digits + `"}`.
    static let digestPrefix = Array(",\"sha256\":\"".utf8)
    static let digestSuffixLength = digestPrefix.count + 64 + 2

    private struct Wire: Codable {
        var seq: Int
        var time: String
        var prev: String
        var header: TranscriptHeader?
        var event: RecordedEvent?
        var seal: TranscriptSeal?
    }

    /// An event as a line holds it: `{"<case>":{<fields>}}`, as Swift names them; the advice, which the
    /// event carries unlabelled, directly under `advised` rather than under `_0`.
    struct RecordedEvent: Codable {
        var event: ConversationEvent

        init(_ event: ConversationEvent) { self.event = event }

        private enum Keys: String, CodingKey { case advised }

        func encode(to encoder: any Encoder) throws {
            if case .advised(let advice) = event {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(advice, forKey: .advised)
            } else {
                try event.encode(to: encoder)
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            if container.contains(.advised), let advice = try? container.decode(ConversationEvent.Advised.self, forKey: .advised) {
                event = .advised(advice)
            } else {
                event = try ConversationEvent(from: decoder)
            }
        }
    }

    /// The bytes of one line, without the newline.
    public static func encode(_ record: TranscriptRecord) -> [UInt8] {
        var wire = Wire(seq: record.seq, time: record.time, prev: record.prev)
        switch record.body {
        case .header(let h): wire.header = h
        case .event(let e): wire.event = RecordedEvent(e)
        case .seal(let s): wire.seal = s
        case .unrecognised: preconditionFailure("Probity never writes a record it cannot read")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number, bool, array or object of those: encoding cannot fail.
        var body = Array((try? encoder.encode(wire)) ?? Data("{}".utf8))
        let digest = SHA256.hex(body)
        body.removeLast()  // the closing brace
        return body + digestPrefix + Array(digest.utf8) + Array("\"}".utf8)
    }

    /// The digest a line carries, if it ends as a record line should.
    static func carriedDigest(_ line: ArraySlice<UInt8>) -> String? {
        guard line.count > digestSuffixLength + 1, line.last == UInt8(ascii: "}") else { return nil }
        let start = line.endIndex - digestSuffixLength
        guard line[start..<start + digestPrefix.count].elementsEqual(digestPrefix) else { return nil }
        let hex = line[(start + digestPrefix.count)..<(line.endIndex - 2)]
        guard line[line.endIndex - 2] == UInt8(ascii: "\""), hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The SHA-256 of the line without its digest field: what the digest it carries should be.
    static func computedDigest(_ line: ArraySlice<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(line[line.startIndex..<(line.endIndex - digestSuffixLength)])
        hasher.update([UInt8(ascii: "}")])
        return hasher.finalize().hexString
    }

    public enum DecodeFailure: Error, Sendable, Equatable {
        /// Not JSON, or not a record's fields.
        case notARecord
    }

    /// Whether the bytes could hold a character `TerminalSafe.strip` removes: a JSON escape other than `\n`, `\t`,
    /// `\"`, `\\` and `\/`, or the UTF-8 of a C1 control or a bidirectional override. (Raw bytes below 0x20 are not
    /// JSON and do not decode.)
    static func mayHoldControlCharacters(_ data: Data) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var escaped = false
        for byte in data {
            if escaped {
                if byte != UInt8(ascii: "n") && byte != UInt8(ascii: "t") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                    && byte != UInt8(ascii: "/")
                {
                    return true
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == 0x7F {
                return true
            } else if previous == 0xC2, (0x80...0x9F).contains(byte) {
                return true
            } else if beforePrevious == 0xE2,
                (previous == 0x80 && (0xAA...0xAE).contains(byte)) || (previous == 0x81 && (0xA6...0xA9).contains(byte))
            {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Reads a line's record. Events this version does not know come back as `.unrecognised`.
    /// Every string read is stripped of control characters (Probity never writes any; a crafted file might),
    /// so nothing read from a file reaches a terminal as a control sequence.
    static func decode(_ line: ArraySlice<UInt8>) throws(DecodeFailure) -> TranscriptRecord {
        let data = sanitised(Data(line))
        let decoder = JSONDecoder()
        if let wire = try? decoder.decode(Wire.self, from: data) {
            let bodies = [
                wire.header.map(TranscriptRecord.Body.header), wire.event.map { TranscriptRecord.Body.event($0.event) },
                wire.seal.map(TranscriptRecord.Body.seal),
            ].compactMap { $0 }
            if bodies.count == 1 { return TranscriptRecord(seq: wire.seq, time: wire.time, prev: wire.prev, body: bodies[0]) }
            if bodies.count > 1 { throw .notARecord }
        }
        // Not all of it reads (a later version's event, say): keep the frame and the text.
        struct Frame: Decodable {
            var seq: Int
            var time: String
            var prev: String
        }
        guard let frame = try? decoder.decode(Frame.self, from: data) else { throw .notARecord }
        return TranscriptRecord(
            seq: frame.seq, time: frame.time, prev: frame.prev,
            body: .unrecognised(TerminalSafe.strip(String(decoding: line, as: UTF8.self))))
    }

    /// The JSON with control characters removed from every string (keys included); unchanged if it does not parse,
    /// or holds none (the usual case, seen without parsing).
    static func sanitised(_ data: Data) -> Data {
        guard mayHoldControlCharacters(data) else { return data }
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return data }
        func clean(_ value: Any) -> Any {
            switch value {
            case let string as String: return TerminalSafe.strip(string)
            case let array as [Any]: return array.map(clean)
            case let dictionary as [String: Any]:
                return Dictionary(dictionary.map { (TerminalSafe.strip($0.key), clean($0.value)) }, uniquingKeysWith: { a, _ in a })
            default: return value
            }
        }
        return (try? JSONSerialization.data(withJSONObject: clean(object), options: [.fragmentsAllowed])) ?? data
    }
}
