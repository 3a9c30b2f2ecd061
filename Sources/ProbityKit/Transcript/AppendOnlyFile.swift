#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened for appending only (`O_APPEND`), created with mode 0600 and never overwritten.
/// Each `append` is written with write(2) before it returns, so a killed process loses nothing appended.
public final class AppendOnlyFile: @unchecked Sendable {
    public let path: String
    private var descriptor: Int32

    /// Creates the file; fails if it already exists.
    public static func create(at path: String) throws(TranscriptStorageError) -> AppendOnlyFile {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: path) }
            let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            throw .unusableDirectory(path: directory.isEmpty ? "." : directory, reason: TranscriptStorageError.reason(errno: code))
        }
        // The umask can only take permissions away, but make sure.
        _ = fchmod(fd, 0o600)
        // Make the new name itself durable: sync the folder that holds it.
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let folderFD = open(folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            closeDescriptor(folderFD)
        }
        return AppendOnlyFile(path: path, descriptor: fd)
    }

    /// Wraps a descriptor that is already open for writing (tests use /dev/full).
    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Writes all the bytes, retrying short writes and interruptions.
    public func append(_ bytes: [UInt8]) throws(TranscriptStorageError) {
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "the file is already closed") }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if written == 0 {
                    failure = EIO
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .writeFailed(path: path, reason: TranscriptStorageError.reason(errno: failure)) }
    }

    /// Asks the system to put what was written on the disk itself (survives a power cut, not just a killed process).
    public func synchronise() throws(TranscriptStorageError) {
        guard descriptor >= 0 else { return }
        if fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
            throw .writeFailed(path: path, reason: TranscriptStorageError.reason(errno: errno))
        }
    }

    public func close() {
        if descriptor >= 0 {
            closeDescriptor(descriptor)
            descriptor = -1
        }
    }
}

private func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(fd)
    #elseif canImport(Darwin)
        _ = Darwin.close(fd)
    #endif
}
