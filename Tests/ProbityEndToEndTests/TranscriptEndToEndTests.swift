import Foundation
import ProbityBytes
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Transcripts written by the real chat, and read back by `probity transcripts`.
@Suite struct TranscriptEndToEndTests {
    static let question = "can I see the exempt report for next week's planning committee?"

    /// `probity transcripts ARGS --transcripts DIR`.
    static func transcripts(_ arguments: [String], in directory: String) throws -> Binary.Result {
        try Binary.run(["transcripts"] + arguments + ["--transcripts", directory])
    }

    /// The transcripts (`.jsonl`) in a folder, oldest first.
    static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { directory + "/" + $0 }
    }

    static func document(_ path: String) throws -> TranscriptDocument { try TranscriptReader.read(path: path) }

    /// The lines that ask the example question and walk Carlisle's document-access to advice, answering the
    /// first option each time; planned with the engine and router the binary uses, so the knowledge may change.
    static func carlisleWalk(asking question: String = question) throws -> (lines: [String], advice: AdviceResult) {
        let reach = try #require(ChatPlan.linesToReach("document-access", asking: question), "the router no longer finds document-access")
        let walk = try ChatPlan.firstOptionWalk("document-access", council: "carlisle", role: .member, asking: question)
        return (reach + walk.answers, walk.advice)
    }

    /// True when every line fits the width, or is one word too long to break.
    static func fits(_ text: String, width: Int = 80) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.count <= width || !$0.trimmingCharacters(in: .whitespaces).contains(" ") }
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test func aPipedChatLeavesASealedTranscriptThatVerifyAccepts() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let walk = try Self.carlisleWalk()
        let result = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member"], input: (walk.lines + ["why", "quit"]).joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let path = try #require(Self.files(in: home.transcripts).first, "no transcript in \(home.transcripts): \(result.stdout)")
        // The chat opened by saying it is recorded, and where; it ended by saying where it was saved.
        #expect(result.stdout.unwrapped.contains("This conversation is recorded for your council's Monitoring Officer, in \(path)"))
        #expect(result.stdout.unwrapped.contains("Transcript saved and sealed: \(path)"))
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(home.transcripts) == 0o700)

        let document = try Self.document(path)
        let events = document.events.map(\.event)
        #expect(events.first == .started(council: "carlisle", role: "member"))
        #expect(events.contains(.userInput(text: Self.question)))
        #expect(
            events.contains { if case .routed(Self.question, let candidates, _) = $0 { candidates.contains { $0.topic == "document-access" } } else { false } })
        #expect(events.contains(.topicStarted(topic: "document-access")))
        #expect(events.contains { if case .explained = $0 { true } else { false } })
        #expect(events.last == .ended(reason: "quit"))
        let advised = try #require(events.compactMap { if case .advised(let a) = $0 { a } else { nil } }.first)
        #expect(advised.council == "carlisle")
        #expect(advised == ConversationEvent.Advised(walk.advice))
        for quote in advised.quotes { #expect(quote.text == (try? ChatPlan.clauseText(council: "carlisle", id: quote.clause))) }
        let header = try #require(document.header)
        #expect(header.council == "carlisle" && header.role == "member" && header.protocolVersion == "2007")
        #expect(header.knowledgeSHA256 == ChatPlan.knowledge.councilFingerprint("carlisle"))
        // `--version` begins "probity VERSION", then names the knowledge.
        #expect((try Binary.run(["--version"])).stdout.split(separator: "\n").first.map(String.init) == "probity \(header.probityVersion)")
        #expect(document.seal?.reason == "quit")

        let verify = try Self.transcripts(["verify"], in: home.transcripts)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("\(document.id): sealed and intact"))
        // The Markdown rendering was written beside it, privately.
        let markdown = String(path.dropLast(6)) + ".md"
        #expect(try Self.mode(markdown) == 0o600)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("Members' Access to Documents and Information"))
    }

    @Test func changingOneCharacterMakesVerifyFailAndNameTheLine() throws {
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: Self.question + "\n1\nquit\n")
        let path = try #require(Self.files(in: home.transcripts).first)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""userInput":{"text":"can I"#) })
        text = text.replacingOccurrences(of: #"{"text":"can I"#, with: #"{"text":"may I"#)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let one = try Self.transcripts(["verify", id], in: home.transcripts)
        #expect(one.status == 1)
        #expect(one.stdout.contains("TAMPERED: line \(index + 1) was changed"))
        #expect(one.stderr.contains("line \(index + 1) was changed"))
        let all = try Self.transcripts(["verify", "--json"], in: home.transcripts)
        #expect(all.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        let first = (json?["transcripts"] as? [[String: Any]])?.first
        #expect(first?["line"] as? Int == index + 1)
        #expect(json?["ok"] as? Bool == false)
    }

    @Test func theEndOfPipedInputSealsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chat(["chat", "--council", "wiltshire", "--role", "officer"], input: "topics\n")
        let path = try #require(Self.files(in: home.transcripts).first)
        #expect(try Self.document(path).seal?.reason == "eof")
        #expect(try Self.document(path).events.last?.event == .ended(reason: "eof"))
        #expect(try Self.transcripts(["verify"], in: home.transcripts).stdout.contains("sealed and intact"))
    }

    @Test func sigtermSealsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try ChatProcess(["chat", "--council", "carlisle", "--role", "member"], home: home)
        #expect(chat.waitFor("> "))
        chat.send(Self.question + "\n")
        #expect(chat.waitFor("> ", after: Self.question))
        chat.process.terminate()  // SIGTERM
        let end = try #require(chat.waitForExit(), "the chat should end on SIGTERM")
        #expect(end.status == 128 + SIGTERM && !end.signalled)
        let path = try #require(Self.files(in: home.transcripts).first)
        let document = try Self.document(path)
        #expect(document.seal?.reason == "terminated")
        #expect(document.events.contains { $0.event == .userInput(text: Self.question) })
        let verify = try Self.transcripts(["verify", document.id], in: home.transcripts)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("sealed and intact"))
    }

    @Test func aClosedOutputPipeSealsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chatWithClosedOutput(input: "document-access\nhelp\n")  // the reader goes away
        let path = try #require(Self.files(in: home.transcripts).first)
        let document = try Self.document(path)
        #expect(document.seal?.reason == "closed-pipe")
        #expect(try Self.transcripts(["verify"], in: home.transcripts).stdout.contains("sealed and intact"))
    }

    @Test func ctrlDAtATerminalSealsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "tower-hamlets", "--role", "officer"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitFor("> "), "\(terminal.screen)")
        let before = terminal.screen.count
        terminal.type("media-contact\r")
        #expect(terminal.waitFor("Why I ask", after: before), "\(terminal.screen)")
        // Ctrl-D once libedit shows the next prompt, after the question.
        let asked =
            terminal.screen.range(of: "Why I ask", options: .backwards).map { terminal.screen.distance(from: terminal.screen.startIndex, to: $0.lowerBound) }
            ?? before
        #expect(terminal.waitFor("> ", after: asked), "\(terminal.screen)")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0, "\(terminal.screen)")
        let path = try #require(Self.files(in: home.transcripts).first)
        let document = try Self.document(path)
        #expect(document.seal?.reason == "eof")
        #expect(document.events.contains { $0.event == .topicStarted(topic: "media-contact") })
        #expect(try Self.transcripts(["verify"], in: home.transcripts).status == 0)
    }

    @Test func aSecondCtrlCSealsIt() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let terminal = try PseudoTerminal(["chat", "--council", "wiltshire", "--role", "member"], home: home)
        defer { terminal.kill() }
        #expect(terminal.waitFor("> "), "\(terminal.screen)")
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(after: "Press Ctrl-C again"), "\(terminal.screen)")
        terminal.type("\u{03}")
        #expect(terminal.waitForExit() == 0, "\(terminal.screen)")
        let path = try #require(Self.files(in: home.transcripts).first)
        #expect(try Self.document(path).seal?.reason == "interrupt")
        #expect(try Self.transcripts(["verify"], in: home.transcripts).status == 0)
    }

    @Test func aChatKilledMidTopicKeepsEveryEventShownAndIsIncompleteButIntact() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try ChatProcess(["chat", "--council", "carlisle", "--role", "member"], home: home)
        // An answer to the first question that leads to a second one, planned with the engine the binary uses.
        var session = try Session(knowledge: ChatPlan.knowledge, council: "carlisle", role: .member)
        try session.begin(topicID: "document-access")
        guard case .question(let first)? = session.step else {
            Issue.record("document-access asks nothing")
            return
        }
        let onward = first.options.indices.first { i in
            var s = session
            _ = try? s.answer("\(i + 1)")
            if case .question? = s.step { return true } else { return false }
        }
        guard let onward else {
            Issue.record("every answer to the first question ends the topic")
            return
        }
        try session.answer("\(onward + 1)")
        guard case .question(let second)? = session.step else { return }
        #expect(chat.waitFor("> "))
        chat.send("document-access\n")
        #expect(chat.waitFor("Topic: "))
        chat.send("\(onward + 1)\n")
        // Wait until the second question is on the screen, then kill without warning.
        let promptStart = String(second.prompt.prefix(30))
        #expect(chat.waitFor(promptStart), "\(chat.stdout)")
        #expect(chat.waitFor("> ", after: promptStart))
        kill(chat.process.processIdentifier, SIGKILL)
        let end = try #require(chat.waitForExit())
        #expect(end.signalled)

        let path = try #require(Self.files(in: home.transcripts).first)
        let document = try Self.document(path)
        #expect(document.seal == nil)
        let asked = document.events.compactMap { if case .asked(_, _, _, let prompt, _, _, _, _, _) = $0.event { prompt } else { nil } }
        #expect(asked.last == second.prompt, "the question on the screen when it was killed is in the transcript")
        #expect(document.events.contains { if case .answered(_, _, _, _, _) = $0.event { true } else { false } })
        // Everything recorded as said is on the screen: each message's first words.
        for case .displayed(_, .message(_, let words)) in document.events.map(\.event) {
            #expect(chat.stdout.contains(String(words.text().prefix(30))))
        }
        let verify = try Self.transcripts(["verify"], in: home.transcripts)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("\(document.id): incomplete but intact"))
        let list = try Self.transcripts(["list"], in: home.transcripts)
        #expect(list.stdout.contains("incomplete but intact"))
    }

    @Test func anUnwritableFolderIsReportedAtOnceAndTheChatGoesOnAndSavesElsewhere() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let blocker = home.root + "/a-file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("not a folder".utf8))
        let elsewhere = home.root + "/elsewhere"
        let result = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member", "--transcripts", blocker + "/transcripts"],
            input: Self.question + "\n1\nsave \(elsewhere)\n2\nquit\n")
        #expect(result.status == 0)
        let out = result.stdout.unwrapped
        // Said at once, before the first question, in plain words.
        let problem = "Probity cannot save transcripts in \(blocker)/transcripts: part of that path is a file, not a folder."
        let said = try #require(out.range(of: problem), "\(out)")
        #expect(said.lowerBound < (out.range(of: "What would you like to ask?")?.lowerBound ?? out.startIndex))
        #expect(out.contains("Type `save FOLDER` to save it in another folder."))
        // `save FOLDER` wrote everything so far, and the rest followed.
        let path = try #require(Self.files(in: elsewhere).first)
        #expect(out.contains("Saved everything so far in \(path)"))
        let events = try Self.document(path).events.map(\.event)
        #expect(events.first == .started(council: "carlisle", role: "member"))
        #expect(events.contains(.userInput(text: Self.question)))
        #expect(events.contains(.userInput(text: "2")))
        #expect(events.last == .ended(reason: "quit"))
        #expect(try Self.transcripts(["verify"], in: elsewhere).stdout.contains("sealed and intact"))
        #expect(try Self.mode(elsewhere) == 0o700)
    }

    @Test func aFolderThatNeverWorksIsSavedInTheUsersOwnFolderAtTheEnd() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let blocker = home.root + "/a-file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data())
        var env = home.environment()
        env["PROBITY_TRANSCRIPTS"] = blocker
        env["XDG_DATA_HOME"] = home.root + "/data"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["chat", "--council", "carlisle", "--role", "member", "--knowledge", Paths.repository + "/Knowledge"]
        process.environment = env
        let stdout = try Binary.capture(process, input: "topics\nquit\n").stdout.unwrapped
        let fallback = home.root + "/data/probity/transcripts"
        let path = try #require(Self.files(in: fallback).first, "\(stdout)")
        #expect(stdout.contains("So the transcript was saved and sealed in \(path) instead"))
        #expect(try Self.document(path).seal?.reason == "quit")
    }

    @Test func noSaveRecordsNothing() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(["chat", "--council", "carlisle", "--role", "member", "--no-save"], input: Self.question + "\n1\nsave\nquit\n")
        #expect(result.stdout.contains("not being recorded"))
        #expect(Self.files(in: home.transcripts).isEmpty)
    }

    @Test func listShowAndExportForTheMonitoringOfficer() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let typed = "my neighbour <b>Mrs Jones</b> wants to see the exempt report for planning committee"
        let walk = try ChatPlan.firstOptionWalk("document-access", council: "carlisle", role: .member)
        _ = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member"],
            input: ([typed, "document-access"] + walk.answers + ["quit"]).joined(separator: "\n") + "\n")
        let path = try #require(Self.files(in: home.transcripts).first)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent

        let list = try Self.transcripts(["list", "--json"], in: home.transcripts)
        #expect(list.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let entry = try #require((json["transcripts"] as? [[String: Any]])?.first)
        #expect(entry["id"] as? String == id)
        #expect(entry["councils"] as? [String] == ["carlisle"])
        #expect(entry["roles"] as? [String] == ["member"])
        #expect((entry["topics"] as? [String])?.first == "document-access")
        #expect((entry["verdicts"] as? [[String: Any]])?.first?["verdict"] as? String == walk.advice.verdict.rawValue)
        #expect(entry["status"] as? String == "sealed")
        let text = try Self.transcripts(["list"], in: home.transcripts)
        #expect(text.stdout.contains(id) && text.stdout.contains("Carlisle City Council · member"))

        let show = try Self.transcripts(["show", String(id.prefix(20))], in: home.transcripts)
        #expect(show.status == 0)
        #expect(show.stdout.unwrapped.contains("You: " + typed))
        #expect(!show.stdout.contains("\u{1B}"), "no colour when not on a terminal")
        #expect(Self.fits(show.stdout), "\(show.stdout)")

        let html = try Self.transcripts(["export", id, "--format", "html"], in: home.transcripts)
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("&lt;b&gt;Mrs Jones&lt;/b&gt;"))
        #expect(!html.stdout.contains("<b>Mrs Jones"))
        #expect(html.stdout.contains("@media print"))
        let redacted = try Self.transcripts(["export", id, "--format", "html", "--redact"], in: home.transcripts)
        #expect(!redacted.stdout.contains("Mrs Jones"))
        for format in ["md", "json"] {
            let plain = try Self.transcripts(["export", id, "--format", format], in: home.transcripts)
            #expect(plain.status == 0 && plain.stdout.contains("Mrs Jones"))
            let hidden = try Self.transcripts(["export", id, "--format", format, "--redact"], in: home.transcripts)
            #expect(hidden.status == 0 && !hidden.stdout.contains("Mrs Jones"))
        }
        let file = home.root + "/export.html"
        let written = try Self.transcripts(["export", id, "--format", "html", "--output", file], in: home.transcripts)
        #expect(written.status == 0)
        #expect(try Self.mode(file) == 0o600)
    }

    @Test func anUnknownIdFailsWithAHintToList() throws {
        let home = try ChatHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.transcripts, withIntermediateDirectories: true)
        for command in [["show", "20200101T000000Z-deadbeef"], ["verify", "nope"], ["export", "nope", "--format", "md"], ["replay", "nope"]] {
            let result = try Self.transcripts(command, in: home.transcripts)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("Run `probity transcripts list` to see the ids."), "\(command): \(result.stderr)")
        }
        #expect(try Self.transcripts(["export", "x", "--format", "pdf"], in: home.transcripts).status == 64)
        #expect(try Self.transcripts(["replay"], in: home.transcripts).status == 64)
    }

    @Test func replayOfAFreshTranscriptFindsNothingChangedAndAnEditedProtocolIsNamed() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let walk = try ChatPlan.firstOptionWalk("document-access", council: "carlisle", role: .member)
        _ = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member"],
            input: (["document-access"] + walk.answers + ["quit"]).joined(separator: "\n") + "\n")
        let path = try #require(Self.files(in: home.transcripts).first)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let quoted = try #require(walk.advice.quotes.first?.clause)
        let same = try Self.transcripts(["replay", id], in: home.transcripts)
        #expect(same.status == 0)
        #expect(same.stdout.contains("This advice would be the same today."))
        #expect(!same.stdout.contains("would now differ"))

        // A copy of the knowledge in which the protocol changed: the first clause quoted says something else, in
        // the source text as in the version (knowledge whose clauses are not their source's words is refused).
        let knowledge = home.root + "/knowledge"
        try FileManager.default.copyItem(atPath: Paths.repository + "/Knowledge", toPath: knowledge)
        let council = knowledge + "/" + (try #require(ChatPlan.knowledge.council(id: "carlisle"))).file
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: council))) as? [String: Any])
        var clauses = try #require(json["clauses"] as? [[String: Any]])
        let index = try #require(clauses.firstIndex { $0["id"] as? String == quoted.id })
        clauses[index]["text"] = "A member may see any document of any committee."
        json["clauses"] = clauses
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: council))
        let source = knowledge + "/councils/carlisle/" + (try #require(json["source"] as? String))
        let amended = try String(contentsOfFile: source, encoding: .utf8) + "\nA member may see any document of any committee.\n"
        try amended.write(toFile: source, atomically: true, encoding: .utf8)
        let changed = try Binary.run(["transcripts", "replay", id, "--transcripts", home.transcripts], knowledge: knowledge)
        #expect(changed.status == 0)
        #expect(changed.stdout.unwrapped.contains("\(quoted.fullReference): TEXT CHANGED"))
        #expect(changed.stdout.unwrapped.contains("now: \"A member may see any document of any committee.\""))
        #expect(changed.stdout.contains("This advice would now differ."))
        let all = try Binary.run(["transcripts", "replay", "--all", "--json", "--transcripts", home.transcripts], knowledge: knowledge)
        let report = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        let finding = ((report?["transcripts"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first
        #expect(finding?["changed"] as? Bool == true)
        #expect(
            (finding?["clauses"] as? [[String: Any]])?.contains { $0["clause"] as? String == quoted.id && $0["change"] as? String == "text-changed" } == true)
        let allText = try Binary.run(["transcripts", "replay", "--all", "--transcripts", home.transcripts], knowledge: knowledge)
        #expect(allText.stdout.contains("1 of 1 pieces of past advice would now differ"))
        #expect(allText.stdout.contains(id))
    }
}

extension ChatProcess {
    /// Waits until `text` appears after the first occurrence of `marker`.
    func waitFor(_ text: String, after marker: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let out = stdout
            if let range = out.range(of: marker), out[range.upperBound...].contains(text) { return true }
            usleep(20_000)
        }
        return false
    }
}
