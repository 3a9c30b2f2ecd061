import Testing

@testable import ProbityKit

@Suite struct SessionTests {
    private func start(council: String? = "testshire", role: Role? = .member) throws -> Session {
        var session = try Session(knowledge: try KnowledgeFixture.sound(), council: council, role: role)
        try session.begin(topicID: "sample")
        return session
    }

    private func prompt(_ session: Session) -> String? {
        if case .question(let q)? = session.step { return q.prompt }
        return nil
    }

    private func advice(_ session: Session) -> AdviceResult? {
        if case .advice(let a)? = session.step { return a }
        return nil
    }

    @Test func walksToAdviceQuotingTheClausesVerbatim() throws {
        var session = try start()
        #expect(prompt(session) == "Is the document confidential?")
        try session.answer("1")
        #expect(prompt(session) == "Do you sit on the committee?")
        try session.answer("no")
        let result = try #require(advice(session))
        #expect(result.verdict == .no)
        #expect(result.quotes.map(\.clause.id) == ["3", "2"])
        #expect(result.quotes[0].clause.text == "Confidential documents are shown only to members of the committee.")
        #expect(result.quotes[0].note == "limits confidential papers")
        #expect(result.councilID == "testshire" && result.protocolVersion == "1")
    }

    @Test func backUndoesTheLastAnswerAndWhyExplains() throws {
        var session = try start()
        try session.answer("yes")
        try session.answer("yes")
        #expect(advice(session)?.verdict == .yes)
        #expect(session.reasons.map(\.answer) == ["Testshire District Council", "Yes, it is confidential", "Yes"])
        let wentBack = session.back()
        #expect(wentBack)
        #expect(prompt(session) == "Do you sit on the committee?")
        try session.answer("n")
        #expect(advice(session)?.verdict == .no)
        let twice = session.back() && session.back()
        #expect(twice)
        #expect(prompt(session) == "Is the document confidential?")
        let more = session.back()
        #expect(!more, "nothing left to undo in this topic")
    }

    @Test func backToAnEarlierQuestionUndoesLaterAnswers() throws {
        var session = try start()
        try session.answer("yes")
        try session.answer("yes")
        let wentBack = session.back(to: "kind")
        #expect(wentBack)
        #expect(prompt(session) == "Is the document confidential?")
        #expect(session.reasons.count == 1)
    }

    @Test func restartForgetsThisTopicsAnswersButNotTheCouncil() throws {
        var session = try start()
        try session.answer("no")
        #expect(advice(session) != nil)
        session.restart()
        #expect(prompt(session) == "Is the document confidential?")
        #expect(session.councilID == "testshire")
    }

    @Test func asksForTheCouncilWhenABranchNeedsIt() throws {
        var session = try start(council: nil, role: nil)
        guard case .question(let q)? = session.step else {
            Issue.record("no question")
            return
        }
        #expect(q.kind == .council)
        #expect(q.options.map(\.id).sorted() == ["otherton", "testshire"])
        try session.answer("Otherton")
        let result = try #require(advice(session))
        #expect(result.silent && result.quotes.map(\.clause.id) == ["A1"])
        #expect(session.reasons.first?.askedInThisTopic == true)
    }

    @Test func aBadAnswerIsRefusedWithTheOptions() throws {
        let session = try start()
        #expect(throws: Session.Problem.self) {
            var s = session
            try s.answer("maybe")
        }
        #expect(throws: Session.Problem.self) {
            var s = session
            try s.answer("7")
        }
        #expect(prompt(session) == "Is the document confidential?")
    }

    @Test func factsCarryAcrossTopicsAndAreNotAskedAgain() throws {
        var session = try start()
        try session.answer("no")
        session.endTopic()
        try session.begin(topicID: "sample")
        // The topic-local fact is remembered, so the walk goes straight to the same advice.
        #expect(advice(session)?.nodeID == "need")
        #expect(session.reasons.last?.askedInThisTopic == false)
    }

    @Test func walkAnswersByNodeIdOrFactKey() throws {
        var session = try start()
        try session.setAnswer("kind", option: "yes")
        try session.setAnswer("sample.committee", option: "2")
        #expect(advice(session)?.nodeID == "refused")
        #expect(throws: Session.Problem.self) {
            var s = session
            try s.setAnswer("nonsense", option: "yes")
        }
        #expect(throws: Session.Problem.self) {
            var s = session
            try s.setAnswer("kind", option: "perhaps")
        }
    }

    @Test func unknownCouncilAndTopicNameTheChoices() throws {
        #expect(throws: Session.Problem.unknownCouncil("Narnia", known: ["otherton", "testshire"])) {
            _ = try Session(knowledge: try KnowledgeFixture.sound(), council: "Narnia")
        }
        let session = try start()
        #expect(throws: Session.Problem.self) {
            var s = session
            try s.begin(topicID: "nope")
        }
    }
}
