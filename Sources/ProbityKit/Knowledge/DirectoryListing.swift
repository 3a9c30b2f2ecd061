import Foundation

/// The names in a folder (without `.` and `..`, sorted), or why it could not be listed: a folder that is missing
/// and one that cannot be read are different problems with different fixes.
enum DirectoryListing {
    enum Failure: Error, Equatable {
        /// There is nothing at that path.
        case missing
        /// It is there, but is not a folder.
        case notAFolder
        /// It is there but cannot be read; the reason in words (permission denied, say).
        case unreadable(String)
    }

    static func names(at path: String) -> Result<[String], Failure> {
        entries(at: path).map { $0.map(\.name) }
    }

    /// The names of the folders in a folder (symbolic links to folders included), sorted. The kind of each entry
    /// comes with its name; only an entry of unknown kind, or a link, is looked up with stat(2).
    static func folders(at path: String) -> Result<[String], Failure> {
        entries(at: path).map { entries in
            entries.filter { entry in
                if entry.type == UInt8(DT_DIR) { return true }
                guard entry.type == UInt8(DT_UNKNOWN) || entry.type == UInt8(DT_LNK) else { return false }
                var info = stat()
                return stat(path + "/" + entry.name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }.map(\.name)
        }
    }

    private static func entries(at path: String) -> Result<[(name: String, type: UInt8)], Failure> {
        guard let dir = opendir(path) else {
            switch errno {
            case ENOENT: return .failure(.missing)
            case ENOTDIR: return .failure(.notAFolder)
            case EACCES, EPERM: return .failure(.unreadable("permission denied"))
            default: return .failure(.unreadable(String(cString: strerror(errno)).lowercased()))
            }
        }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return .success(entries.sorted { $0.name < $1.name })
    }

    /// What to say about a folder of the knowledge directory that could not be listed.
    static func message(_ failure: Failure, folder: String, directory: String) -> String {
        switch failure {
        case .missing:
            "the folder \(folder)/ is missing from the knowledge directory \(directory)"
        case .notAFolder:
            "\(folder) in the knowledge directory \(directory) is a file, not a folder"
        case .unreadable(let reason):
            "the folder \(folder)/ cannot be read (\(reason)); check its permissions, or ask whoever installed Probity"
        }
    }
}
