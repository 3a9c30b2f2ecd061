import Foundation
import ProbityBytes
import Testing

@testable import ProbityKit

@Suite struct TranscriptRecorderTests {
    @Test func eachEventIsOnDiskBeforeRecordReturns() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: knowledge,
            council: nil, role: nil, probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        guard case .recording(let path) = recorder.status else {
            Issue.record("not recording")
            return
        }
        #expect(lines(of: path).count == 1)  // the header, before anything happens
        for (i, event) in TinyKnowledge.conversation(knowledge).enumerated() {
            recorder.record(event)
            // Read through a separate descriptor while the recorder still holds the file open.
            let onDisk = lines(of: path)
            #expect(onDisk.count == i + 2)
            #expect(onDisk.last.map { try? RecordCoding.decode(ArraySlice($0.utf8)) }??.event == event)
        }
        #expect(verify(path).status == .incomplete(.notSealed))
    }

    /// The chat records a reply's events without a sync each and commits once before showing it: each line is
    /// still written at once, and a commit with nothing pending, or after the seal, does nothing.
    @Test func eventsLeftForTheCommitAreWrittenAtOnceAndCommittedTogether() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: knowledge,
            council: nil, role: nil, probityVersion: "9.9.9", durable: true, fallbackDirectory: nil)
        guard case .recording(let path) = recorder.status else {
            Issue.record("not recording")
            return
        }
        #expect(recorder.commit() == nil, "nothing pending")
        let events = TinyKnowledge.conversation(knowledge)
        for (i, event) in events.enumerated() {
            #expect(recorder.record(event, syncNow: false) == nil)
            #expect(lines(of: path).count == i + 2)
        }
        #expect(recorder.commit() == nil)
        #expect(recorder.status == .recording(path: path))
        recorder.record(.ended(reason: "quit"), syncNow: false)
        #expect(recorder.commit() == nil, "sealed: nothing left to commit")
        #expect(verify(path).status == .sealed)
        #expect(try TranscriptReader.read(path: path).events.map(\.event) == events + [.ended(reason: "quit")])
    }

    @Test func theHeaderSaysWhoWhenAndWithWhatKnowledge() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make(version: "7")
        let (path, _) = writeTranscript(in: dir.path, knowledge: knowledge)
        let document = try TranscriptReader.read(path: path)
        let header = try #require(document.header)
        #expect(header.format == "probity-transcript/2")
        #expect(header.id + ".jsonl" == URL(fileURLWithPath: path).lastPathComponent)
        #expect(TranscriptID.isWellFormed(header.id))
        #expect(header.started == "2026-11-18T11:06:40.000Z")
        #expect(header.probityVersion == "9.9.9")
        #expect(header.knowledgeSHA256 == knowledge.councilFingerprint("testshire"))
        #expect(header.council == "testshire")
        #expect(header.councilName == "Testshire County Council")
        #expect(header.protocolVersion == "7")
        #expect(header.protocolVersions == ["testshire": "7"])
        #expect(header.role == "member")
        let seal = try #require(document.seal)
        #expect(seal.reason == "quit")
        #expect(seal.ended > header.started)
        #expect(seal.lines == document.lines.count - 1)
    }

    @Test func theEndedEventSealsAndWritesTheMarkdownBeside() throws {
        let dir = TemporaryDirectory()
        let (path, recorder) = writeTranscript(in: dir.path, end: "terminated")
        guard case .finished(.sealed(let sealedPath, let markdown?, let digest)) = recorder.status else {
            Issue.record("not sealed: \(recorder.status)")
            return
        }
        #expect(sealedPath == path)
        #expect(markdown == String(path.dropLast(6)) + ".md")
        #expect(digest == SHA256.hex(lines(of: path).last!))
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(TranscriptMarkdownRenderer.sealDigest(in: text) == digest)
        #expect(text.contains("terminated by a signal (SIGTERM)"))
        // Finishing again changes nothing and writes nothing more.
        #expect(recorder.finish(reason: "quit") == .sealed(path: path, markdown: markdown, digest: digest))
        #expect(recorder.record(.userInput(text: "too late")) == nil)
        #expect(verify(path).status == .sealed)
    }

    /// Rendering reads a transcript whole: past the limit (thousands of lines piped in) there is no Markdown copy,
    /// so the chat's memory does not grow with the conversation. The transcript itself is whole and sealed.
    @Test func aTranscriptPastTheLimitGetsNoMarkdownCopy() throws {
        let dir = TemporaryDirectory()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: TinyKnowledge.make(),
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        let line = String(repeating: "a long line typed again and again ", count: 100)
        let count = TranscriptRecorder.readableCopyLimit / line.utf8.count + 10
        for _ in 0..<count { recorder.record(.userInput(text: line)) }
        guard case .sealed(let path, let markdown, _) = recorder.finish(reason: "eof") else {
            Issue.record("not sealed: \(recorder.status)")
            return
        }
        #expect(markdown == nil)
        #expect(!FileManager.default.fileExists(atPath: String(path.dropLast(6)) + ".md"))
        let document = try TranscriptReader.read(path: path)
        #expect(document.events.count == count)
        #expect(verify(path).status == .sealed)
    }

    @Test func filesArePrivateInAPrivateFolder() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/nested/transcripts"
        let (path, _) = writeTranscript(in: folder)
        #expect(try permissions(folder) == 0o700)
        #expect(try permissions(path) == 0o600)
        #expect(try permissions(String(path.dropLast(6)) + ".md") == 0o600)
    }

    @Test func filesArePrivateWhateverTheUmask() throws {
        let dir = TemporaryDirectory()
        let old = umask(0)
        defer { umask(old) }
        let (path, _) = writeTranscript(in: dir.path + "/open")
        #expect(try permissions(dir.path + "/open") == 0o700)
        #expect(try permissions(path) == 0o600)
    }

    @Test func anUnusableFolderKeepsEverythingInMemoryUntilSavedElsewhere() throws {
        let dir = TemporaryDirectory()
        let blocker = dir.file("not-a-folder")
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: blocker + "/transcripts", isDefault: false), knowledge: knowledge,
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        guard case .failed(let error) = recorder.status else {
            Issue.record("expected a failure, got \(recorder.status)")
            return
        }
        #expect(error.description == "Probity cannot save transcripts in \(blocker)/transcripts: part of that path is a file, not a folder.")
        let events = TinyKnowledge.conversation(knowledge)
        for event in events { #expect(recorder.record(event) == nil) }  // the failure was already reported at the start

        let elsewhere = dir.path + "/elsewhere"
        let path = try recorder.saveElsewhere(elsewhere)
        recorder.record(.ended(reason: "quit"))
        let document = try TranscriptReader.read(path: path)
        #expect(document.events.map(\.event) == events + [.ended(reason: "quit")])
        #expect(document.header?.continues == nil)  // nothing was ever written in the first folder
        #expect(verify(path).status == .sealed)
    }

    @Test func aFullDiskIsReportedOnceAndNothingIsLost() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path, isDefault: false), knowledge: knowledge,
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        guard case .recording(let original) = recorder.status else {
            Issue.record("not recording")
            return
        }
        let events = TinyKnowledge.conversation(knowledge)
        recorder.record(events[0])
        // From now on the disk is full.
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        recorder.replaceStorageForTesting(AppendOnlyFile(path: original, descriptor: full))
        let failure = recorder.record(events[1])
        #expect(failure == .writeFailed(path: original, reason: "the disk is full"))
        #expect(failure?.description == "Probity could not write to the transcript \(original): the disk is full.")
        for event in events.dropFirst(2) { #expect(recorder.record(event) == nil) }
        guard case .failed = recorder.status else {
            Issue.record("should be failed")
            return
        }

        let moved = try recorder.saveElsewhere(dir.path + "/rescued")
        recorder.record(.ended(reason: "eof"))
        let document = try TranscriptReader.read(path: moved)
        #expect(document.events.map(\.event) == events + [.ended(reason: "eof")])
        #expect(document.header?.continues == URL(fileURLWithPath: original).deletingPathExtension().lastPathComponent)
        #expect(verify(moved).status == .sealed)
        // The first file holds what was written before the disk filled, intact.
        #expect(verify(original).status == .incomplete(.notSealed))
    }

    @Test func aFailureNeverSavedElsewhereGoesToTheFallbackFolderAtTheEnd() throws {
        let dir = TemporaryDirectory()
        let blocker = dir.file("file")
        _ = FileManager.default.createFile(atPath: blocker, contents: Data())
        let knowledge = TinyKnowledge.make()
        let fallback = dir.path + "/fallback"
        let recorder = TranscriptRecorder(
            location: .init(path: blocker, isDefault: false), knowledge: knowledge,
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: fallback)
        for event in TinyKnowledge.conversation(knowledge) { recorder.record(event) }
        recorder.record(.ended(reason: "quit"))
        guard case .finished(.savedInstead(let path, _, _, let because)) = recorder.status else {
            Issue.record("expected savedInstead, got \(recorder.status)")
            return
        }
        #expect(path.hasPrefix(fallback + "/"))
        #expect(because == .unusableDirectory(path: blocker, reason: "it is a file, not a folder"))
        #expect(verify(path).status == .sealed)
    }

    @Test func nothingSavedAnywhereIsSaidPlainly() {
        let dir = TemporaryDirectory()
        let blocker = dir.file("file")
        _ = FileManager.default.createFile(atPath: blocker, contents: Data())
        let recorder = TranscriptRecorder(
            location: .init(path: blocker, isDefault: false), knowledge: TinyKnowledge.make(),
            council: nil, role: nil, probityVersion: "9.9.9", durable: false, fallbackDirectory: blocker + "/x")
        recorder.record(.userInput(text: "hello"))
        guard case .notSaved(let error) = recorder.finish(reason: "quit") else {
            Issue.record("should not be saved")
            return
        }
        #expect(error.description.contains("part of that path is a file, not a folder"))
    }

    @Test func movingAHealthyRecordingSealsTheOldFileAndNamesTheNewOne() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let recorder = TranscriptRecorder(
            location: .init(path: dir.path + "/a", isDefault: false), knowledge: knowledge,
            council: "testshire", role: "member", probityVersion: "9.9.9", durable: false, fallbackDirectory: nil)
        guard case .recording(let first) = recorder.status else {
            Issue.record("not recording")
            return
        }
        let events = TinyKnowledge.conversation(knowledge)
        for event in events.prefix(3) { recorder.record(event) }
        let second = try recorder.saveElsewhere(dir.path + "/b")
        for event in events.dropFirst(3) { recorder.record(event) }
        recorder.record(.ended(reason: "quit"))
        let old = try TranscriptReader.read(path: first)
        let new = try TranscriptReader.read(path: second)
        #expect(old.seal?.reason == "moved")
        #expect(old.seal?.continuedIn == new.id)
        #expect(new.header?.continues == old.id)
        #expect(new.events.map(\.event) == events + [.ended(reason: "quit")])
        #expect(verify(first).status == .sealed)
        #expect(verify(second).status == .sealed)
    }

    @Test func idsAreNeverTakenFromWhatWasTyped() throws {
        let dir = TemporaryDirectory()
        let knowledge = TinyKnowledge.make()
        let (path, _) = writeTranscript(
            in: dir.path, knowledge: knowledge,
            events: TinyKnowledge.conversation(knowledge, typed: "../../etc/passwd"))
        let name = URL(fileURLWithPath: path).lastPathComponent
        #expect(TranscriptID.isWellFormed(String(name.dropLast(6))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [name, String(name.dropLast(6)) + ".md"].sorted())
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
