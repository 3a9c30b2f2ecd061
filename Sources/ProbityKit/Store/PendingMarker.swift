import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `<id>.unsent` beside a transcript: the store may not have all of it yet. A chat holds its own marker locked
/// (flock) while it runs, so a sync elsewhere leaves a transcript that is still being written alone; the marker
/// goes once the server holds every line of a transcript nobody is writing.
public final class PendingMarker: @unchecked Sendable {
    public static let suffix = ".unsent"
    public let path: String
    private var descriptor: Int32 = -1

    /// Creates the marker and holds it locked until `release`.
    public init?(directory: String, transcript: String) {
        path = Self.path(directory: directory, transcript: transcript)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        _ = flock(fd, LOCK_EX | LOCK_NB)
        descriptor = fd
    }

    deinit { unlock() }

    /// The server has everything: remove the marker.
    public func release() {
        unlink(path)
        unlock()
    }

    public func unlock() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    static func path(directory: String, transcript: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + transcript + suffix
    }

    /// The ids marked unsent in a folder.
    public static func pending(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { String($0.dropLast(suffix.count)) }.sorted()
    }

    /// True when a running chat holds this marker.
    static func isHeld(directory: String, transcript: String) -> Bool {
        let fd = open(path(directory: directory, transcript: transcript), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    static func remove(directory: String, transcript: String) {
        unlink(path(directory: directory, transcript: transcript))
    }
}
