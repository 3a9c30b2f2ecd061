import Foundation
import Testing

@testable import ProbityKit

@Suite struct TranscriptDirectoryTests {
    @Test func anExplicitFolderComesFirstThenTheEnvironment() {
        let env = ["PROBITY_TRANSCRIPTS": "/from/env", "HOME": "/home/u"]
        #expect(TranscriptDirectory.locate(explicit: "/given", environment: env) == .init(path: "/given", isDefault: false))
        #expect(TranscriptDirectory.locate(explicit: nil, environment: env) == .init(path: "/from/env", isDefault: false))
        #expect(TranscriptDirectory.locate(explicit: "", environment: env) == .init(path: "/from/env", isDefault: false))
    }

    @Test func theCheckoutsTranscriptsFolderIsFoundFromTheExecutable() {
        let location = TranscriptDirectory.locate(
            explicit: nil, environment: ["HOME": "/home/u"],
            executablePath: Paths.repository + "/.build/debug/probity")
        #expect(location == .init(path: Paths.repository + "/transcripts", isDefault: true))
    }

    @Test func outsideACheckoutItIsTheUsersDataFolder() {
        let dir = TemporaryDirectory()
        #expect(
            TranscriptDirectory.locate(explicit: nil, environment: ["HOME": "/home/u"], executablePath: "/usr/local/bin/probity", currentDirectory: dir.path)
                == .init(path: "/home/u/.local/share/probity/transcripts", isDefault: true))
        #expect(
            TranscriptDirectory.locate(
                explicit: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"], executablePath: "/usr/local/bin/probity", currentDirectory: dir.path)
                == .init(path: "/data/probity/transcripts", isDefault: true))
    }

    /// Probity never changes the mode of a folder it did not create, even one it chose itself (the checkout's
    /// `transcripts/`, a symbolic link to a folder set up for the purpose): it says so instead.
    @Test func aFolderAlreadyThereKeepsItsModeEvenWhenProbityChoseIt() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/t"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let link = dir.path + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        for path in [folder, link] {
            let prepared = try TranscriptDirectory.prepare(.init(path: path, isDefault: true))
            #expect(prepared.warning == "\(path) can be opened by other people on this computer; transcripts in it are still readable only by you.")
            #expect(try mode(folder) == 0o755)
        }
    }

    @Test func theFoldersProbityCreatesArePrivate() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/a/b"
        let prepared = try TranscriptDirectory.prepare(.init(path: folder, isDefault: true))
        #expect(prepared.warning == nil)
        #expect(try mode(folder) == 0o700)
        #expect(try mode(dir.path + "/a") == 0o700)
    }

    @Test func aFolderTheUserNamedIsLeftAloneWithAWarning() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/shared"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let prepared = try TranscriptDirectory.prepare(.init(path: folder, isDefault: false))
        #expect(prepared.warning == "\(folder) can be opened by other people on this computer; transcripts in it are still readable only by you.")
        #expect(try mode(folder) == 0o755)
    }

    @Test func aFileInTheWayIsReportedInPlainWords() {
        let dir = TemporaryDirectory()
        let file = dir.file("f")
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        #expect(throws: TranscriptStorageError.unusableDirectory(path: file, reason: "it is a file, not a folder")) {
            try TranscriptDirectory.prepare(.init(path: file, isDefault: false))
        }
        #expect(throws: TranscriptStorageError.unusableDirectory(path: file + "/sub", reason: "part of that path is a file, not a folder")) {
            try TranscriptDirectory.prepare(.init(path: file + "/sub", isDefault: false))
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func aReadOnlyFolderIsReportedInPlainWords() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/locked"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
        defer { chmod(folder, 0o700) }
        #expect(throws: TranscriptStorageError.unusableDirectory(path: folder, reason: "permission denied (you may not write there)")) {
            try TranscriptDirectory.prepare(.init(path: folder, isDefault: false))
        }
    }

    @Test func gitIgnoresRealTranscriptsButNotTheReadmeOrExamples() throws {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.currentDirectoryURL = URL(fileURLWithPath: Paths.repository)
        git.arguments = [
            "git", "check-ignore", "--no-index", "-v", "--non-matching",
            "transcripts/20261125T000000Z-0123abcd.jsonl", "transcripts/20261125T000000Z-0123abcd.md",
            "transcripts/README.md", "transcripts/examples/carlisle-document-access.input",
            "transcripts/examples/sample/anything.jsonl",
        ]
        let out = Pipe()
        git.standardOutput = out
        git.standardError = Pipe()
        try git.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        func ignored(_ path: String) -> Bool {
            // Ignored: "<source>:<line>:<pattern>\t<path>" with a pattern that does not start with "!".
            guard let line = lines.first(where: { $0.hasSuffix("\t" + path) }) else { return false }
            let pattern = line.split(separator: "\t")[0].split(separator: ":").dropFirst(2).joined(separator: ":")
            return !pattern.isEmpty && !pattern.hasPrefix("!")
        }
        #expect(lines.count == 5)
        #expect(ignored("transcripts/20261125T000000Z-0123abcd.jsonl"))
        #expect(ignored("transcripts/20261125T000000Z-0123abcd.md"))
        #expect(!ignored("transcripts/README.md"))
        #expect(!ignored("transcripts/examples/carlisle-document-access.input"))
        #expect(!ignored("transcripts/examples/sample/anything.jsonl"))
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

@Suite struct TranscriptIDTests {
    @Test func anIdIsTheStartTimeAndARandomSuffix() {
        var random = SystemRandomNumberGenerator()
        let id = TranscriptID.make(at: Date(timeIntervalSince1970: 1_795_000_000.25), using: &random)
        #expect(id.rawValue.hasPrefix("20261118T110640Z-"))
        #expect(TranscriptID.isWellFormed(id.rawValue))
        #expect(id.fileName == id.rawValue + ".jsonl")
        #expect(id.markdownFileName == id.rawValue + ".md")
    }

    @Test func twoIdsInTheSameSecondDiffer() {
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = Set((0..<50).map { _ in TranscriptID.make(at: date).rawValue })
        #expect(ids.count == 50)
    }

    @Test(arguments: [
        "", "../20261118T110640Z-0123abcd", "20261118T110640Z-0123ABCD", "20261118T110640Z-0123abc",
        "20261118X110640Z-0123abcd", "20261118T110640Z-0123abcd.jsonl", "20261118T110640Z/0123abcd",
    ])
    func anythingElseIsNotAnId(text: String) {
        #expect(TranscriptID(text) == nil)
    }
}
