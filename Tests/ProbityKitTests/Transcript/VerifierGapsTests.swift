import Foundation
import ProbityBytes
import Testing

@testable import ProbityKit

/// What `verify` must see that it once missed (found by fuzzing the files): the Markdown written beside a
/// transcript at its clean end proves a seal existed, and names it.
@Suite struct VerifierGapsTests {
    /// A sealed transcript and its Markdown, as the chat leaves them.
    private func sealed(in dir: TemporaryDirectory) throws -> (path: String, markdown: String) {
        let (path, _) = writeTranscript(in: dir.path)
        let markdown = try String(contentsOfFile: String(path.dropLast(6)) + ".md", encoding: .utf8)
        #expect(TranscriptMarkdownRenderer.sealDigest(in: markdown) != nil)
        return (path, markdown)
    }

    private func check(_ path: String) throws -> TranscriptVerification {
        try TranscriptLibrary.load(path: path).verification
    }

    @Test func aFileRewrittenAndSealedAgainDisagreesWithTheSealInItsMarkdown() throws {
        let dir = TemporaryDirectory()
        let (path, _) = try sealed(in: dir)
        // Rewrite one event and recompute every digest after it, seal included: the chain alone is sound.
        var records = try TranscriptReader.read(path: path).records
        let index = try #require(records.firstIndex { if case .event(.answered) = $0.body { true } else { false } })
        records[index].body = .event(.answered(topic: "printing", fact: "printing.purpose", option: "ward", label: "A ward newsletter"))
        var previous = RecordCoding.genesisDigest
        var bytes: [UInt8] = []
        for var record in records {
            record.prev = previous
            let line = RecordCoding.encode(record)
            previous = SHA256.hex(line)
            bytes += line + [0x0A]
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(TranscriptVerifier.verify(TranscriptReader.parse(bytes, path: path)).status == .sealed, "the chain alone cannot tell")
        guard case .tampered(let finding) = try check(path).status else {
            Issue.record("a re-sealed file passed")
            return
        }
        #expect(finding.kind == .changed)
        #expect(finding.line == records.count)
        #expect(finding.message.contains("is not the one the Markdown written beside it at the clean end records"))
    }

    @Test func aTruncatedTailWithItsMarkdownPresentIsTampered() throws {
        let dir = TemporaryDirectory()
        let (path, _) = try sealed(in: dir)
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        // Cut in the middle of the last line (the seal).
        FileManager.default.createFile(atPath: path, contents: Data(bytes.dropLast(40)))
        guard case .tampered(let finding) = try check(path).status else {
            Issue.record("a cut file passed as incomplete")
            return
        }
        #expect(finding.kind == .removed)
        #expect(finding.message.contains("cut short"))
        // Cut at a line's end: the seal is gone.
        let whole: [UInt8] = bytes.split(separator: 0x0A).dropLast().flatMap { Array($0) + [0x0A] }
        FileManager.default.createFile(atPath: path, contents: Data(whole))
        guard case .tampered(let removed) = try check(path).status else {
            Issue.record("a file without its seal passed")
            return
        }
        #expect(removed.message.contains("the seal was removed"))
    }

    @Test func anEmptiedFileWithItsMarkdownPresentIsTampered() throws {
        let dir = TemporaryDirectory()
        let (path, _) = try sealed(in: dir)
        FileManager.default.createFile(atPath: path, contents: Data())
        guard case .tampered(let finding) = try check(path).status else {
            Issue.record("an emptied file passed as incomplete")
            return
        }
        #expect(finding.message.contains("the file was emptied"))
        // Without a Markdown beside it, an empty file is only incomplete: nothing proves it was ever sealed.
        try FileManager.default.removeItem(atPath: String(path.dropLast(6)) + ".md")
        #expect(try check(path).status == .incomplete(.empty))
    }

    @Test func aFullDiskWarningShownToTheUserIsRecorded() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: knowledge,
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        let sink = TranscriptSink(recorder: recorder)
        guard case .recording(let original) = recorder.status else {
            Issue.record("not recording")
            return
        }
        let events = TinyKnowledge.conversation(knowledge)
        _ = sink.record(events[0])
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        recorder.replaceStorageForTesting(AppendOnlyFile(path: original, descriptor: full))
        let warning = try #require(sink.record(events[1]), "the user is told at once")
        for event in events.dropFirst(2) { #expect(sink.record(event) == nil) }
        let moved = try recorder.saveElsewhere(dir.path + "/rescued")
        _ = sink.record(.ended(reason: "eof"))
        let recorded = try TranscriptReader.read(path: moved).events.map(\.event)
        #expect(recorded.contains(.displayed(kind: "storage", shown: .message(tone: .warning, words: Message(warning)))))
        #expect(
            recorded.firstIndex(of: .displayed(kind: "storage", shown: .message(tone: .warning, words: Message(warning)))) == 2,
            "recorded where it was shown: after the event whose writing failed")
    }
}
