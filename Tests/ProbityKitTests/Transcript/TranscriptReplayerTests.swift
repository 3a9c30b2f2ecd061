import Foundation
import Testing

@testable import ProbityKit

@Suite struct TranscriptReplayerTests {
    private func recorded(_ knowledge: KnowledgeBase, events: [ConversationEvent]? = nil) throws -> (TranscriptDocument, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge, events: events)
        return (try TranscriptReader.read(path: path), dir)
    }

    @Test func theSameKnowledgeGivesTheSameAdvice() throws {
        let knowledge = TinyKnowledge.make()
        let (doc, dir) = try recorded(knowledge)
        _ = dir
        let report = TranscriptReplayer(knowledge: knowledge).replay(doc)
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(!finding.changed)
        #expect(finding.problems.isEmpty)
        #expect(finding.clauses.map(\.change) == [.unchanged])
        #expect(!report.changed)
    }

    @Test func aClauseWhoseWordsChangedIsNamed() throws {
        let (doc, dir) = try recorded(TinyKnowledge.make())
        _ = dir
        let revised = TinyKnowledge.make(version: "2", clauseText: "Council printers are for council business and ward work only.")
        let finding = try #require(TranscriptReplayer(knowledge: revised).replay(doc).findings.first)
        #expect(finding.changed)
        #expect(finding.versionChanged)
        #expect(!finding.verdictChanged)
        let clause = try #require(finding.clauses.first)
        #expect(clause.clause == "1")
        #expect(clause.change == .textChanged)
        #expect(clause.recordedText == "Council printers are for council business only.")
        #expect(clause.currentText == "Council printers are for council business and ward work only.")
    }

    @Test func aChangedVerdictAndANewlyQuotedClauseAreNamed() throws {
        let (doc, dir) = try recorded(TinyKnowledge.make())
        _ = dir
        let revised = TinyKnowledge.make(version: "2", campaignVerdict: .askMonitoringOfficer, extraCitation: true)
        let finding = try #require(TranscriptReplayer(knowledge: revised).replay(doc).findings.first)
        #expect(finding.verdictChanged)
        #expect(finding.recordedVerdict == "no")
        #expect(finding.currentVerdict == "ask-monitoring-officer")
        #expect(finding.clauses.map(\.change) == [.unchanged, .newlyQuoted])
        #expect(finding.clauses.last?.clause == "3")
    }

    @Test func anAnswerNoLongerOfferedIsAProblem() throws {
        let (doc, dir) = try recorded(TinyKnowledge.make())
        _ = dir
        let revised = TinyKnowledge.make(campaignOptionID: "election")
        let finding = try #require(TranscriptReplayer(knowledge: revised).replay(doc).findings.first)
        #expect(finding.changed)
        #expect(finding.problems.contains("the answer \"campaign\" to \"What is the printing for?\" is no longer one of its options"))
        #expect(finding.problems.contains("the advice would now need another answer first: \"What is the printing for?\""))
    }

    @Test func backAndRestartAreFollowed() throws {
        let knowledge = TinyKnowledge.make()
        var events = TinyKnowledge.conversation(knowledge)
        // Answer "ward" first, go back, then answer "campaign": the advice was for the campaign.
        let advisedIndex = try #require(events.firstIndex { if case .advised = $0 { true } else { false } })
        events.insert(
            contentsOf: [
                .answered(topic: "printing", fact: "printing.purpose", option: "ward", label: "A ward newsletter"),
                .wentBack(topic: "printing", fact: "printing.purpose"),
            ], at: advisedIndex - 1)
        let (doc, dir) = try recorded(knowledge, events: events)
        _ = dir
        let finding = try #require(TranscriptReplayer(knowledge: knowledge).replay(doc).findings.first)
        #expect(!finding.changed)
        #expect(finding.currentNode == "no-campaign")
    }

    @Test func aTopicThatNoLongerExistsIsAProblem() throws {
        let (doc, dir) = try recorded(TinyKnowledge.make())
        _ = dir
        var empty = TinyKnowledge.make()
        empty = KnowledgeBase(councils: empty.folders, topics: [], fingerprint: "x")
        let finding = try #require(TranscriptReplayer(knowledge: empty).replay(doc).findings.first)
        #expect(finding.problems == ["the topic \"printing\" is no longer in the knowledge"])
    }
}

@Suite struct TranscriptReplayerVersionTests {
    /// Version 1 of Testshire's protocol kept as an earlier version beside a current version 2.
    private func twoVersions(currentText: String) -> KnowledgeBase {
        let old = TinyKnowledge.make(version: "1")
        let new = TinyKnowledge.make(version: "2", clauseText: currentText)
        var earlier = old.councilVersions[0]
        earlier.isCurrent = false
        earlier.status = .superseded
        let tree = new.trees(council: "testshire")[0]
        return KnowledgeBase(councils: [TinyKnowledge.folder(earlier, new.councilVersions[0], trees: [tree])], topics: new.topics, fingerprint: "two")
    }

    @Test func wordsRecordedFromAnEarlierVersionAreCheckedAgainstIt() throws {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path, knowledge: TinyKnowledge.make(version: "1"))
        let doc = try TranscriptReader.read(path: path)
        let finding = try #require(TranscriptReplayer(knowledge: twoVersions(currentText: "Printers are for council business.")).replay(doc).findings.first)
        #expect(finding.versionChanged)
        #expect(finding.recordedTextDiffersFromItsVersion == [])
        #expect(finding.clauses.first?.change == .textChanged)
    }

    @Test func wordsThatAreNotTheirVersionsAreNamed() throws {
        let dir = TemporaryDirectory()
        // Recorded with different words under the same version label: not what version 1 says.
        let (path, _) = writeTranscript(in: dir.path, knowledge: TinyKnowledge.make(version: "1", clauseText: "Something else."))
        let doc = try TranscriptReader.read(path: path)
        let finding = try #require(TranscriptReplayer(knowledge: twoVersions(currentText: "Printers are for council business.")).replay(doc).findings.first)
        #expect(finding.recordedTextDiffersFromItsVersion == ["1"])
    }
}
