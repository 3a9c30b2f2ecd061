import Foundation

/// The user's cache folder for Probity: `$XDG_CACHE_HOME/probity`, else `~/.cache/probity`. What is kept there
/// (router snapshots, knowledge verdicts) can always be rebuilt: failing to read or write it is never an error.
public enum CacheLocation {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/probity" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/probity" }
        return nil
    }

    /// Creates `directory` and any missing parents, each new one with mode 0700; a folder that is already there
    /// is used as it is (its mode is never changed). True when it exists afterwards.
    static func make(_ directory: String) -> Bool {
        var info = stat()
        if stat(directory, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory, !make(parent) { return false }
        return mkdir(directory, 0o700) == 0 || errno == EEXIST
    }
}
