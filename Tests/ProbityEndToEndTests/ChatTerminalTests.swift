import Foundation
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Types into the real binary through a pseudo-terminal, as a person would: libedit, Tab, Ctrl-C, Ctrl-D.
@Suite(.serialized) struct ChatTerminalTests {
    @Test func tabCompletesTopicsAndAnswersCtrlCClearsAndCtrlDEnds() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"), "\(terminal.screen)")

        // Tab completes a topic id; Enter starts it.
        terminal.type("document-acc\t")
        #expect(terminal.waitFor("document-access "), "\(terminal.screen)")
        terminal.type("\r")
        #expect(terminal.waitForPrompt(after: "Topic: "), "\(terminal.screen)")

        // Tab completes the waiting question's option from an unambiguous beginning.
        var conversation = Conversation(
            session: try Session(knowledge: ChatPlan.knowledge, council: "carlisle", role: .member),
            router: Router(knowledge: ChatPlan.knowledge))
        _ = conversation.start(recording: "")
        _ = conversation.handle("document-access")
        let question = try #require(conversation.pendingQuestion, "document-access asks a question first")
        let label = question.options[0].label
        var completedAnswer: String?
        if let prefix = Self.uniquePrefix(of: label, among: conversation.completions) {
            terminal.type(prefix + "\t")
            #expect(terminal.waitFor(label), "Tab should complete \"\(prefix)\" to \"\(label)\": \(terminal.screen)")
            let answered = terminal.screen.count
            terminal.type("\r")
            // The completed answer was taken: the walk moves on (a question or the advice), no complaint.
            #expect(terminal.waitFor("\n\n", after: answered), "\(terminal.screen)")
            #expect(terminal.waitForPrompt(after: label), "\(terminal.screen)")
            #expect(!String(terminal.screen.dropFirst(answered)).screenText.contains("isn't one of the answers"))
            completedAnswer = label
        } else {
            Issue.record("no beginning of \"\(label)\" is unambiguous among \(conversation.completions)")
        }

        // Ctrl-C with text on the line clears it and keeps the chat going.
        let before = terminal.screen.count
        terminal.type("something I will not send\u{03}")
        #expect(terminal.waitFor("Line cleared", after: before), "\(terminal.screen)")
        #expect(terminal.waitForPrompt(after: "Line cleared"), "\(terminal.screen)")

        // UTF-8 goes in and comes back intact in the reply.
        terminal.type("council Café Noël\r")
        #expect(terminal.waitForPrompt(after: "\"Café Noël\" is not a council"), "\(terminal.screen)")
        terminal.type("clause 116\r")
        #expect(terminal.waitForPrompt(after: "Carlisle, paragraph 116"), "\(terminal.screen)")

        // Ctrl-D on an empty line ends the chat cleanly.
        terminal.type("\u{04}")
        let status = try #require(terminal.waitForExit(), "Ctrl-D should end the chat: \(terminal.screen)")
        #expect(status == 0)
        #expect(terminal.screen.contains("Goodbye."))

        // History was kept, privately.
        // libedit keeps history with spaces and other characters escaped as octal (strvis).
        let history = try String(contentsOfFile: home.historyFile, encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("clause 116"))
        if let completedAnswer { #expect(history.contains(completedAnswer), "the completed answer was entered whole") }
        #expect(!history.contains("something I will not send"), "a cleared line is not history")
        let mode = try FileManager.default.attributesOfItem(atPath: home.historyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: home.state + "/probity")[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
    }

    /// libedit's own command line (M-x in emacs mode, ':' in vi command mode) crashed on a lone quote: it is gone,
    /// whatever the user's editrc says.
    @Test(arguments: ["", "bind -v\n"])
    func escXThenAQuoteNeverCrashes(editrc: String) throws {
        let home = try ChatHome()
        defer { home.remove() }
        if !editrc.isEmpty { try editrc.write(toFile: home.root + "/.editrc", atomically: true, encoding: .utf8) }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"), "\(terminal.screen)")
        terminal.type(editrc.isEmpty ? "\u{1B}x" : "\u{1B}:")
        terminal.type("\"")
        terminal.type("\r")
        // Then two Ctrl-Cs end the chat, in whichever mode the line editor is left.
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(after: "Press Ctrl-C again"), "\(terminal.screen)")
        terminal.type("\u{03}")
        let end = try #require(terminal.waitForExit(), "\(terminal.screen)")
        #expect(end == 0, "the chat must end normally, not by a signal: \(terminal.screen)")
    }

    @Test func aSecondCtrlCEndsAndHistoryComesBackNextTime() throws {
        let home = try ChatHome()
        defer { home.remove() }
        do {
            let terminal = try PseudoTerminal(["chat", "--council", "wiltshire", "--role", "officer"], home: home)
            defer { terminal.kill() }
            #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
            terminal.type("topics\r")
            #expect(terminal.waitForPrompt(after: "The topics I advise on"))
            terminal.type("\u{03}")
            #expect(terminal.waitForPrompt(after: "Press Ctrl-C again"), "\(terminal.screen)")
            terminal.type("\u{03}")
            let status = try #require(terminal.waitForExit(), "a second Ctrl-C should end the chat: \(terminal.screen)")
            #expect(status == 0)
        }
        // Up-arrow brings back the last line of the previous chat.
        let terminal = try PseudoTerminal(["chat", "--council", "wiltshire", "--role", "officer"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
        let before = terminal.screen.count
        terminal.type("\u{1B}[A")
        #expect(terminal.waitFor("topics", after: before), "\(terminal.screen)")
        terminal.type("\u{15}quit\r")  // Ctrl-U clears the recalled line
        #expect(terminal.waitForExit() == 0)
    }

    @Test func colourOnATerminalButNeverWithNoColor() throws {
        let home = try ChatHome()
        defer { home.remove() }
        for noColour in [false, true] {
            let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home, colour: !noColour)
            defer { terminal.kill() }
            #expect(terminal.waitFor("What would you like to ask?"))
            terminal.type("quit\r")
            #expect(terminal.waitForExit() == 0)
            let coloured = terminal.screen.contains("\u{1B}[1m") || terminal.screen.contains("\u{1B}[2m")
            #expect(coloured == !noColour, "NO_COLOR \(noColour ? "set" : "unset"): \(terminal.screen.debugDescription.prefix(300))")
        }
    }

    @Test func withInputPipedTheChatIsPlainEvenOnATerminal() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(
            ["chat", "--council", "carlisle", "--role", "member"], home: home, colour: true,
            input: "topics\nquit\n")
        defer { terminal.kill() }
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("The topics I advise on"))
        #expect(terminal.screen.contains("> topics"), "what was piped in is shown after the prompt")
        #expect(!terminal.screen.contains("\u{1B}["), "no colour with input piped: \(terminal.screen.debugDescription.prefix(200))")
    }

    @Test func aCtrlDTypedWhileTheChatIsWritingStillEndsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
        // Between prompts the terminal is in its own line mode; a Ctrl-D typed then is kept by the terminal
        // as an end-of-line mark, which libedit later reads as a NUL byte.
        #expect(terminal.typeBetweenPrompts(after: "help\r", keys: "\u{04}"), "the chat was never caught between prompts")
        let status = try #require(terminal.waitForExit(), "the typed-ahead Ctrl-D should end the chat: \(terminal.screen)")
        #expect(status == 0)
        #expect(terminal.screen.contains("Goodbye."))
    }

    @Test func sigtermAtTheTerminalEndsCleanly() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
        terminal.type("half a question")
        Glibc.kill(terminal.pid, SIGTERM)
        #expect(terminal.waitForExit() == 128 + SIGTERM, "handled (the transcript sealed), then the status a shell gives SIGTERM")
    }

    /// The shortest beginning of `label` (whole characters, at least three) that no other option starts with.
    static func uniquePrefix(of label: String, among labels: [String]) -> String? {
        let others = labels.filter { $0 != label }.map { $0.lowercased() }
        for length in 3...max(3, label.count) {
            let prefix = String(label.prefix(length))
            if !others.contains(where: { $0.hasPrefix(prefix.lowercased()) }) { return prefix }
        }
        return nil
    }
}

/// The binary running on a pseudo-terminal that the test types into and reads, made with
/// posix_openpt and posix_spawn (a new session, so the terminal is its controlling terminal).
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private var output = Data()
    private var exitStatus: Int32?

    /// - Parameter input: when given, standard input is a pipe carrying it instead of the terminal.
    init(
        _ arguments: [String], home: ChatHome, colour: Bool = false, columns: UInt16 = 100, input: String? = nil,
        environment extra: [String: String] = [:]
    ) throws {
        // posix_openpt, unlockpt and ptsname are not visible to Swift; on Linux they are these calls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure.openpt(errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            close(master)
            throw Failure.openpt(errno)
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var inputPipe: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&inputPipe) == 0 else { throw Failure.openpt(errno) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inputPipe[0])
            posix_spawn_file_actions_addclose(&actions, inputPipe[1])
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var environment = home.environment(colour: colour, term: "xterm")
        environment["COLUMNS"] = nil
        for (name, value) in extra { environment[name] = value }
        let argv = [Binary.path] + arguments + ["--knowledge", Paths.repository + "/Knowledge"]
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnvp = envp.map { strdup($0) } + [nil]
        defer { for pointer in cArgv + cEnvp { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, Binary.path, &actions, &attributes, &cArgv, &cEnvp)
        guard spawned == 0 else {
            close(master)
            throw Failure.spawn(spawned)
        }
        pid = child
        if let input {
            close(inputPipe[0])
            var bytes = Array(input.utf8)
            _ = write(inputPipe[1], &bytes, bytes.count)
            close(inputPipe[1])
        }
    }

    enum Failure: Error {
        case openpt(Int32)
        case spawn(Int32)
    }

    /// TIOCSPTLCK and TIOCGPTN (Linux, `_IOW('T', 0x31, int)` and `_IOR('T', 0x30, unsigned int)`).
    private static let setLock = UInt(0x4004_5431)
    private static let getNumber = UInt(0x8004_5430)

    deinit { close(master) }

    /// Everything written to the terminal so far, escape sequences and all.
    var screen: String { String(decoding: output, as: UTF8.self) }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        // Keys arrive one at a time, as typed.
        for i in bytes.indices {
            _ = write(master, &bytes[i], 1)
            usleep(2_000)
        }
    }

    /// Writes `text` all at once, as a paste arrives, reading the screen meanwhile so the terminal never fills.
    func paste(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(master, F_SETFL, flags) }
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else { _ = readSome(timeout: 10) }
        }
    }

    /// Reads until the screen (escape sequences removed) shows `text` after the first `after` characters.
    func waitFor(_ text: String, after: Int = 0, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if String(screen.dropFirst(after)).screenText.contains(text) { return true }
            if !readSome(timeout: 100) && exitStatus != nil { break }
        }
        return String(screen.dropFirst(after)).screenText.contains(text)
    }

    /// Whether the terminal is in its own (canonical) line mode rather than libedit's.
    func isCanonical() -> Bool {
        var modes = termios()
        return tcgetattr(master, &modes) == 0 && (modes.c_lflag & tcflag_t(ICANON)) != 0
    }

    /// Waits until `text` is on the screen and a fresh prompt follows it: the chat is reading again, with the
    /// terminal in libedit's mode (keys typed earlier, while it was writing, meet the terminal's own line editing).
    func waitForPrompt(after text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        func ready() -> Bool {
            let shown = screen.screenText
            guard let found = shown.range(of: text, options: .backwards) else { return false }
            // The prompt on the screen is not enough: under load the terminal can still be in its own line mode
            // for a moment, where a paste is cut by the kernel at 4095 bytes before libedit sees it.
            return shown[found.upperBound...].contains("\n> ") && !isCanonical()
        }
        while Date() < deadline {
            if ready() { return true }
            if !readSome(timeout: 100) && exitStatus != nil { break }
        }
        return ready()
    }

    /// Sends `line` (ending in Enter) and then `keys` while the chat is between prompts, with the terminal back in
    /// its canonical mode: the chat is sampled by stopping it (SIGSTOP) until it is caught there, so the keys meet
    /// the terminal's line discipline, not libedit. Tries again, with the same line, if the moment is missed.
    /// True when the keys were typed so.
    func typeBetweenPrompts(after line: String, keys: String, attempts: Int = 50) -> Bool {
        func stop() {
            Glibc.kill(pid, SIGSTOP)
            var status: Int32 = 0
            _ = waitpid(pid, &status, WUNTRACED)
        }
        for _ in 0..<attempts {
            type(line)
            let deadline = Date().addingTimeInterval(2)
            while Date() < deadline {
                stop()
                if isCanonical() {
                    var bytes = Array(keys.utf8)
                    _ = write(master, &bytes, bytes.count)
                    Glibc.kill(pid, SIGCONT)
                    return true
                }
                Glibc.kill(pid, SIGCONT)
                _ = readSome(timeout: 0)
                usleep(50)
            }
        }
        return false
    }

    /// Waits for the process to exit, reading what it writes meanwhile; its exit status, or nil.
    func waitForExit(seconds: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while exitStatus == nil && Date() < deadline {
            _ = readSome(timeout: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                while readSome(timeout: 50) {}
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        return exitStatus
    }

    /// Reads what is waiting; false when nothing came within `timeout` milliseconds.
    @discardableResult
    private func readSome(timeout: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeout) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        output.append(contentsOf: buffer[..<n])
        return true
    }

    func kill() {
        if exitStatus == nil {
            Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = -1
        }
    }
}
