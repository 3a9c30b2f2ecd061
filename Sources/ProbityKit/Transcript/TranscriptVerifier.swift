import ProbityBytes

/// Checks a transcript's hash chain: each line's own SHA-256, its place (`seq`), the SHA-256 it holds of the
/// line before it, and the seal. Names the first line that was changed, removed, reordered or added.
public enum TranscriptVerifier {
    /// - Parameter markdownBeside: the Markdown rendering found beside the file, if any. It is written only at a
    ///   clean end, so if it records a seal that the file no longer has, the seal was removed.
    public static func verify(_ document: TranscriptDocument, markdownBeside: String? = nil) -> TranscriptVerification {
        let lines = document.lines
        func tampered(_ kind: TranscriptVerification.Finding.Kind, _ line: Int, _ message: String) -> TranscriptVerification {
            TranscriptVerification(status: .tampered(.init(kind: kind, line: line, message: message)), lines: lines.count)
        }
        // The Markdown is written only at a clean end: when it records a seal, the file had one.
        let recordedSeal = markdownBeside.flatMap(TranscriptMarkdownRenderer.sealDigest(in:))
        guard !lines.isEmpty else {
            if let recordedSeal {
                return tampered(.removed, 1, "the file was emptied: the Markdown written beside it at the clean end records seal \(recordedSeal.prefix(16))…")
            }
            return TranscriptVerification(status: .incomplete(.empty), lines: 0)
        }

        var previousDigest = RecordCoding.genesisDigest
        var sealedAt: Int?
        for (index, line) in lines.enumerated() {
            let n = line.number
            let expected = index + 1
            if let sealedAt {
                return tampered(.added, n, "line \(n) comes after the seal on line \(sealedAt): it was added after the transcript was closed")
            }
            let cutOff = index == lines.count - 1 && !document.endsCleanly
            guard let carried = RecordCoding.carriedDigest(line.bytes), let record = line.record else {
                if cutOff {
                    if let recordedSeal {
                        return tampered(
                            .removed, n,
                            "the file was cut short at line \(n): the Markdown written beside it at the clean end records seal \(recordedSeal.prefix(16))…")
                    }
                    return TranscriptVerification(status: .incomplete(.lastLineCutOff), lines: lines.count)
                }
                return tampered(.changed, n, "line \(n) was changed: it no longer reads as a transcript record")
            }
            guard RecordCoding.computedDigest(line.bytes) == carried else {
                return tampered(.changed, n, "line \(n) was changed: its contents no longer match the SHA-256 it carries")
            }
            if record.seq != expected {
                let later = lines[(index + 1)...].compactMap { $0.record?.seq }
                if record.seq > expected, !later.contains(where: { $0 >= expected && $0 < record.seq }) {
                    let missing = record.seq - expected == 1 ? "record \(expected) is missing" : "records \(expected)–\(record.seq - 1) are missing"
                    return tampered(.removed, n, "a line was removed before line \(n): \(missing)")
                }
                if record.seq < expected {
                    return tampered(
                        .reordered, n, "line \(n) is out of place: it holds record \(record.seq), which belongs earlier (a line was moved or copied)")
                }
                return tampered(.reordered, n, "line \(n) is out of order: it holds record \(record.seq), but record \(expected) belongs here")
            }
            guard record.prev == previousDigest else {
                if n == 1 {
                    return tampered(.changed, 1, "line 1 was replaced: it does not hold the SHA-256 that starts every transcript")
                }
                return tampered(.changed, n - 1, "line \(n - 1) was changed: line \(n) holds a different SHA-256 for it")
            }
            switch record.body {
            case .header where n != 1:
                return tampered(.added, n, "line \(n) is a second header")
            case .header(let header):
                if let named = document.fileID, named != header.id {
                    return tampered(
                        .changed, 1,
                        "line 1 names transcript \(TerminalSafe.strip(header.id)), but the file is \(named): it is a copy under another name, or its header was replaced"
                    )
                }
            case _ where n == 1:
                return tampered(.changed, 1, "line 1 is not a transcript header")
            case .seal(let seal):
                guard seal.lines == n - 1 else {
                    return tampered(.changed, n, "the seal on line \(n) counts \(seal.lines) lines before it, but there are \(n - 1)")
                }
                sealedAt = n
            case .event, .unrecognised:
                break
            }
            previousDigest = SHA256.hex(line.bytes)
        }
        if let sealedAt {
            if let recordedSeal, recordedSeal != previousDigest {
                return tampered(
                    .changed, sealedAt,
                    "the seal on line \(sealedAt) is not the one the Markdown written beside it at the clean end records "
                        + "(\(recordedSeal.prefix(16))…, the file's is \(previousDigest.prefix(16))…): the file was rewritten and sealed again")
            }
            return TranscriptVerification(status: .sealed, lines: lines.count)
        }
        if let recorded = recordedSeal {
            return tampered(
                .removed, lines.count + 1,
                "the seal was removed after line \(lines.count): the Markdown written beside it at the clean end records seal \(recorded.prefix(16))…")
        }
        return TranscriptVerification(status: .incomplete(.notSealed), lines: lines.count)
    }
}
