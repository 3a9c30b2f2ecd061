import Foundation
import Testing

@testable import ProbityKit

@Suite struct TranscriptVerifierTests {
    @Test func aCleanTranscriptIsSealedAndIntact() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        let result = verify(path)
        #expect(result.status == .sealed)
        #expect(result.lines == lines(of: path).count)
        #expect(result.summary.hasPrefix("sealed and intact"))
    }

    @Test(arguments: [1, 2, 5, 8, 10])
    func oneEditedByteNamesThatLine(line: Int) throws {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        try #require(line <= all.count)
        // Change one character inside the line's content (not its digest), keeping it valid JSON.
        var bytes = Array(all[line - 1].utf8)
        let target = try #require(bytes.firstIndex(of: UInt8(ascii: "2")) ?? bytes.firstIndex(of: UInt8(ascii: "e")))
        bytes[target] = bytes[target] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "a")
        all[line - 1] = String(decoding: bytes, as: UTF8.self)
        write(lines: all, to: path)
        let result = verify(path)
        guard case .tampered(let finding) = result.status else {
            Issue.record("expected tampering to be found, got \(result.summary)")
            return
        }
        #expect(finding.kind == .changed)
        #expect(finding.line == line)
        #expect(finding.message.contains("line \(line)"))
    }

    @Test func anEditedAnswerLabelIsFound() throws {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        let index = try #require(all.firstIndex { $0.contains("My election campaign") && $0.contains("\"answered\"") })
        all[index] = all[index].replacingOccurrences(of: "My election campaign", with: "A ward newsletter")
        write(lines: all, to: path)
        #expect(
            verify(path).status
                == .tampered(
                    .init(
                        kind: .changed, line: index + 1,
                        message: "line \(index + 1) was changed: its contents no longer match the SHA-256 it carries")))
    }

    @Test func aChangedDigestIsFoundOnItsLine() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        // Replace the last hex digit of line 4's own digest.
        let last = all[3].dropLast(2).last!
        all[3] = String(all[3].dropLast(3)) + (last == "0" ? "1" : "0") + "\"}"
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.line == 4)
        #expect(finding.kind == .changed)
    }

    @Test(arguments: [2, 5, 9])
    func aRemovedLineIsNamed(line: Int) {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        all.remove(at: line - 1)
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .removed)
        #expect(finding.line == line)
        #expect(finding.message == "a line was removed before line \(line): record \(line) is missing")
    }

    @Test func removingTheHeaderIsFound() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        write(lines: Array(lines(of: path).dropFirst()), to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .removed)
        #expect(finding.line == 1)
    }

    @Test(arguments: [2, 4, 7])
    func swappedLinesAreNamed(line: Int) {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        all.swapAt(line - 1, line)
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .reordered)
        #expect(finding.line == line)
        #expect(finding.message.contains("line \(line) is out of order"))
    }

    @Test func aCopiedLineIsFound() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        all.insert(all[2], at: 4)
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .reordered)
        #expect(finding.line == 5)
    }

    @Test func aLineAddedAfterTheSealIsFound() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        all.append(all[3])
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .added)
        #expect(finding.line == all.count)
    }

    @Test func aTranscriptNeverSealedIsIncompleteButIntact() {
        let dir = TemporaryDirectory()
        let (path, recorder) = writeTranscript(in: dir.path, end: nil)
        _ = recorder  // still open: as if the process had been killed
        let result = verify(path)
        #expect(result.status == .incomplete(.notSealed))
        #expect(result.isIntact)
        #expect(result.summary.hasPrefix("incomplete but intact"))
    }

    @Test func aLastLineCutOffWhileWritingIsIncompleteButIntact() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path, end: nil)
        var all = lines(of: path)
        let last = all.removeLast()
        write(lines: all + [String(last.prefix(last.count / 2))], to: path, trailingNewline: false)
        let result = verify(path)
        #expect(result.status == .incomplete(.lastLineCutOff))
        #expect(result.isIntact)
    }

    @Test func aSealRemovedWhenTheMarkdownRecordsOneIsTampering() throws {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        let markdownPath = String(path.dropLast(6)) + ".md"
        let markdown = try String(contentsOfFile: markdownPath, encoding: .utf8)
        var all = lines(of: path)
        all.removeLast()
        write(lines: all, to: path)
        // Without the Markdown, a missing seal looks like a process that died …
        #expect(verify(path).status == .incomplete(.notSealed))
        // … with it, the removal shows.
        let document = try TranscriptReader.read(path: path)
        guard case .tampered(let finding) = TranscriptVerifier.verify(document, markdownBeside: markdown).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.kind == .removed)
        #expect(finding.line == all.count + 1)
        // And the library, which reads the Markdown beside the file, says so.
        #expect(!(try TranscriptLibrary.load(path: path)).verification.isIntact)
    }

    @Test func anEmptyFileIsIncomplete() {
        let dir = TemporaryDirectory()
        let path = dir.file("20261125T000000Z-00000000.jsonl")
        write(lines: [], to: path, trailingNewline: false)
        #expect(verify(path).status == .incomplete(.empty))
    }

    @Test func aForeignLineIsChanged() {
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        all[2] = "{\"hello\":\"world\"}"
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.line == 3)
        #expect(finding.kind == .changed)
    }

    @Test func aChainRebuiltAfterAnEditStillBreaksAtTheNextLine() throws {
        // Someone edits line 3 and recomputes its own digest: line 4 still holds the old line's SHA-256.
        let dir = TemporaryDirectory()
        let (path, _) = writeTranscript(in: dir.path)
        var all = lines(of: path)
        let document = try TranscriptReader.read(path: path)
        var record = try #require(document.lines[2].record)
        record.time = "2020-01-01T00:00:00.000Z"
        all[2] = String(decoding: RecordCoding.encode(record), as: UTF8.self)
        write(lines: all, to: path)
        guard case .tampered(let finding) = verify(path).status else {
            Issue.record("not found")
            return
        }
        #expect(finding.line == 3)
        #expect(finding.message == "line 3 was changed: line 4 holds a different SHA-256 for it")
    }
}
