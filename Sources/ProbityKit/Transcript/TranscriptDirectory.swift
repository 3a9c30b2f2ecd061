import Foundation

/// The folder transcripts are kept in: where it is, and making it private.
public enum TranscriptDirectory {
    /// Where transcripts go: an explicit `--transcripts DIR`, else `$PROBITY_TRANSCRIPTS`, else (for a binary built
    /// in a checkout, not an installed one) the `transcripts/` of the checkout, else
    /// `$XDG_DATA_HOME/probity/transcripts` (default `~/.local/share/probity/transcripts`): an installed binary
    /// never writes into a folder its users share.
    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Location {
        if let explicit, !explicit.isEmpty { return Location(path: explicit, isDefault: false) }
        if let fromEnv = environment["PROBITY_TRANSCRIPTS"], !fromEnv.isEmpty { return Location(path: fromEnv, isDefault: false) }
        if Installation(executablePath: executablePath) == nil,
            let checkout = checkout(executablePath: executablePath, currentDirectory: currentDirectory)
        {
            return Location(path: checkout + "/transcripts", isDefault: true)
        }
        return Location(path: userDataDirectory(environment: environment), isDefault: true)
    }

    public struct Location: Sendable, Equatable {
        public var path: String
        /// Chosen by Probity rather than named by the user.
        public var isDefault: Bool
        public init(path: String, isDefault: Bool) {
            self.path = path
            self.isDefault = isDefault
        }
    }

    /// `$XDG_DATA_HOME/probity/transcripts`, or `~/.local/share/probity/transcripts`.
    public static func userDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/probity/transcripts" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/probity/transcripts"
    }

    static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// The checkout holding Probity: the current directory if it has `Knowledge/councils` and `transcripts/`,
    /// else the first such folder above the executable.
    static func checkout(executablePath: String, currentDirectory: String) -> String? {
        let fm = FileManager.default
        func isCheckout(_ dir: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir + "/Knowledge/councils", isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: dir + "/transcripts", isDirectory: &isDir) && isDir.boolValue
        }
        if isCheckout(currentDirectory) { return currentDirectory }
        var url = URL(fileURLWithPath: Installation.absolute(executablePath)).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            if isCheckout(url.path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    /// Makes sure the folder exists and can be written, creating it (and any missing parents) with mode 0700.
    /// A folder that is already there is never changed, whoever chose it (it may be shared, or a symbolic link to a
    /// folder set up for the purpose): if others can open it, `Prepared.warning` says so. Transcripts are 0600 anyway.
    public static func prepare(_ location: Location) throws(TranscriptStorageError) -> Prepared {
        let path = location.path
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw .unusableDirectory(path: path, reason: TranscriptStorageError.reason(errno: errno))
            }
            try makeDirectories(path)
            return Prepared(path: path, warning: nil)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .unusableDirectory(path: path, reason: "it is a file, not a folder")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw .unusableDirectory(path: path, reason: TranscriptStorageError.reason(errno: errno))
        }
        let open = info.st_mode & 0o077
        guard open != 0 else { return Prepared(path: path, warning: nil) }
        return Prepared(path: path, warning: "\(path) can be opened by other people on this computer; transcripts in it are still readable only by you.")
    }

    public struct Prepared: Sendable, Equatable {
        public var path: String
        /// Something the user should know about the folder, though it can be used.
        public var warning: String?
    }

    private static func makeDirectories(_ path: String) throws(TranscriptStorageError) {
        var built = path.hasPrefix("/") ? "" : "."
        var createdLast = false
        for component in path.split(separator: "/") {
            built += "/" + component
            createdLast = mkdir(built, 0o700) == 0
            if !createdLast, errno != EEXIST {
                throw .unusableDirectory(path: path, reason: TranscriptStorageError.reason(errno: errno))
            }
        }
        // mkdir's mode is subject to the umask, which can only take away; a folder made here must be 0700. One that
        // appeared meanwhile is someone else's: left as it is.
        if createdLast { _ = chmod(path, 0o700) }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .unusableDirectory(path: path, reason: "it could not be created")
        }
    }
}
