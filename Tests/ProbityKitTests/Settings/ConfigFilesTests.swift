import Foundation
import Testing

@testable import ProbityKit

@Suite struct ConfigFilesTests {
    private func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("probity-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/home/probity", withIntermediateDirectories: true)
        return path
    }

    @Test func theSystemFileIsReadFirstAndTheUsersWins() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let councils = try KnowledgeLoader.load(directory: Paths.knowledge, councils: .none).councilIDs
        try "council = \(councils[0])\nrole = officer\nstore = postgres://db/probity\n".write(toFile: root + "/system", atomically: true, encoding: .utf8)
        try "council = \(councils[1])\n".write(toFile: root + "/home/probity/config", atomically: true, encoding: .utf8)
        let files = ConfigFiles(environment: ["PROBITY_SYSTEM_CONFIG": root + "/system", "XDG_CONFIG_HOME": root + "/home"])
        #expect(files.system == root + "/system")
        #expect(files.user == root + "/home/probity/config")
        let loaded = files.load()
        #expect(loaded.council?.value == councils[1] && loaded.council?.file == root + "/home/probity/config")
        #expect(loaded.role?.value == .officer && loaded.role?.file == root + "/system")
        #expect(loaded.problems.isEmpty)
    }

    @Test func defaultsAndProblemsNameTheirFile() throws {
        let defaults = ConfigFiles(environment: ["HOME": "/home/someone"])
        #expect(defaults.system == "/etc/probity/config")
        #expect(defaults.user == "/home/someone/.config/probity/config")
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "role = mayor\n".write(toFile: root + "/system", atomically: true, encoding: .utf8)
        let loaded = ConfigFiles(system: root + "/system", user: nil).load()
        #expect(loaded.role == nil)
        #expect(loaded.problems.count == 1 && loaded.problems[0].contains(root + "/system") && loaded.problems[0].contains("line 1"))
    }

    @Test func rolesInPlainWords() {
        #expect(Role(argument: "councillor") == .member)
        #expect(Role(argument: "Cllr") == .member)
        #expect(Role(argument: "employee") == .officer)
        #expect(Role(argument: "mayor") == nil)
        #expect(ChatSettings.parse("role = councillor").role == .member)
    }
}
