import Foundation

/// Runs the built `probity` binary, as a user would, and captures what it prints.
public enum Binary {

    /// The `probity` built beside the test bundle (or `$PROBITY_BIN`).
    public static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["PROBITY_BIN"] { return explicit }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("probity").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Paths.repository + "/.build/debug/probity"
    }()

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `probity` with arguments and optional standard input; the knowledge is the checkout's.
    public static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        knowledge: String? = Paths.repository + "/Knowledge"
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var args = arguments
        if let knowledge { args += ["--knowledge", knowledge] }
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "PROBITY_KNOWLEDGE")
        // No settings file of the machine or of whoever runs the tests (a test names its own when it needs one).
        env["PROBITY_SYSTEM_CONFIG"] = "/nonexistent/probity/config"
        env["XDG_CONFIG_HOME"] = "/nonexistent/probity-test-config"
        env.removeValue(forKey: "PROBITY_STORE")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        return try capture(process, input: input)
    }

    /// Starts a process already set up (executable, arguments, environment), gives it `input` on standard input
    /// (closed at once when nil), and waits for it: its exit status and everything it printed.
    public static func capture(_ process: Process, input: String? = nil) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errReader = Thread.detachNewThreadReading(err)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: errReader.wait())
    }
}

/// Reads a pipe to its end on another thread.
public final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            let read = pipe.fileHandleForReading.readDataToEndOfFile()
            lock.lock()
            data = read
            lock.unlock()
            done.signal()
        }
    }

    public func wait() -> String {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Thread {
    public static func detachNewThreadReading(_ pipe: Pipe) -> PipeReader { PipeReader(pipe) }
}
