import Foundation
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

    /// Every council folder is a council, with exactly one current version, listed last after any earlier ones.
    @Test func everyCouncilFolderHasOneCurrentVersion() throws {
        let k = Self.read.knowledge
        let folders = try FileManager.default.contentsOfDirectory(atPath: Paths.knowledge + "/councils").filter { !$0.hasPrefix(".") }
        #expect(Set(k.councils.map(\.id)) == Set(folders))
        for id in folders {
            let versions = k.versions(of: id)
            #expect(versions.filter(\.isCurrent).count == 1, "\(id) must have one current version")
            #expect(versions.last?.isCurrent == true)
            #expect(versions.dropLast().allSatisfy { $0.status == .superseded }, "\(id): earlier versions are superseded")
        }
    }

    /// Every clause of all five documents, checked one by one against its source.
    @Test(arguments: KnowledgeLoader.read(directory: Paths.knowledge).knowledge.councilVersions.map(\.file))
    func everyClauseIsVerbatim(file: String) {
        let k = Self.read.knowledge
        guard let version = k.councilVersions.first(where: { $0.file == file }) else {
            Issue.record("\(file) not loaded")
            return
        }
        #expect(!version.clauses.isEmpty)
        let issues = VerbatimCheck.issues(in: k, version: version)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func sourcesAreCopiesOfTheSeeds() throws {
        // Each council's sources/ holds its seeds unchanged (a derived reading, such as Tower Hamlets' clean one, is not a seed).
        let fm = FileManager.default
        let seeds = Paths.repository + "/../shared/seeds"
        guard let names = try? fm.contentsOfDirectory(atPath: seeds) else { return }  // no shared/ beside this clone
        let councils = try fm.contentsOfDirectory(atPath: Paths.knowledge + "/councils").filter { !$0.hasPrefix(".") }
        for name in names where name.hasSuffix(".txt") {
            let seed = fm.contents(atPath: seeds + "/" + name)
            let copies = councils.compactMap { fm.contents(atPath: "\(Paths.knowledge)/councils/\($0)/sources/\(name)") }
            #expect(copies.count == 1, "seed \(name) should be in exactly one council's sources/")
            #expect(copies.allSatisfy { $0 == seed }, "a copy of \(name) differs from the seed")
        }
    }
}
