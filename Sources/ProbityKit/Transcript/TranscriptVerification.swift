/// What `verify` found in one transcript.
public struct TranscriptVerification: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Every line is as written, in order, and the seal closes it.
        case sealed
        /// Every line present is as written and in order, but there is no seal: the process ended without a
        /// clean end (killed, a power cut), or writing failed.
        case incomplete(Incomplete)
        /// Something was changed, removed, reordered or added after it was written.
        case tampered(Finding)
        /// The file could not be read (permissions, a FIFO, a device): nothing about it can be vouched for.
        case unreadable(reason: String)
    }

    public enum Incomplete: Sendable, Equatable {
        case notSealed
        /// The last line was cut off while being written.
        case lastLineCutOff
        /// Nothing was written at all.
        case empty
    }

    public struct Finding: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case changed, removed, reordered, added
        }
        public var kind: Kind
        /// The first line (1-based) where it shows.
        public var line: Int
        public var message: String
    }

    public var status: Status
    /// Lines in the file.
    public var lines: Int

    public var isIntact: Bool {
        switch status {
        case .sealed, .incomplete: true
        case .tampered, .unreadable: false
        }
    }

    /// One sentence for people: "sealed and intact (23 lines)", "line 7 was changed: …".
    public var summary: String {
        switch status {
        case .sealed:
            "sealed and intact (\(lines) lines)"
        case .incomplete(.notSealed):
            "incomplete but intact: never sealed (the chat did not end cleanly); all \(lines) lines are as written"
        case .incomplete(.lastLineCutOff):
            "incomplete but intact: never sealed, and its last line (\(lines)) was cut off while being written; lines 1–\(lines - 1) are as written"
        case .incomplete(.empty):
            "incomplete: the file is empty (nothing was recorded)"
        case .tampered(let finding):
            "TAMPERED: \(finding.message)"
        case .unreadable(let reason):
            "UNREADABLE: \(reason); it cannot be checked"
        }
    }

    /// A short word for tables: `sealed`, `incomplete`, `TAMPERED`.
    public var label: String {
        switch status {
        case .sealed: "sealed"
        case .incomplete: "incomplete"
        case .tampered: "TAMPERED"
        case .unreadable: "UNREADABLE"
        }
    }
}
