import Foundation
import Testing

@testable import ProbityKit

/// An installed binary (PREFIX/bin/probity beside PREFIX/share/probity) finds its knowledge there and keeps its
/// transcripts in the user's own folder.
@Suite struct InstallationTests {
    @Test func anInstalledBinaryUsesShareProbityAndTheUsersDataFolder() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("probity-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/probity/councils", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: prefix + "/bin/probity", contents: Data())
        let binary = prefix + "/bin/probity"
        #expect(Installation(executablePath: binary)?.shareDirectory.hasSuffix("/share/probity") == true)
        // Beside the binary first, even when $PROBITY_KNOWLEDGE names another folder…
        let found = KnowledgeLocator.locate(explicit: nil, environment: ["PROBITY_KNOWLEDGE": Paths.knowledge], executablePath: binary)
        #expect(found.hasSuffix("/share/probity/councils") == false && found.hasSuffix("/share/probity"))
        #expect(KnowledgeLocator.locate(explicit: "/elsewhere", executablePath: binary) == "/elsewhere")
        // …and transcripts go to the user's data folder, even when run from inside a checkout.
        let location = TranscriptDirectory.locate(
            explicit: nil, environment: ["XDG_DATA_HOME": "/data/u"], executablePath: binary,
            currentDirectory: Paths.repository)
        #expect(location.path == "/data/u/probity/transcripts")
        // A symbolic link to the binary (another folder on $PATH) leads to the same installation.
        try FileManager.default.createDirectory(atPath: prefix + "/links", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: prefix + "/links/probity", withDestinationPath: binary)
        #expect(Installation(executablePath: prefix + "/links/probity")?.shareDirectory == Installation(executablePath: binary)?.shareDirectory)
        // A binary in a checkout is not installed.
        #expect(Installation(executablePath: Paths.repository + "/.build/debug/probity") == nil)
    }
}
