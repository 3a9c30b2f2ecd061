import Foundation
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How the chat ends: each signal seals the transcript, then exits as the shell reports that signal (128 + its
/// number); a conversation that could not be saved anywhere exits 1; SIGQUIT never reaches the crash reporter.
@Suite struct ChatExitTests {
    /// The one transcript in the home's folder, read back.
    static func onlyTranscript(_ home: ChatHome) throws -> TranscriptDocument {
        let files = TranscriptEndToEndTests.files(in: home.transcripts)
        #expect(files.count == 1, "\(files)")
        return try TranscriptReader.read(path: try #require(files.first))
    }

    @Test(arguments: [(SIGTERM, "terminated"), (SIGHUP, "hangup"), (SIGQUIT, "quit-signal")])
    func aSignalSealsTheTranscriptThenExitsWith128PlusIt(signal: Int32, reason: String) throws {
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try ChatProcess(["chat", "--council", "carlisle", "--role", "member"], home: home)
        #expect(chat.waitFor("> "))
        Glibc.kill(chat.process.processIdentifier, signal)
        let end = try #require(chat.waitForExit(), "the chat should end on signal \(signal)")
        #expect(end.status == 128 + signal && !end.signalled, "handled, sealed, then exit \(128 + signal)")
        let document = try Self.onlyTranscript(home)
        #expect(document.seal?.reason == reason)
        #expect(TranscriptVerifier.verify(document).status == .sealed)
        let errors = chat.stderr
        #expect(!errors.contains("crashed") && !errors.contains("Backtrace"), "no crash report: \(errors)")
    }

    @Test func ctrlBackslashAtTheTerminalSealsAndEndsWithoutTheCrashReporter() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "carlisle", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitForPrompt(after: "What would you like to ask?"))
        terminal.type("half a question\u{1C}")  // Ctrl-\: the terminal sends SIGQUIT
        let status = try #require(terminal.waitForExit(), "Ctrl-\\ should end the chat: \(terminal.screen.screenText)")
        #expect(status == 128 + SIGQUIT)
        #expect(!terminal.screen.contains("crashed") && !terminal.screen.contains("Press space"), "\(terminal.screen.screenText)")
        #expect(try Self.onlyTranscript(home).seal?.reason == "quit-signal")
    }

    @Test func aConversationSavedNowhereExitsOne() throws {
        let home = try ChatHome()
        defer { home.remove() }
        // The folder asked for and the fallback both lie under a file, so neither can be made.
        let result = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member"], input: "quit\n",
            extra: ["PROBITY_TRANSCRIPTS": "/dev/null/transcripts", "XDG_DATA_HOME": "/dev/null/data"])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("THIS CONVERSATION WAS NOT SAVED"))
        #expect(result.stdout.contains("Goodbye."), "the conversation itself ended normally")
        // With --no-save nothing was to be saved: an ordinary end.
        #expect(
            try home.chat(
                ["chat", "--council", "carlisle", "--role", "member", "--no-save"], input: "quit\n",
                extra: ["PROBITY_TRANSCRIPTS": "/dev/null/transcripts", "XDG_DATA_HOME": "/dev/null/data"]
            ).status == 0)
    }

    /// The default folder (outside a checkout: `$XDG_DATA_HOME/probity/transcripts`) as a symbolic link to a folder
    /// someone set up: Probity writes there and leaves its mode alone.
    @Test func aSymlinkedDefaultTranscriptsFolderKeepsItsTargetsMode() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let target = home.root + "/shared-transcripts"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        _ = chmod(target, 0o755)
        try FileManager.default.createDirectory(atPath: home.root + "/data/probity", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.root + "/data/probity/transcripts", withDestinationPath: target)

        // Run as if installed outside any checkout (argv[0] is how Probity finds a checkout), from a plain folder.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "exec -a \"$0\" \"$@\"", home.root + "/bin/probity", Binary.path,
            "chat", "--council", "carlisle", "--role", "member", "--knowledge", Paths.repository + "/Knowledge",
        ]
        var env = home.environment()
        env["PROBITY_TRANSCRIPTS"] = nil
        env["XDG_DATA_HOME"] = home.root + "/data"
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: home.root)
        let result = try Binary.capture(process, input: "quit\n")
        let stdout = result.stdout
        #expect(result.status == 0, "\(stdout)")
        #expect(try TranscriptEndToEndTests.mode(target) == 0o755, "the folder's mode was changed")
        #expect(TranscriptEndToEndTests.files(in: target).count == 1, "\(stdout)")
        #expect(stdout.contains("can be opened by other people on this computer"), "\(stdout)")
    }
}
