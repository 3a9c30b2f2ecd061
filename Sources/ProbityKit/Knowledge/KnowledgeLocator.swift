import Foundation

/// Finds the knowledge directory: an explicit path; for an installed binary `../share/probity` beside it;
/// `$PROBITY_KNOWLEDGE`; `./Knowledge`; or the `Knowledge/` of the checkout the binary was built in.
public enum KnowledgeLocator {
    /// - Parameter environment: the variables to use; nil for this process's own (read with getenv, not by copying
    ///   the whole environment into a dictionary at every start).
    public static func locate(
        explicit: String?, environment: [String: String]? = nil, executablePath: String = CommandLine.arguments.first ?? ""
    ) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let installed = Installation(executablePath: executablePath) { return installed.shareDirectory }
        let variable = environment.map { $0["PROBITY_KNOWLEDGE"] } ?? getenv("PROBITY_KNOWLEDGE").map { String(cString: $0) }
        if let fromEnv = variable, !fromEnv.isEmpty { return fromEnv }
        if let here = currentDirectory, isKnowledge(here + "/Knowledge") { return here + "/Knowledge" }
        // Walk up from the executable (…/.build/debug/probity) to the checkout.
        var url = URL(fileURLWithPath: Installation.absolute(executablePath)).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("Knowledge").path
            if isKnowledge(candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return "Knowledge"
    }

    /// Whether `path` looks like a knowledge directory (it has a `councils/` folder).
    static func isKnowledge(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "/councils", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The working directory (getcwd(3): no FileManager to set up at every start).
    private static var currentDirectory: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(cString: buffer)
    }
}
