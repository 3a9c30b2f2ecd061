import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#else
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Why a knowledge file's bytes could not be had.
public enum KnowledgeFileError: LocalizedError, Sendable, Equatable {
    /// Missing, a folder, or not readable by this user.
    case unreadable(file: String)
    /// Larger than `limit` bytes: refused before it is read whole or parsed.
    case tooLarge(file: String, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file):
            "\(file) cannot be read (check that it exists and its permissions)"
        case .tooLarge(let file, let limit):
            "\(file) is larger than \(KnowledgeFileReader.describe(limit)), the most a knowledge file may hold; "
                + "split it (one protocol version per file, one topic's advice per file) or check that it is the file you meant"
        }
    }

    /// The message without the file's name, for a `KnowledgeIssue` that names the file itself.
    var issueMessage: String {
        switch self {
        case .unreadable: "cannot be read (check that it exists and its permissions)"
        case .tooLarge(_, let limit):
            "is larger than \(KnowledgeFileReader.describe(limit)), the most a knowledge file may hold; "
                + "split it (one protocol version per file, one topic's advice per file) or check that it is the file you meant"
        }
    }
}

/// Reads the bytes of one knowledge file (JSON or a source text), never more than `limit`: a file that is too large,
/// or a device that never ends, is refused after `limit + 1` bytes instead of filling memory.
public enum KnowledgeFileReader {
    /// 16 MB. The largest shipped knowledge file is about 0.3 MB.
    public static let sizeLimit = 16 * 1024 * 1024

    /// - Parameters:
    ///   - path: where the file is.
    ///   - file: how to name it in a message (relative to the knowledge directory).
    public static func read(_ path: String, file: String, limit: Int = sizeLimit) -> Result<[UInt8], KnowledgeFileError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(file: file)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return .failure(.unreadable(file: file)) }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit { return .failure(.tooLarge(file: file, limit: limit)) }
        let chunk = 1 << 16
        var bytes = [UInt8]()
        bytes.reserveCapacity(min(Int(max(status.st_size, 0)), limit) + 1)
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(file: file))
            }
            if n == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > limit { return .failure(.tooLarge(file: file, limit: limit)) }
        }
    }

    /// "16 MB", "512 KB", "100 bytes".
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
