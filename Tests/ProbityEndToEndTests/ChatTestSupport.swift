import Foundation
import ProbityKit

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `probity chat` for the end-to-end tests, in a private home so that no real settings, history or
/// transcripts are read or written.
struct ChatHome {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("probity-chat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    static let sharedCache = FileManager.default.temporaryDirectory.appendingPathComponent("probity-end-to-end-cache").path

    var config: String { root + "/config" }
    var state: String { root + "/state" }
    var transcripts: String { root + "/transcripts" }
    var settingsFile: String { config + "/probity/config" }
    var historyFile: String { state + "/probity/history" }

    /// The environment of a chat: this home, the checkout's knowledge, no colour unless asked.
    func environment(colour: Bool = false, term: String? = nil) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = root
        env["XDG_CONFIG_HOME"] = config
        env["XDG_STATE_HOME"] = state
        env["PROBITY_TRANSCRIPTS"] = transcripts
        // No store unless a test gives one: not the machine's /etc/probity/config, not the caller's.
        env["PROBITY_SYSTEM_CONFIG"] = root + "/no-system-config"
        env.removeValue(forKey: "PROBITY_STORE")
        // One cache for every chat of a test run: the knowledge gate's verdict on the shipped knowledge is then
        // reached once, not once per test (the router's snapshot likewise).
        env["XDG_CACHE_HOME"] = ChatHome.sharedCache
        env.removeValue(forKey: "PROBITY_KNOWLEDGE")
        env.removeValue(forKey: "EDITRC")
        if colour { env.removeValue(forKey: "NO_COLOR") } else { env["NO_COLOR"] = "1" }
        if let term { env["TERM"] = term }
        return env
    }

    /// Runs a Carlisle member's chat whose reader goes away before anything is read (a closed
    /// output pipe), types `input`, and waits for the chat to end.
    func chatWithClosedOutput(input: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["chat", "--council", "carlisle", "--role", "member", "--knowledge", Paths.repository + "/Knowledge"]
        process.environment = environment()
        let out = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardInput = inPipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        try out.fileHandleForReading.close()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try? inPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return process
    }

    /// `probity chat ARGS` with `input` piped in; stdout, stderr and the exit status.
    /// - Parameters:
    ///   - knowledge: the knowledge folder (the checkout's by default).
    ///   - extra: variables to set (or, with an empty value, to remove) in the chat's environment.
    func chat(
        _ arguments: [String], input: String, colour: Bool = false, term: String? = nil,
        knowledge: String = Paths.repository + "/Knowledge", extra: [String: String] = [:]
    ) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments + ["--knowledge", knowledge]
        var env = environment(colour: colour, term: term)
        for (key, value) in extra { env[key] = value.isEmpty ? nil : value }
        process.environment = env
        return try Binary.capture(process, input: input)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Every event line of the transcripts the chat wrote here.
    func transcriptLines() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: transcripts) else { return [] }
        var lines: [String] = []
        for case let path as String in walker where path.hasSuffix(".jsonl") {
            lines += try String(contentsOfFile: transcripts + "/" + path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return lines
    }
}

/// What the tests plan with: the shipped knowledge, and the engine and router the binary uses.
enum ChatPlan {
    static let knowledge: KnowledgeBase = {
        (try? KnowledgeLoader.load(directory: Paths.repository + "/Knowledge")) ?? KnowledgeBase(councils: [], topics: [])
    }()

    /// The lines that take a question to `topic`: the question, then the number of the topic if the router asks which.
    static func linesToReach(_ topic: String, asking question: String) -> [String]? {
        switch Router(knowledge: knowledge).route(question) {
        case .clear(let best): return best.topicID == topic ? [question] : nil
        case .choose(let choices):
            guard let i = choices.firstIndex(where: { $0.topicID == topic }) else { return nil }
            return [question, String(i + 1)]
        case .noMatch: return nil
        }
    }

    /// Walks a topic answering the first option of every question; the answers given and the advice reached.
    /// - Parameter question: what was typed to reach the topic; the facts it states are taken first, as the chat takes them.
    static func firstOptionWalk(_ topic: String, council: String, role: Role, asking question: String? = nil) throws -> (
        answers: [String], advice: AdviceResult
    ) {
        var session = try Session(knowledge: knowledge, council: council, role: role)
        try session.begin(topicID: topic)
        if let question { session.learn(from: question) }
        var answers: [String] = []
        while case .question? = session.step, answers.count < 30 {
            try session.answer("1")
            answers.append("1")
        }
        guard case .advice(let advice)? = session.step else { throw PlanError.noAdvice(topic) }
        return (answers, advice)
    }

    enum PlanError: Error { case noAdvice(String) }

    /// A clause's text as `probity clause COUNCIL ID --json` prints it.
    static func clauseText(council: String, id: String) throws -> String {
        let result = try Binary.run(["clause", council, id, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["text"] as? String ?? ""
    }
}

extension String {
    /// Wrapped output read back as prose: quote bars and line breaks gone, spaces single.
    var unwrapped: String {
        split(separator: "\n")
            .map { $0.replacingOccurrences(of: "│", with: " ") }
            .joined(separator: " ")
            .split(separator: " ")
            .joined(separator: " ")
    }

    /// The same text with its spaces made single, to compare with `unwrapped` output.
    var singleSpaced: String { split(separator: " ").joined(separator: " ") }

    /// Terminal output with escape sequences and carriage returns taken out: roughly what the screen shows.
    var screenText: String {
        var out = ""
        var scalars = unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if s == "\u{1B}" {
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.next(), c != "\u{07}" {}
                }
                continue
            }
            if s == "\r" || s == "\u{07}" { continue }
            out.unicodeScalars.append(s)
        }
        return out
    }
}

/// A process started with stdin and stdout as pipes the test holds, for signals and closed pipes.
final class ChatProcess {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let output = OutputCollector()
    private var errors: PipeReader?

    init(_ arguments: [String], home: ChatHome, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments + ["--knowledge", Paths.repository + "/Knowledge"]
        process.environment = home.environment().merging(environment) { _, new in new }
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        errors = Thread.detachNewThreadReading(stderrPipe)
        let collector = output
        let handle = stdoutPipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                collector.append(data)
            }
            collector.close()
        }
    }

    func send(_ text: String) { stdinPipe.fileHandleForWriting.write(Data(text.utf8)) }
    func closeInput() { try? stdinPipe.fileHandleForWriting.close() }

    /// Waits until the output contains `text`; false if it does not within `seconds` (a hang, not a slow machine).
    func waitFor(_ text: String, seconds: Double = 20) -> Bool { output.waitFor(text, seconds: seconds) }

    var stdout: String { output.text }

    /// What it wrote to standard error: read to its end, so only once the process has ended.
    var stderr: String { errors?.wait() ?? "" }

    /// Waits for the process to end; nil if it has not ended within `seconds`.
    func waitForExit(seconds: Double = 20) -> (status: Int32, signalled: Bool)? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
    }
}

/// Output gathered on another thread, waited on by the test.
final class OutputCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var closed = false

    func append(_ more: Data) {
        condition.lock()
        data.append(more)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    func waitFor(_ needle: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !String(decoding: data, as: UTF8.self).contains(needle) {
            if closed || !condition.wait(until: deadline) { return String(decoding: data, as: UTF8.self).contains(needle) }
        }
        return true
    }
}
