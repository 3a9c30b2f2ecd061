import Foundation
import ProbityBytes

/// Files in the cache folder: written whole or not at all, the oldest of a kind dropped (they are read by mapping
/// them, `ByteStorage`). Nothing here fails loudly: a cache file that cannot be written is simply rebuilt.
enum CacheFile {
    /// Writes `bytes` to `name` in `directory` (made 0700 if missing) through a temporary file renamed into place,
    /// readable by its owner only, so a reader sees the old file or the whole new one. False if it could not.
    @discardableResult
    static func write(_ bytes: [UInt8], name: String, in directory: String) -> Bool {
        guard CacheLocation.make(directory) else { return false }
        let temporary = "\(directory)/.\(name)-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        close(fd)
        guard complete, rename(temporary, "\(directory)/\(name)") == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes the oldest files whose names start with `prefix` until `keep` are left.
    static func prune(prefix: String, keep: Int, in directory: String) {
        guard case .success(let listed) = DirectoryListing.names(at: directory) else { return }
        let names = listed.filter { $0.hasPrefix(prefix) }
        guard names.count > keep else { return }
        func modified(_ name: String) -> Int {
            var info = stat()
            return stat("\(directory)/\(name)", &info) == 0 ? info.st_mtim.tv_sec : 0
        }
        for name in names.sorted(by: { modified($0) < modified($1) }).prefix(names.count - keep) {
            unlink("\(directory)/\(name)")
        }
    }
}
