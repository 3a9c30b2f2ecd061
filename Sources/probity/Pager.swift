import Foundation

/// Long output on a terminal goes through a pager, as git does: `$PROBITY_PAGER`, else `$PAGER`, else `less -FRX`.
/// An empty value, or `cat`, means no pager.
struct Pager {
    let command: String

    init?(environment: [String: String]) {
        let chosen = environment["PROBITY_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != "cat" else { return nil }
        let program = String(trimmed.split(separator: " ").first ?? "")
        guard Self.isRunnable(program, path: environment["PATH"] ?? "") else { return nil }
        command = trimmed
    }

    /// Runs the pager with `text` on its input and waits for the user to leave it; false if it could not start.
    func show(_ text: [UInt8]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do { try process.run() } catch { return false }
        // The pager may quit before reading everything (q): a closed pipe is not an error here.
        signal(SIGPIPE, SIG_IGN)
        text.withUnsafeBytes { buffer in
            var offset = 0
            let fd = input.fileHandleForWriting.fileDescriptor
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += n
            }
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }

    private static func isRunnable(_ program: String, path: String) -> Bool {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}
