import Foundation

/// A transcript's id: the UTC time it started and a random suffix (`20261125T034712Z-3f9a1c0e`).
/// Ids and file names never come from anything the user typed.
public struct TranscriptID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// A new id for a transcript starting at `date`.
    public static func make<R: RandomNumberGenerator>(at date: Date, using random: inout R) -> TranscriptID {
        let suffix = (0..<4).map { _ in UInt8.random(in: 0...255, using: &random) }
            .map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }
            .joined()
        return TranscriptID(unchecked: UTCTime.compact(from: date) + "-" + suffix)
    }

    public static func make(at date: Date) -> TranscriptID {
        var random = SystemRandomNumberGenerator()
        return make(at: date, using: &random)
    }

    /// An id read back from a file name or typed on the command line; nil unless it has the shape of an id.
    public init?(_ text: String) {
        guard Self.isWellFormed(text) else { return nil }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    /// `yyyyMMddTHHmmssZ-` and eight lowercase hex digits.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 25 else { return false }
        for (i, b) in bytes.enumerated() {
            switch i {
            case 0..<8, 9..<15: guard (48...57).contains(b) else { return false }
            case 8: guard b == UInt8(ascii: "T") else { return false }
            case 15: guard b == UInt8(ascii: "Z") else { return false }
            case 16: guard b == UInt8(ascii: "-") else { return false }
            default: guard (48...57).contains(b) || (97...102).contains(b) else { return false }
            }
        }
        return true
    }

    /// The transcript's file name: `<id>.jsonl`.
    public var fileName: String { rawValue + ".jsonl" }
    /// The Markdown rendering written beside it at a clean end: `<id>.md`.
    public var markdownFileName: String { rawValue + ".md" }

    public var description: String { rawValue }
    public static func < (a: TranscriptID, b: TranscriptID) -> Bool { a.rawValue < b.rawValue }
}
