import Foundation

/// Where an installed `probity` keeps its files: `PREFIX/bin/probity` beside `PREFIX/share/probity` (the knowledge).
/// A binary built in a checkout (`.build/debug/probity`) has no such folder and is not installed.
public struct Installation: Sendable, Equatable {
    /// `PREFIX/share/probity`, holding the knowledge.
    public let shareDirectory: String

    /// The installation the executable at `executablePath` belongs to (symbolic links resolved), if it is installed.
    public init?(executablePath: String = CommandLine.arguments.first ?? "") {
        guard !executablePath.isEmpty else { return nil }
        // realpath(3), not URL's resolvingSymlinksInPath: the same answer, without Foundation's URL at every start.
        let absolute = Self.absolute(executablePath)
        let binary =
            realpath(absolute, nil).map { resolved in
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? absolute
        let share = ((binary as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent + "/share/probity"
        guard KnowledgeLocator.isKnowledge(share) else { return nil }
        shareDirectory = share
    }

    /// The path of the running executable: as given when it has a slash, else found on `$PATH` as a shell would.
    static func absolute(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if path.contains("/") { return path }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(path)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return path
    }
}
