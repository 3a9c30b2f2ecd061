import Testing
@testable import ProbityKit

/// The knowledge that ships must be sound, and every quoted clause must be its protocol's own words.
@Suite struct ShippedKnowledgeTests {
    static let read = KnowledgeLoader.read(directory: Paths.knowledge)

    @Test func loadsWithoutIssues() {
        #expect(Self.read.issues.isEmpty, "\(Self.read.issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func validatorFindsNothing() {
        let issues = Validator.validate(Self.read.knowledge)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func fourCouncilsAndBlackburnsTwoVersions() {
        let k = Self.read.knowledge
        #expect(Set(k.councils.map(\.id)) == ["blackburn-with-darwen", "carlisle", "tower-hamlets", "wiltshire"])
        let versions = k.versions(of: "blackburn-with-darwen")
        #expect(versions.count == 2)
        #expect(versions.last?.isCurrent == true && versions.first?.status == .superseded)
    }

    /// Every clause of all five documents, checked one by one against its source.
    @Test(arguments: KnowledgeLoader.read(directory: Paths.knowledge).knowledge.councilVersions.map(\.file))
    func everyClauseIsVerbatim(file: String) {
        let k = Self.read.knowledge
        guard let version = k.councilVersions.first(where: { $0.file == file }) else { Issue.record("\(file) not loaded"); return }
        #expect(!version.clauses.isEmpty)
        let issues = VerbatimCheck.issues(in: k, version: version)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func sourcesAreCopiesOfTheSeeds() throws {
        // Knowledge/sources holds the seeds unchanged (the Tower Hamlets clean reading is derived, not a seed).
        let seeds = Paths.repository + "/../shared/seeds"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds) else { return }  // no shared/ beside this clone
        for name in names where name.hasSuffix(".txt") {
            let seed = FileManager.default.contents(atPath: seeds + "/" + name)
            let copy = FileManager.default.contents(atPath: Paths.knowledge + "/sources/" + name)
            #expect(seed == copy, "Knowledge/sources/\(name) differs from the seed")
        }
    }
}

import Foundation
