import Foundation
import ProbityKit

/// Where the chat keeps its own files, following the XDG base directories:
/// history in `$XDG_STATE_HOME/probity/history` (default `~/.local/state/probity/history`),
/// settings in `$XDG_CONFIG_HOME/probity/config` (default `~/.config/probity/config`).
struct ChatPaths {
    var history: String?
    var settings: String?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        func base(_ variable: String, _ fallback: String) -> String? {
            // The XDG specification ignores a relative path.
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home.map { $0 + "/" + fallback }
        }
        history = base("XDG_STATE_HOME", ".local/state").map { $0 + "/probity/history" }
        settings = ConfigFiles(environment: environment).user
    }
}

/// Files only their owner may read: directories 0700, files 0600. What the user typed is personal data.
enum PrivateFiles {
    /// Creates `directory` and any missing parents with mode 0700; true when it exists afterwards.
    static func makeDirectory(_ directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) { return isDirectory.boolValue }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory, !makeDirectory(parent) { return false }
        return mkdir(directory, 0o700) == 0 || errno == EEXIST
    }

    /// Creates the file with mode 0600 if it is missing (never following a symbolic link); true when it can be written.
    static func prepareFile(_ path: String) -> Bool {
        guard makeDirectory((path as NSString).deletingLastPathComponent) else { return false }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        _ = fchmod(fd, 0o600)
        close(fd)
        return true
    }

    /// Writes the whole file, readable by its owner only.
    static func write(_ text: String, to path: String) -> Bool {
        guard prepareFile(path) else { return false }
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// The history file that libedit loads and saves.
struct HistoryFile {
    let path: String
    var exists: Bool { FileManager.default.fileExists(atPath: path) }
    /// Creates the directory (0700) and the file (0600) before libedit writes it.
    func prepare() -> Bool { PrivateFiles.prepareFile(path) }
    /// libedit rewrites the file; make sure it stays private.
    func secure() { _ = chmod(path, 0o600) }
}

/// The settings file: the council and role remembered between chats.
struct SettingsFile {
    let path: String

    /// Keeps the council and/or role for next time, leaving the rest of the file alone; nil, or why it could not.
    func remember(council: String?, role: Role?) -> String? {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let text = ChatSettings(council: council, role: role).merged(into: existing)
        return PrivateFiles.write(text, to: path) ? nil : "Could not save your settings in \(path): \(String(cString: strerror(errno)))."
    }
}
