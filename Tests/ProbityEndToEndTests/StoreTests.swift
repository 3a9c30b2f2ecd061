import Foundation
import ProbityBytes
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The council-wide store against a real PostgreSQL server (see TestStore): what the chat sends, what the
/// server refuses, and what the Monitoring Officer reads.
@Suite(.enabled(if: TestStore.configured, TestStore.skipReason))
struct StoreTests {
    static let question = "can I see the exempt report for next week's planning committee?"

    /// A chat as `user`, sending to the store: input lines that reach advice (first options), then quit.
    static func adviceInput(
        topic: String = "document-access", council: String = "carlisle", role: Role = .member,
        question: String = question
    ) throws -> String {
        let reach = try #require(ChatPlan.linesToReach(topic, asking: question))
        let walk = try ChatPlan.firstOptionWalk(topic, council: council, role: role, asking: question)
        return (reach + walk.answers + ["quit"]).joined(separator: "\n") + "\n"
    }

    static func onlyTranscript(_ home: ChatHome) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: home.transcripts).filter { $0.hasSuffix(".jsonl") }
        try #require(files.count == 1, "one transcript: \(files)")
        return home.transcripts + "/" + files[0]
    }

    @Test func aChatIsRecordedInTheStoreLineForLineWithUserAndMachine() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        let result = try home.chat(
            ["chat", "--council", "carlisle", "--role", "member", "--store", db.url(user: "alice")],
            input: try Self.adviceInput())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("cannot be reached"), "\(result.stdout)")
        #expect(result.stdout.unwrapped.contains("Each line is also sent to the council's transcript store"), "the user is told where it goes")
        let path = try Self.onlyTranscript(home)
        let local = try TranscriptReader.read(path: path)
        let progress = try #require(try db.progress(local.id))
        #expect(progress.lines == local.lines.count)
        #expect(progress.sealed)
        #expect(!FileManager.default.fileExists(atPath: String(path.dropLast(6)) + ".unsent"), "the marker goes once all is sent")

        let list = try Binary.run(["transcripts", "list", "--store", db.url(user: "mo"), "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listing = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let item = try #require((listing?["transcripts"] as? [[String: Any]])?.first)
        #expect(item["id"] as? String == local.id)
        #expect(item["user"] as? String == local.header?.user)
        #expect(item["user"] != nil && item["machine"] != nil, "who and where are in the header")
        #expect((item["stored"] as? [String: Any])?["databaseUser"] as? String == "alice")

        let verify = try Binary.run(["transcripts", "verify", path, "--store", db.url(user: "mo")])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("the same as the store's copy"))
    }

    @Test func aRewrittenLocalFileIsCaughtByVerifyAgainstTheStore() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chat(["chat", "--council", "carlisle", "--role", "member", "--store", db.url(user: "alice")], input: try Self.adviceInput())
        let path = try Self.onlyTranscript(home)
        // Rewrite line 3 and recompute every digest from there: the file alone still verifies.
        var document = TranscriptReader.read(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        let typed = try #require(document.firstIndex { $0.contains("exempt report") }, "the question is recorded")
        document[typed] = document[typed].replacingOccurrences(of: "exempt report", with: "public report")
        let forged = ChainForger.rechain(document)
        try Data((forged.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(TranscriptVerifier.verify(try TranscriptReader.read(path: path)).isIntact, "the forgery passes the file's own check")

        let verify = try Binary.run(["transcripts", "verify", path, "--store", db.url(user: "mo")])
        #expect(verify.status == 1)
        // Piped output is wrapped at 80 columns: read it as one line of words.
        let said = verify.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("line \(typed + 1) differs from the store's copy"), "\(verify.stdout)")
    }

    @Test func theServerRefusesEditedReorderedAndForgedLines() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        // Recorded locally only, then sent by hand.
        _ = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: try Self.adviceInput())
        let local = try TranscriptReader.read(path: try Self.onlyTranscript(home))
        let lines = local.lines.map { Array($0.bytes) }
        let store = TranscriptStore(StoreAddress(db.url(user: "alice")))
        try store.send(transcript: local.id, seq: 1, line: lines[0])

        // Edited: a word changed, the digest left as it was.
        var edited = lines[1]
        let position = try #require(edited.firstIndex(of: UInt8(ascii: "t")))
        edited[position] = UInt8(ascii: "T")
        #expect(Self.refusal { try store.send(transcript: local.id, seq: 2, line: edited) }?.contains("was changed") == true)
        // Reordered: line 3 before line 2.
        #expect(Self.refusal { try store.send(transcript: local.id, seq: 3, line: lines[2]) }?.contains("out of order") == true)
        // Sent as another line than it says it is.
        #expect(Self.refusal { try store.send(transcript: local.id, seq: 2, line: lines[2]) }?.contains("says it is line 3") == true)
        try store.send(transcript: local.id, seq: 2, line: lines[1])
        // Forged: line 3 edited with its own digest recomputed, but its prev does not name line 2 as sent.
        let changedTwo = String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "\"time\":\"2", with: "\"time\":\"1")
        let forged = ChainForger.rechain([String(decoding: lines[0], as: UTF8.self), changedTwo, String(decoding: lines[2], as: UTF8.self)])
        #expect(forged[2] != String(decoding: lines[2], as: UTF8.self))
        #expect(Self.refusal { try store.send(transcript: local.id, seq: 3, line: Array(forged[2].utf8)) }?.contains("does not follow line 2") == true)
        // A second line 2, forged with a good digest: the server already has line 2.
        let second = ChainForger.rechain([
            String(decoding: lines[0], as: UTF8.self), String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "\"seq\":2", with: "\"seq\":2 "),
        ])
        #expect(Self.refusal { try store.send(transcript: local.id, seq: 2, line: Array(second[1].utf8)) } != nil)
        // Another user cannot add to alice's transcript.
        let bob = TranscriptStore(StoreAddress(db.url(user: "bob")))
        #expect(Self.refusal { try bob.send(transcript: local.id, seq: 3, line: lines[2]) }?.contains("belongs to alice") == true)
        // The rest, in order, is taken.
        try store.send(transcript: local.id, lines: lines.enumerated().dropFirst(2).map { (seq: $0.offset + 1, line: $0.element) })
        #expect(try db.progress(local.id)?.sealed == true)
        #expect(Self.refusal { try store.send(transcript: local.id, seq: lines.count + 1, line: lines[1]) } != nil, "nothing after the seal")
    }

    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? StoreError)?.description ?? "\(error)"
        }
    }

    @Test func usersCannotUpdateDeleteOrTruncateAndNobodyCanChangeALine() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        _ = try home.chat(["chat", "--council", "carlisle", "--role", "member", "--store", db.url(user: "alice")], input: "quit\n")
        let alice = try db.connect("alice")
        for sql in [
            "UPDATE probity.lines SET line = line", "DELETE FROM probity.lines", "TRUNCATE probity.lines",
            "UPDATE probity.transcripts SET sealed = true", "DELETE FROM probity.transcripts", "SELECT count(*) FROM probity.lines",
        ] {
            #expect(throws: StoreError.self, "alice: \(sql)") { try alice.query(sql) }
        }
        let mo = try db.connect("mo")
        #expect(try mo.query("SELECT count(*) FROM probity.lines").values.first?[0].flatMap { Int($0) } ?? 0 > 0, "the MO reads")
        #expect(throws: StoreError.self) { try mo.query("DELETE FROM probity.lines") }
        // Even the owner is refused by the triggers.
        let owner = try db.connect(db.superuser)
        for sql in ["UPDATE probity.lines SET seq = seq", "DELETE FROM probity.lines", "TRUNCATE probity.lines", "DELETE FROM probity.transcripts"] {
            let refused = Self.refusal { try owner.query(sql) }
            #expect(refused?.contains("append-only") == true, "owner: \(sql): \(refused ?? "allowed")")
        }
    }

    @Test func theServerGoingAwayMidChatIsSaidOnceAndSyncSendsTheRest() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try ChatProcess(
            ["chat", "--council", "carlisle", "--role", "member"], home: home,
            environment: ["PROBITY_STORE": db.url(user: "dave")])
        let input = try Self.adviceInput().split(separator: "\n").map(String.init)
        chat.send(input[0] + "\n")
        let id = try #require(try db.waitForLines(3, user: "dave"))
        // The server drops the chat's connection, as it does when it stops.
        try db.connect(db.superuser).query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'dave'")
        for line in input.dropFirst() { chat.send(line + "\n") }
        chat.closeInput()
        let exit = try #require(chat.waitForExit(seconds: 60))
        #expect(exit.status == 0)
        let said = chat.stdout.components(separatedBy: "transcript store cannot be reached").count - 1
        #expect(said == 1, "said once: \(chat.stdout)")
        let path = home.transcripts + "/" + id + ".jsonl"
        let local = try TranscriptReader.read(path: path)
        #expect(local.seal != nil, "the local file is complete")
        let before = try #require(try db.progress(id))
        #expect(before.lines < local.lines.count && !before.sealed)
        #expect(FileManager.default.fileExists(atPath: home.transcripts + "/" + id + ".unsent"))

        let sync = try Binary.run(["transcripts", "sync", "--store", db.url(user: "dave"), "--transcripts", home.transcripts])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(sync.stdout.contains("sent \(local.lines.count - before.lines) line"), "\(sync.stdout)")
        #expect(try db.progress(id)?.lines == local.lines.count)
        #expect(try db.progress(id)?.sealed == true)
        #expect(!FileManager.default.fileExists(atPath: home.transcripts + "/" + id + ".unsent"))
        let verify = try Binary.run(["transcripts", "verify", path, "--store", db.url(user: "mo")])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func killedMidChatTheStoreShowsItUnsealedAndTheNextStartSendsWhatWasMissing() throws {
        let db = try TestStore.database()
        let home = try ChatHome()
        defer { home.remove() }
        // Offline first (a store nobody listens on), so that lines are missing from the server when it is killed.
        let nowhere = db.url(user: "erin").replacingOccurrences(of: "port=", with: "port=1")
        let chat = try ChatProcess(["chat", "--council", "carlisle", "--role", "member"], home: home, environment: ["PROBITY_STORE": nowhere])
        chat.send(Self.question + "\n")
        #expect(chat.waitFor("Why I ask"))
        #expect(chat.stdout.unwrapped.contains("transcript store cannot be reached"), "\(chat.stdout)")
        kill(chat.process.processIdentifier, SIGKILL)
        _ = chat.waitForExit()
        let path = try Self.onlyTranscript(home)
        let local = try TranscriptReader.read(path: path)
        #expect(local.seal == nil)
        #expect(try db.progress(local.id) == nil, "nothing reached the server")

        // The next start, with the store back, sends the killed chat's lines first.
        let next = try home.chat(["chat", "--council", "carlisle", "--role", "member"], input: "quit\n", extra: ["PROBITY_STORE": db.url(user: "erin")])
        #expect(next.stdout.unwrapped.contains("Sent the council's transcript store \(local.lines.count) lines of 1 earlier conversation"), "\(next.stdout)")
        let progress = try #require(try db.progress(local.id))
        #expect(progress.lines == local.lines.count && !progress.sealed)
        let sync = try Binary.run(["transcripts", "sync", "--store", db.url(user: "erin"), "--transcripts", home.transcripts])
        #expect(sync.status == 0)
        #expect(sync.stdout.contains("the store had everything"), "\(sync.stdout)")
        let report = try Binary.run(["transcripts", "report", "--store", db.url(user: "mo"), "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        #expect((json?["unsealed"] as? [[String: Any]])?.contains { $0["id"] as? String == local.id } == true, "\(report.stdout)")
    }

    @Test func twoUsersAtOnceEachRecordTheirOwn() throws {
        let db = try TestStore.database()
        let homes = try [ChatHome(), ChatHome()]
        defer { for home in homes { home.remove() } }
        let input = try Self.adviceInput()
        let chats = try zip(homes, ["alice", "bob"]).map { home, user in
            try ChatProcess(["chat", "--council", "carlisle", "--role", "member"], home: home, environment: ["PROBITY_STORE": db.url(user: user)])
        }
        // Line by line, in turn, so both are open at once.
        for line in input.split(separator: "\n") { for chat in chats { chat.send(line + "\n") } }
        for chat in chats {
            chat.closeInput()
            #expect(chat.waitForExit(seconds: 60)?.status == 0)
        }
        let rows = try db.connect("mo").query("SELECT db_user, sealed, lines FROM probity.transcripts ORDER BY db_user")
        #expect(rows.values.map { $0[0] } == ["alice", "bob"])
        #expect(rows.values.allSatisfy { $0[1] == "t" })
        let perLine = try db.connect("mo").query("SELECT DISTINCT t.db_user = l.db_user FROM probity.lines l JOIN probity.transcripts t ON t.id = l.transcript")
        #expect(perLine.values == [["t"]], "every line carries the user who sent it")
    }

    @Test func theMonitoringOfficerListsAndReportsAcrossThreeUsers() throws {
        let db = try TestStore.database()
        let chats: [(user: String, council: String, role: Role, topic: String, question: String)] = [
            ("alice", "carlisle", .member, "document-access", Self.question),
            ("bob", "wiltshire", .officer, "media-contact", "a journalist rang me about the depot closure"),
            ("carol", "tower-hamlets", .member, "document-access", Self.question),
        ]
        for chat in chats {
            let home = try ChatHome()
            defer { home.remove() }
            let input = try Self.adviceInput(topic: chat.topic, council: chat.council, role: chat.role, question: chat.question)
            let result = try home.chat(
                ["chat", "--council", chat.council, "--role", chat.role.rawValue, "--store", db.url(user: chat.user)],
                input: "how do I renew my passport?\n" + input)
            #expect(result.status == 0)
        }
        let mo = db.url(user: "mo")
        let list = try Binary.run(["transcripts", "list", "--store", mo])
        #expect(list.status == 0, "\(list.stderr)")
        for chat in chats { #expect(list.stdout.contains("sent by database user \(chat.user)")) }
        #expect(list.stdout.contains("3 transcripts"))
        let bob = try Binary.run(["transcripts", "list", "--store", mo, "--user", "bob", "--json"])
        #expect(bob.stdout.contains("wiltshire") && !bob.stdout.contains("carlisle"), "\(bob.stdout)")
        let members = try Binary.run(["transcripts", "list", "--store", mo, "--role", "member", "--topic", "document-access", "--json"])
        #expect(members.stdout.components(separatedBy: "\"databaseUser\"").count - 1 == 2, "\(members.stdout)")

        let report = try Binary.run(["transcripts", "report", "--store", mo, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(json["transcripts"] as? Int == 3)
        #expect(json["sealed"] as? Int == 3)
        let users = (json["byUser"] as? [[String: Any]])?.compactMap { $0["key"] as? String }.sorted()
        #expect(users == ["alice", "bob", "carol"])
        let topics = (json["byTopic"] as? [[String: Any]])?.reduce(into: [String: Int]()) { $0[$1["key"] as! String] = $1["count"] as? Int }
        #expect(topics?["document-access"] == 2 && topics?["media-contact"] == 1, "\(report.stdout)")
        let roles = (json["byRole"] as? [[String: Any]])?.reduce(into: [String: Int]()) { $0[$1["key"] as! String] = $1["count"] as? Int }
        #expect(roles == ["member": 2, "officer": 1])
        let markdown = try Binary.run(["transcripts", "report", "--store", mo])
        #expect(markdown.stdout.contains("## Questions Probity could not route"))
        #expect((json["unrouted"] as? [[String: Any]])?.first?["key"] as? String == "how do I renew my passport?", "\(report.stdout)")
        #expect((json["changedByRevision"] as? [Any])?.isEmpty == true, "nothing changed since")

        // Carlisle's protocol revised (every clause cut to its first half, which is still its source's words, so the
        // knowledge gate lets it through): the report replays the Carlisle transcript and lists it.
        let revised = FileManager.default.temporaryDirectory.appendingPathComponent("probity-revised-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Paths.repository + "/Knowledge", toPath: revised)
        defer { try? FileManager.default.removeItem(atPath: revised) }
        let versionFile = revised + "/councils/carlisle/versions/2007.json"
        var version = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: versionFile))) as? [String: Any])
        version["clauses"] = (version["clauses"] as? [[String: Any]])?.map { clause in
            var c = clause
            let words = (c["text"] as? String ?? "").split(separator: " ", omittingEmptySubsequences: false)
            c["text"] = words.prefix(max(1, words.count / 2)).joined(separator: " ")
            return c
        }
        try JSONSerialization.data(withJSONObject: version).write(to: URL(fileURLWithPath: versionFile))
        let after = try Binary.run(["transcripts", "report", "--store", mo, "--format", "json"], knowledge: revised)
        let afterJSON = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any], "\(after.stderr)")
        let changed = (afterJSON["changedByRevision"] as? [[String: Any]]) ?? []
        #expect(changed.map { $0["council"] as? String } == ["carlisle"], "\(after.stdout)")
        #expect((changed.first?["change"] as? String)?.contains("clause") == true)

        let wiltshire = try Binary.run(["transcripts", "list", "--store", mo, "--council", "wiltshire", "--json"])
        let id = try #require(wiltshire.stdout.split(separator: "\"").drop { $0 != "id" }.dropFirst(2).first.map(String.init))
        let show = try Binary.run(["transcripts", "show", id, "--store", mo])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.unwrapped.contains("a journalist rang me about the depot closure"))
    }
}

/// CI always has a server (scripts/test.sh starts one): there, the store's tests must not be skipped.
@Suite struct StoreServerConfiguredTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] != nil, "only CI must have a server"))
    func continuousIntegrationRunsTheStoreTestsAgainstARealServer() {
        #expect(TestStore.configured, "scripts/test.sh should have started a cluster and set PROBITY_TEST_STORE")
    }
}

/// Rewrites a transcript's lines so that every digest is right again: what a user who rewrites their own file can do.
enum ChainForger {
    static func rechain(_ lines: [String]) -> [String] {
        var previous = RecordCoding.genesisDigest
        return lines.map { line in
            var body = String(line[..<line.range(of: ",\"sha256\":\"", options: .backwards)!.lowerBound])
            if let range = body.range(of: #""prev":"[0-9a-f]{64}""#, options: .regularExpression) {
                body.replaceSubrange(range, with: "\"prev\":\"\(previous)\"")
            }
            let digest = SHA256.hex(Array((body + "}").utf8))
            let rewritten = body + ",\"sha256\":\"" + digest + "\"}"
            previous = SHA256.hex(Array(rewritten.utf8))
            return rewritten
        }
    }
}

extension TranscriptReader {
    /// A file's lines as text.
    static func read(bytes: Data) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
