import Foundation

/// Finds the knowledge directory: an explicit path; for an installed binary `../share/probity` beside it;
/// `$PROBITY_KNOWLEDGE`; `./Knowledge`; or the `Knowledge/` of the checkout the binary was built in.
public enum KnowledgeLocator {
    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? ""
    ) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let installed = Installation(executablePath: executablePath) { return installed.shareDirectory }
        if let fromEnv = environment["PROBITY_KNOWLEDGE"], !fromEnv.isEmpty { return fromEnv }
        let fm = FileManager.default
        if isKnowledge(fm.currentDirectoryPath + "/Knowledge") { return fm.currentDirectoryPath + "/Knowledge" }
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
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/councils", isDirectory: &isDir) && isDir.boolValue
    }
}
