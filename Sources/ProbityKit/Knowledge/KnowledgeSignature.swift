import Foundation

/// A cheap name for part of the knowledge exactly as it is on disk, for remembering that it was found sound: every
/// file and folder of that part (sources included) by path, device, inode, size, and modification and change times
/// to the nanosecond, and the running executable the same way (a new build checks again).
///
/// The knowledge gate names its parts separately, so that a command stats only what it reads: the catalogue
/// (`catalogue/`, the binary), and each council (`councils/<id>/`, named together with the catalogue's signature,
/// because a council's advice is checked against the catalogue's topics and facts: a change to the catalogue
/// names every council anew, a change to one council names only that one).
///
/// Writing a file changes its change time (which no one can set back), so a file edited, replaced or added gives
/// another name without a byte being read. Statting one council's or the catalogue's few dozen files takes a
/// fraction of a millisecond; hashing their bytes would take several.
public struct KnowledgeSignature: Sendable, Equatable {
    /// Two 64-bit FNV-1a digests, in hex.
    public let key: String
    /// The latest modification or change time of anything named, in nanoseconds since 1970.
    public let newestChange: Int64

    /// The signature of the catalogue of the knowledge in `directory` (`catalogue/` and the executable); nil when
    /// some part of it cannot be listed or statted (validation then says what is wrong).
    public static func catalogue(directory: String, executable: String = KnowledgeSignature.executablePath) -> KnowledgeSignature? {
        var digest = CacheDigest()
        digest.mix(Array(directory.utf8))
        var info = stat()
        guard stat(executable, &info) == 0 else { return nil }
        Entry(info).mix(into: &digest)
        return of(directory: directory, folders: ["catalogue"], digest: digest, newest: 0)
    }

    /// The signature of one council's folder, `councils/<id>/`, together with the catalogue's (`catalogue`).
    public static func council(_ id: String, directory: String, catalogue: KnowledgeSignature) -> KnowledgeSignature? {
        var digest = CacheDigest()
        digest.mix(Array(catalogue.key.utf8))
        digest.mark(3)
        return of(directory: directory, folders: ["councils/" + id], digest: digest, newest: catalogue.newestChange)
    }

    /// `digest` and `newest` with everything under `folders` (paths relative to `directory`) mixed in.
    private static func of(directory: String, folders: [String], digest mixed: CacheDigest, newest known: Int64) -> KnowledgeSignature? {
        var digest = mixed
        var newest = known
        let root = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        defer { close(root) }
        for folder in folders {
            guard walk(in: root, name: Array(folder.utf8), digest: &digest, newest: &newest) else { return nil }
        }
        return KnowledgeSignature(key: digest.hex, newestChange: newest)
    }

    /// This process's executable (Linux: `/proc/self/exe`, which stat follows to the file).
    public static var executablePath: String {
        access("/proc/self/exe", F_OK) == 0 ? "/proc/self/exe" : (Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// Mixes in the entry `name` of the folder open as `folder` and, for a folder, everything in it (by name, in
    /// byte order), each named relative to its folder's descriptor (no path is looked up twice). False when
    /// something cannot be read.
    private static func walk(in folder: Int32, name: [UInt8], digest: inout CacheDigest, newest: inout Int64) -> Bool {
        var info = stat()
        let found = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                var cName = Array(chars) + [0]
                return fstatat(folder, &cName, &info, 0) == 0
            }
        }
        guard found else { return false }
        let entry = Entry(info)
        digest.mix(name)
        entry.mix(into: &digest)
        newest = max(newest, entry.newest)
        guard entry.isDirectory else { return true }
        let fd = openat(folder, name.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return false
        }
        defer { closedir(dir) }  // closes fd too
        var names: [[UInt8]] = []
        while let item = readdir(dir) {
            let bytes = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if bytes != [0x2E] && bytes != [0x2E, 0x2E] { names.append(bytes) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        digest.mark(1)  // into the folder
        for child in names {
            guard walk(in: fd, name: child, digest: &digest, newest: &newest) else { return false }
        }
        digest.mark(2)  // out of it
        return true
    }

    /// What stat(2) says about one path (following symbolic links).
    private struct Entry {
        var fields: (Int64, Int64, Int64, Int64, Int64, Int64)
        var isDirectory: Bool
        var newest: Int64

        init(_ info: stat) {
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            fields = (
                Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size),
                Int64(info.st_mode), modified, changed
            )
            isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            newest = max(modified, changed)
        }

        func mix(into digest: inout CacheDigest) {
            withUnsafeBytes(of: fields) { digest.mix($0) }
        }
    }
}
