import Testing

@testable import ProbityKit

/// The catalogue of subjects the protocols do not cover, and each council's clauses that touch them.
@Suite struct OutOfScopeTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge

    @Test func theShippedCatalogueNamesWhereEachRuleLivesAndTheMonitoringOfficer() {
        #expect(Self.knowledge.outOfScope.count >= 7)
        for subject in Self.knowledge.outOfScope {
            #expect(subject.reply.contains("Monitoring Officer"), "\(subject.id)")
            #expect(!subject.signals.isEmpty)
        }
    }

    @Test func signalsMatchWholeWordsWithPluralsButNotStems() throws {
        let subjects = [
            OutOfScopeSubject(
                id: "allowances", title: "Allowances", ruleLivesIn: "the scheme", reply: "Monitoring Officer",
                signals: ["allowance"])
        ]
        let matcher = OutOfScopeMatcher(subjects: subjects)
        #expect(matcher.subject(in: "what are the councillors' allowances?")?.id == "allowances")
        #expect(matcher.subject(in: "is that allowed?") == nil, "allowance is not allow")
    }

    @Test func eachCouncilsDeclaredClausesAreItsOwnAndVerbatim() throws {
        var found = 0
        for id in Self.knowledge.councilIDs {
            let folder = try #require(Self.knowledge.folder(id: id))
            for subject in Self.knowledge.outOfScope {
                let clauses = Self.knowledge.clauses(touching: subject, council: id)
                #expect(clauses.count == (folder.outOfScope[subject.id] ?? []).count)
                for quoted in clauses {
                    found += 1
                    #expect(quoted.councilID == id)
                    #expect(folder.current?.clause(id: quoted.clause.id)?.text == quoted.clause.text)
                }
            }
        }
        #expect(found > 0, "some council declares a clause touching a subject")
    }

    @Test func aSubjectNoCouncilDeclaresHasNoClauses() {
        let subject = OutOfScopeSubject(id: "not-declared", title: "x", ruleLivesIn: "y", reply: "Monitoring Officer", signals: ["z"])
        for id in Self.knowledge.councilIDs { #expect(Self.knowledge.clauses(touching: subject, council: id).isEmpty) }
    }
}
