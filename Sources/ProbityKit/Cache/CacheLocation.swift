import Foundation

/// The user's cache folder for Probity: `$XDG_CACHE_HOME/probity`, else `~/.cache/probity`. What is kept there
/// (router snapshots, knowledge verdicts) can always be rebuilt: failing to read or write it is never an error.
public enum CacheLocation {
    /// - Parameter environment: the variables to use; nil for this process's own (read with getenv, not by copying
    ///   the whole environment into a dictionary, which every start-up would pay for each time it is asked).
    public static func directory(environment: [String: String]? = nil) -> String? {
        func variable(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        if let xdg = variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/probity" }
        if let home = variable("HOME"), home.hasPrefix("/") { return home + "/.cache/probity" }
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
