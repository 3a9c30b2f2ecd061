import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says about a file without reading it: size, inode, and the modification and change
/// times to the nanosecond. Any write to a file changes its change time, which no program can set back, so an
/// unchanged stamp means unchanged bytes; this is how git's index tells which files to read again, and how a
/// cached result computed from knowledge files is known to still hold without reading a megabyte each time.
public struct FileStamp: Sendable, Hashable {
    public let path: String
    public let size: Int64
    public let inode: UInt64
    public let modified: Int64
    public let changed: Int64

    /// The stamp of the file at `directory/path`, or nil when it cannot be examined.
    public init?(directory: String, path: String) {
        var info = stat()
        guard stat(directory + "/" + path, &info) == 0 else { return nil }
        self.path = path
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
    }

    /// The stamp as a line of text, for a cache key.
    public var line: String { "\(path) \(size) \(inode) \(modified) \(changed)" }
}
