import Foundation
import ProbityBytes
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The Monitoring Officer's record, through the real binary: redaction that leaves out every typed word, and
/// `verify`, `list`, `show` and `export` that miss nothing they could see in a file.
@Suite struct TranscriptRecordEndToEndTests {
    static let words = ["Gerald", "Fotheringay", "Acacia", "Nettlebed", "Pemberton"]
    /// A question longer than a line, that the chat wraps and cuts when it repeats it.
    static let longQuestion =
        "can I see the exempt report for next week's planning committee? my neighbour Gerald Fotheringay at 14 Acacia "
        + "Avenue, Nettlebed, has complained about the Pemberton scheme and I want to know exactly what the officers have said about it"

    @Test func exportRedactLeavesOutEveryTypedWordInEveryFormat() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let input =
            [
                Self.longQuestion, "search Fotheringay Nettlebed printing", "Gerald Fotheringay of Acacia Avenue", "clause Pemberton",
                "council Nettlebed", "quit",
            ].joined(separator: "\n") + "\n"
        let chat = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: input)
        #expect(chat.status == 0, "\(chat.stderr)")
        // The chat did repeat them, wrapped and cut.
        for word in ["Fotheringay", "Nettlebed", "Pemberton"] { #expect(chat.stdout.contains(word)) }
        let path = try #require(TranscriptEndToEndTests.files(in: home.transcripts).first)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var outputs: [String] = []
        for format in ["md", "html", "json"] {
            let export = try TranscriptEndToEndTests.transcripts(["export", id, "--format", format, "--redact"], in: home.transcripts)
            #expect(export.status == 0, "\(export.stderr)")
            outputs.append(export.stdout)
        }
        outputs.append(try TranscriptEndToEndTests.transcripts(["show", id, "--redact"], in: home.transcripts).stdout)
        for output in outputs {
            for word in Self.words { #expect(!output.contains(word), "\(word) survived --redact") }
            #expect(output.contains(TranscriptRedactor.marker))
            // Probity's own words stay.
            #expect(output.contains("Carlisle City Council"))
            #expect(output.contains("isn"))  // "… isn't one of the answers." / "… is not a council Probity knows"
        }
        let plain = try TranscriptEndToEndTests.transcripts(["export", id, "--format", "md"], in: home.transcripts).stdout
        for word in Self.words { #expect(plain.contains(word), "without --redact, \(word) is there") }
    }

    /// A line piped into the chat is recorded before it is shown: the chat is stopped while it writes the line
    /// back (its output pipe is full), and the transcript must already hold it.
    @Test func aPipedLineIsRecordedBeforeItIsShown() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["chat", "--council", "carlisle", "--role", "member", "--knowledge", Paths.repository + "/Knowledge"]
        process.environment = home.environment()
        let out = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Read the greeting up to the prompt, then read no more: the pipe holds 64 KiB at most.
        var seen = Data()
        let reader = out.fileHandleForReading
        while !String(decoding: seen, as: UTF8.self).contains("> ") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        // A small pipe (Linux lets a pipe be shrunk to a page), so that a line the chat reads whole fills it.
        #if os(Linux)
            _ = fcntl(reader.fileDescriptor, 1031, 4096)  // 1031: F_SETPIPE_SZ
        #endif
        let token = "zebracrossing"
        // As long as the chat reads a line (a longer one is cut, and recorded cut); with the small pipe, its echo and
        // the reply fill it.
        let phrase = " the report about the planning committee"
        let line = token + String(repeating: phrase, count: (Conversation.maximumLineBytes - token.utf8.count) / phrase.utf8.count)
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        // The chat writes the line back, more than the pipe holds, and stops part-way.
        let deadline = Date().addingTimeInterval(60)
        var recorded = false
        while Date() < deadline && !recorded {
            if let path = TranscriptEndToEndTests.files(in: home.transcripts).first,
                let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains(token)
            {
                recorded = true
            } else {
                usleep(50_000)
            }
        }
        // Once it is recorded, the chat goes on to show it: wait until it has begun to (the pipe holds some of it).
        var ready = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, 10_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let shown = String(decoding: seen + reader.readDataToEndOfFile(), as: UTF8.self)
        #expect(shown.contains(token), "the chat had begun to show the line")
        #expect(recorded, "the line on the screen is not in the transcript")
        let path = try #require(TranscriptEndToEndTests.files(in: home.transcripts).first)
        let document = try TranscriptReader.read(path: path)
        #expect(document.events.contains { $0.event == .userInput(text: line) })
    }

    @Test func transcriptsThatCannotBeReadAreReportedNotSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("probity-unreadable-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/20261129T000001Z-0000000a.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/20261129T000002Z-0000000b.jsonl", withDestinationPath: "/dev/null")
        let verify = try Self.runWithTimeout(["transcripts", "verify", "--transcripts", dir])
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("20261129T000001Z-0000000a: UNREADABLE: it is a named pipe (FIFO)"), "\(verify.stdout)")
        #expect(verify.stdout.contains("20261129T000002Z-0000000b: UNREADABLE: it is a device"), "\(verify.stdout)")
        let list = try Self.runWithTimeout(["transcripts", "list", "--transcripts", dir])
        #expect(list.stdout.components(separatedBy: "UNREADABLE").count >= 3, "\(list.stdout)")
        let json = try Self.runWithTimeout(["transcripts", "verify", "--json", "--transcripts", dir])
        #expect(json.stdout.contains("\"ok\" : false") || json.stdout.contains("\"ok\":false"), "\(json.stdout)")
    }

    @Test func aCopyUnderAnotherIdsNameIsReportedUnderThatNameAndTampered() throws {
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: "quit\n")
        let original = try #require(TranscriptEndToEndTests.files(in: home.transcripts).first)
        let originalID = URL(fileURLWithPath: original).deletingPathExtension().lastPathComponent
        let copyID = "20200101T000000Z-0123abcd"
        try FileManager.default.copyItem(atPath: original, toPath: home.transcripts + "/\(copyID).jsonl")
        let verify = try TranscriptEndToEndTests.transcripts(["verify", copyID], in: home.transcripts)
        #expect(verify.status == 1)
        // Lines longer than the width in use (80 when piped) are wrapped by Probity: compare with spaces and breaks as one.
        let said = verify.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("\(copyID): TAMPERED: line 1 names transcript \(originalID), but the file is \(copyID)"), "\(verify.stdout)")
        let list = try TranscriptEndToEndTests.transcripts(["list"], in: home.transcripts)
        #expect(list.stdout.contains(copyID))
    }

    /// A transcript crafted with control sequences (window title, OSC 52 clipboard, clear screen) and Markdown
    /// in every value a list shows, with a sound hash chain.
    @Test func valuesReadFromAFileNeverReachTheTerminalOrMarkdownAsControlSequencesOrMarkup() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("probity-crafted-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let evil = "x\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m`<img src=x onerror=alert(1)>` &amp; **b**"
        let id = "20261129T000003Z-0000000c"
        let advised = try JSONDecoder().decode(
            ConversationEvent.Advised.self,
            from: Data(
                """
                {"topic":"t\(Self.json(evil))","node":"n","council":"c\(Self.json(evil))","protocolVersion":"1","verdict":"v\(Self.json(evil))",
                 "headline":"h\(Self.json(evil))","quotes":[]}
                """.utf8))
        let bodies: [TranscriptRecord.Body] = [
            .header(
                TranscriptHeader(
                    id: id + evil, started: "2026-11-29T00:00:03.000Z" + evil, probityVersion: "1" + evil, knowledgeSHA256: "k",
                    protocolVersions: [:], council: "c" + evil, role: "r" + evil)),
            .event(.started(council: "c" + evil, role: "r" + evil)),
            .event(.topicStarted(topic: "t" + evil)),
            .event(.advised(advised)),
            .event(.userInput(text: "u" + evil)),
        ]
        var previous = RecordCoding.genesisDigest
        var bytes: [UInt8] = []
        for (i, body) in bodies.enumerated() {
            let line = RecordCoding.encode(TranscriptRecord(seq: i + 1, time: "2026-11-29T00:00:0\(i).000Z" + evil, prev: previous, body: body))
            previous = SHA256.hex(line)
            bytes += line + [0x0A]
        }
        FileManager.default.createFile(atPath: dir + "/\(id).jsonl", contents: Data(bytes))
        var outputs: [String] = []
        for arguments in [
            ["list"], ["list", "--json"], ["show", id], ["verify"], ["export", id, "--format", "md"], ["export", id, "--format", "html"],
            ["export", id, "--format", "json"],
        ] {
            let result = try TranscriptEndToEndTests.transcripts(arguments, in: dir)
            outputs.append(result.stdout + result.stderr)
            #expect(!result.stdout.isEmpty, "\(arguments)")
        }
        for output in outputs {
            for control in ["\u{1B}", "\u{07}", "\u{9B}"] { #expect(!output.contains(control), "a control character reached the output") }
        }
        let markdown = outputs[4]
        // Every `<` and `&` is escaped; no code span holds what was read.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"), "\(markdown)")
        #expect(!markdown.replacingOccurrences(of: "\\&", with: "").contains("&"), "\(markdown)")
        #expect(!outputs[5].contains("<img"))
    }

    /// `s` as it goes inside a JSON string.
    static func json(_ s: String) -> String {
        let data = try! JSONEncoder().encode(s)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// `probity ARGS`, killed if it has not ended within `seconds` (reading a FIFO would wait for ever).
    static func runWithTimeout(_ arguments: [String], seconds: Double = 20) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments + ["--knowledge", Paths.repository + "/Knowledge"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errReader = Thread.detachNewThreadReading(err)
        let outReader = Thread.detachNewThreadReading(out)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Binary.Result(status: process.terminationStatus, stdout: outReader.wait(), stderr: errReader.wait())
    }
}
