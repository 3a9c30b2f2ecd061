#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a transcript could not be written, in words a councillor can act on.
public enum TranscriptStorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder could not be created or used.
    case unusableDirectory(path: String, reason: String)
    /// Writing a line failed part-way through the conversation (a full disk, say).
    case writeFailed(path: String, reason: String)
    /// A file with that name is already there (never overwritten).
    case alreadyExists(path: String)

    public var description: String {
        switch self {
        case .unusableDirectory(let path, let reason):
            "Probity cannot save transcripts in \(path): \(reason)."
        case .writeFailed(let path, let reason):
            "Probity could not write to the transcript \(path): \(reason)."
        case .alreadyExists(let path):
            "\(path) already exists; Probity never overwrites a transcript."
        }
    }

    /// What errno means for someone saving a file.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOSPC: "the disk is full"
        case EDQUOT: "your disk quota is used up"
        case EACCES, EPERM: "permission denied (you may not write there)"
        case EROFS: "the disk is read-only"
        case ENOENT: "the folder does not exist"
        case ENOTDIR: "part of that path is a file, not a folder"
        case EISDIR: "that is a folder, not a file"
        case EIO: "the disk reported an input/output error"
        case EFBIG: "the file is too large"
        case EMFILE, ENFILE: "too many files are open"
        default: String(cString: strerror(code))
        }
    }
}
