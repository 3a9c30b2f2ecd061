import Foundation
import Testing

@testable import ProbityKit

/// The store's pieces that need no server: addresses, settings, the schema file, comparison with a local copy.
@Suite struct StoreClientTests {
    @Test func aStoreAddressIsShownWithoutItsPassword() {
        #expect(StoreAddress("postgresql://alice:s3cret@db.council.local/probity").description == "postgresql://alice:***@db.council.local/probity")
        #expect(
            StoreAddress("postgresql://alice@db/probity?password=s3cret&sslmode=require").description
                == "postgresql://alice@db/probity?password=***&sslmode=require")
        #expect(StoreAddress("host=db password=s3cret dbname=probity").description == "host=db password=*** dbname=probity")
        #expect(StoreAddress("postgresql://db/probity").description == "postgresql://db/probity")
        #expect(!StoreAddress("db.council.local").isValid)
    }

    @Test func theSchemaInitRunsIsTheFileAnAdministratorReads() throws {
        let file = try String(contentsOfFile: Paths.repository + "/store/schema.sql", encoding: .utf8)
        #expect(StoreSchema.sql == file, "run scripts/embed-store-schema.sh after editing store/schema.sql")
    }

    @Test func theSettingsFileNamesTheStoreAndTheFullName() {
        let settings = ChatSettings.parse("council = carlisle\nname = Jane Smith\nstore = postgresql://db.council.local/probity\n")
        #expect(settings.name == "Jane Smith")
        #expect(settings.store == "postgresql://db.council.local/probity")
        #expect(settings.problems.isEmpty)
        let bad = ChatSettings.parse("store = db.council.local\n")
        #expect(bad.store == nil)
        #expect(bad.problems.count == 1)
        // Remembering the council leaves the store line alone.
        let merged = ChatSettings(council: "wiltshire").merged(into: "store = postgresql://db/p\ncouncil = carlisle\n")
        #expect(merged == "store = postgresql://db/p\ncouncil = wiltshire\n")
    }

    @Test func theStoreOptionBeatsTheEnvironmentWhichBeatsTheUsersConfigWhichBeatsTheSystems() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("probity-store-config-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        func settings(system: String?, user: String?) -> ConfigFiles.Loaded {
            if let system { fm.createFile(atPath: folder + "/system", contents: Data(system.utf8)) } else { try? fm.removeItem(atPath: folder + "/system") }
            if let user { fm.createFile(atPath: folder + "/user", contents: Data(user.utf8)) } else { try? fm.removeItem(atPath: folder + "/user") }
            return ConfigFiles(system: folder + "/system", user: folder + "/user").load()
        }
        let both = settings(system: "store = postgresql://system/p\n", user: "store = postgresql://user/p\n")
        #expect(
            StoreLocator.resolve(explicit: "postgresql://option/p", environment: ["PROBITY_STORE": "postgresql://env/p"], settings: both)?.url
                == "postgresql://option/p")
        #expect(StoreLocator.resolve(explicit: nil, environment: ["PROBITY_STORE": "postgresql://env/p"], settings: both)?.url == "postgresql://env/p")
        #expect(StoreLocator.resolve(explicit: nil, environment: [:], settings: both)?.url == "postgresql://user/p")
        let systemOnly = settings(system: "store = postgresql://system/p\n", user: nil)
        #expect(StoreLocator.resolve(explicit: nil, environment: [:], settings: systemOnly)?.url == "postgresql://system/p")
        #expect(StoreLocator.resolve(explicit: nil, environment: ["PROBITY_STORE": ""], settings: both) == nil, "empty turns it off")
        let turnedOff = settings(system: "store = postgresql://system/p\n", user: "store =\n")
        #expect(StoreLocator.resolve(explicit: nil, environment: [:], settings: turnedOff) == nil)
        #expect(ConfigFiles(environment: [:]).system == "/etc/probity/config")
        #expect(ConfigFiles(environment: ["PROBITY_SYSTEM_CONFIG": "/tmp/x"]).system == "/tmp/x")
    }

    @Test func arrayLiteralsQuoteEveryElement() {
        #expect(PostgresArray.literal(["a", "b\"c", "d\\e", "f,g"]) == #"{"a","b\"c","d\\e","f,g"}"#)
    }

    @Test func aLocalCopyIsComparedWithTheStoresLineByLine() {
        func document(_ lines: [String]) -> TranscriptDocument {
            TranscriptReader.parse(Array((lines.joined(separator: "\n") + "\n").utf8), path: "x.jsonl")
        }
        let stored = document(["one", "two", "three"])
        #expect(StoreComparison.compare(local: document(["one", "two", "three"]), stored: stored) == .same(lines: 3))
        #expect(
            StoreComparison.compare(local: document(["one", "TWO", "three"]), stored: stored)
                == .differs(line: 2, message: "line 2 differs from the store's copy"))
        #expect(
            StoreComparison.compare(local: document(["one"]), stored: stored)
                == .differs(line: 2, message: "the store has lines 2–3, which this file lacks: lines were removed from this file"))
        #expect(StoreComparison.compare(local: document(["one", "two", "three", "four"]), stored: stored) == .notYetSent(firstLine: 4, lastLine: 4))
        #expect(StoreComparison.compare(local: stored, stored: nil) == .missingFromStore)
    }

    @Test func theHeaderRecordsWhoAndWhere() throws {
        let dir = TemporaryDirectory()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: TinyKnowledge.make(),
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil,
            identity: TranscriptIdentity(user: "jsmith", fullName: "Jane Smith", machine: "council-pc-7"))
        recorder.record(.ended(reason: "quit"))
        guard case .finished(.sealed(let path, _, _)) = recorder.status else {
            Issue.record("not sealed")
            return
        }
        let header = try #require(try TranscriptReader.read(path: path).header)
        #expect(header.user == "jsmith" && header.fullName == "Jane Smith" && header.machine == "council-pc-7")
        let current = TranscriptIdentity.current(fullName: "", environment: [:])
        #expect(current.user?.isEmpty == false && current.machine?.isEmpty == false)
        #expect(current.fullName == nil, "an empty name is no name")
    }

    @Test func filtersNarrowByUserTopicVerdictAndDate() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        let entry = try! TranscriptLibrary.load(path: path)
        let topic = entry.summary.topics.first ?? "none"
        let day = String((entry.summary.started ?? "").prefix(10))
        #expect(TranscriptFilter(council: "testshire", role: "member", topic: topic, from: day, to: day).matches(entry))
        #expect(!TranscriptFilter(topic: "no-such-topic").matches(entry))
        #expect(!TranscriptFilter(verdict: "no-such-verdict").matches(entry))
        #expect(!TranscriptFilter(user: "nobody").matches(entry))
        #expect(!TranscriptFilter(from: "2999-01-01").matches(entry))
        #expect(!TranscriptFilter(to: "2000-01-01").matches(entry))
    }
}
