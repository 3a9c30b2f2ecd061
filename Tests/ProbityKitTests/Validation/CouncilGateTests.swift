import Foundation
import Testing

@testable import ProbityKit

/// The knowledge gate scoped to what a command reads: the catalogue always, each council when it is first read.
/// A council that fails `validate` is refused, with validate's own messages, whenever it is read, and stops nothing
/// about another council; each verdict is remembered by the signature of what it covers.
@Suite struct CouncilGateTests {
    /// A private copy of the `sound` fixture, its councils named from the knowledge: `advised`, one with advice of its
    /// own (a walk reaches it), and `other`, another.
    private struct Setup {
        let dir = TemporaryDirectory()
        let knowledge: String
        let verdicts: VerdictCache
        let advised: String
        let other: String
        let topic: String

        init() throws {
            knowledge = dir.path + "/knowledge"
            try FileManager.default.copyItem(atPath: KnowledgeFixture.path("sound"), toPath: knowledge)
            verdicts = VerdictCache(directory: dir.path + "/cache", settleNanoseconds: 40_000_000)
            let read = KnowledgeLoader.read(directory: knowledge).knowledge
            topic = try #require(read.topics.first).id
            let advised = try #require(read.councilIDs.first { !read.trees(council: $0).isEmpty })
            self.advised = advised
            other = try #require(read.councilIDs.first { $0 != advised })
            usleep(80_000)  // older than the settle time, so that verdicts are kept
        }

        func load(_ councils: KnowledgeLoader.Councils) throws(KnowledgeError) -> KnowledgeBase {
            try KnowledgeGate.load(directory: knowledge, councils: councils, cache: verdicts)
        }

        /// Puts words in front of the first clause of a council's current version, so it is no longer the source's.
        func alterAClause(of council: String) throws {
            let version = try #require(KnowledgeLoader.read(directory: knowledge).knowledge.council(id: council))
            let clause = try #require(version.clauses.first)
            let file = knowledge + "/" + version.file
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: clause.text, with: "Probity was told otherwise: " + clause.text)
                .write(toFile: file, atomically: true, encoding: .utf8)
            usleep(80_000)
        }

        /// Whether a verdict is remembered for this state of a council (with the catalogue).
        func remembered(_ council: String) throws -> Bool {
            let catalogue = try #require(KnowledgeSignature.catalogue(directory: knowledge))
            return verdicts.isSound(try #require(KnowledgeSignature.council(council, directory: knowledge, catalogue: catalogue)))
        }
    }

    @Test func aBrokenCouncilDoesNotStopAWalkWithAnother() throws {
        let setup = try Setup()
        try setup.alterAClause(of: setup.other)
        let knowledge = try setup.load(.only([setup.advised]))
        var session = try Session(knowledge: knowledge, council: setup.advised, role: .member)
        try session.begin(topicID: setup.topic)
        #expect(session.step != nil)
        #expect(knowledge.issues(council: setup.advised).isEmpty)
        #expect(!knowledge.topics.isEmpty)
    }

    /// Read, the broken council is refused with exactly what `validate` says of it (file:line:column), however it is
    /// reached: named when the knowledge is loaded, chosen later, or by a command that reads every council.
    @Test func aBrokenCouncilIsRefusedWithValidatesMessageWheneverItIsRead() throws {
        let setup = try Setup()
        try setup.alterAClause(of: setup.other)
        let expected = KnowledgeGate.validate(directory: setup.knowledge).issues
        #expect(expected.contains { $0.position != nil && $0.message.contains("is not the source's words") }, "\(expected)")
        for scope in [KnowledgeLoader.Councils.only([setup.other]), .all] {
            #expect(throws: KnowledgeError.self) { try setup.load(scope) }
            do {
                _ = try setup.load(scope)
            } catch {
                #expect(error.issues == expected, "\(scope)")
            }
        }
        // Loaded for another council, then chosen: refused the same way, and nothing of it is handed out.
        let knowledge = try setup.load(.only([setup.advised]))
        #expect(knowledge.issues(council: setup.other) == expected)
        #expect(knowledge.folder(id: setup.other) == nil && knowledge.council(id: setup.other) == nil)
        var session = try Session(knowledge: knowledge, council: setup.advised, role: .member)
        #expect(throws: Session.Problem.unsoundCouncil(setup.other, issues: expected, directory: setup.knowledge)) {
            try session.setCouncil(setup.other)
        }
        #expect(session.councilID == setup.advised)
        let error = KnowledgeError(issues: expected, directory: setup.knowledge).description
        #expect(Session.Problem.unsoundCouncil(setup.other, issues: expected, directory: setup.knowledge).description == error)
    }

    /// The chat's `council X` asks the gate first: a broken council is refused with validate's message.
    @Test func theChatRefusesToSwitchToABrokenCouncil() throws {
        let setup = try Setup()
        try setup.alterAClause(of: setup.other)
        let knowledge = try setup.load(.only([setup.advised]))
        var conversation = Conversation(
            session: try Session(knowledge: knowledge, council: setup.advised, role: .member), router: Router(knowledge: knowledge))
        _ = conversation.start(recording: "")
        let shown = conversation.handle("council \(setup.other)").shownText.unwrapped
        let issue = try #require(knowledge.issues(council: setup.other).first)
        #expect(shown.contains(issue.located(in: setup.knowledge)), "\(shown)")
        // Chosen by name at the council question, the same.
        var asking = Conversation(session: try Session(knowledge: knowledge, role: .member), router: Router(knowledge: knowledge))
        _ = asking.start(recording: "")
        let named = try #require(knowledge.councilNames.first { $0.id == setup.other }).name
        #expect(asking.handle(named).shownText.unwrapped.contains(issue.located(in: setup.knowledge)))
        #expect(asking.session.councilID == nil)
        #expect(conversation.session.councilID == setup.advised)
    }

    @Test func aChangeInOneCouncilForgetsOnlyThatCouncilsVerdict() throws {
        let setup = try Setup()
        _ = try setup.load(.all)
        #expect(try setup.remembered(setup.advised) && setup.remembered(setup.other))
        try setup.alterAClause(of: setup.other)
        #expect(try setup.remembered(setup.advised), "the other council's verdict still holds")
        #expect(try !setup.remembered(setup.other))
        #expect(throws: KnowledgeError.self) { try setup.load(.only([setup.other])) }
        #expect(try setup.load(.only([setup.advised])).issues(council: setup.advised).isEmpty)
    }

    @Test func aChangeToTheCatalogueForgetsEveryVerdict() throws {
        let setup = try Setup()
        _ = try setup.load(.all)
        #expect(try setup.remembered(setup.advised) && setup.remembered(setup.other))
        let file = setup.knowledge + "/catalogue/topics/\(setup.topic).json"
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(FileManager.default.createFile(atPath: file, contents: bytes))  // the same bytes, written again
        usleep(80_000)
        #expect(try !setup.remembered(setup.advised) && !setup.remembered(setup.other))
        #expect(try KnowledgeGate.check(directory: setup.knowledge, councils: .none, cache: setup.verdicts) != nil, "the catalogue checked again")
        _ = try setup.load(.all)
        #expect(try setup.remembered(setup.advised) && setup.remembered(setup.other))
    }

    /// `validate` remembers every verdict, so that the next command about any council checks nothing again.
    @Test func validateRemembersTheCatalogueAndEveryCouncil() throws {
        let setup = try Setup()
        #expect(KnowledgeGate.validate(directory: setup.knowledge, cache: setup.verdicts).issues.isEmpty)
        #expect(try setup.remembered(setup.advised) && setup.remembered(setup.other))
        #expect(try KnowledgeGate.check(directory: setup.knowledge, councils: .none, cache: setup.verdicts) == nil)
    }
}
