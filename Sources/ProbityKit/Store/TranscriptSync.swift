import Foundation
import ProbityBytes

/// Sends the store what it is missing of the transcripts in a folder: for each, the lines after the last one the
/// server holds, once the server's last line is found to be the same as the local one.
public enum TranscriptSync {
    public struct Report: Sendable, Equatable {
        /// Transcripts looked at.
        public var checked = 0
        /// Lines sent, by transcript.
        public var sent: [String: Int] = [:]
        /// Transcripts a running chat is still writing (and sending itself).
        public var busy: [String] = []
        /// What could not be sent, and why, by transcript.
        public var problems: [String: String] = [:]

        public var linesSent: Int { sent.values.reduce(0, +) }
    }

    /// - Parameter ids: the transcripts to look at; nil for every `.jsonl` in the folder.
    public static func run(directory: String, store: TranscriptStore, ids: [String]? = nil) throws(StoreError) -> Report {
        var report = Report()
        let wanted =
            ids
            ?? ((try? TranscriptLibrary(directory: directory).files()) ?? []).map {
                String(($0.split(separator: "/").last ?? "").dropLast(".jsonl".count))
            }
        let candidates = wanted.filter { id in
            if PendingMarker.isHeld(directory: directory, transcript: id) {
                report.busy.append(id)
                return false
            }
            return true
        }
        guard !candidates.isEmpty else { return report }
        let progress = try store.received(candidates)
        for id in candidates {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + id + ".jsonl"
            guard let document = try? TranscriptReader.read(path: path) else {
                // Marked unsent but the file is gone: nothing left to send from here.
                PendingMarker.remove(directory: directory, transcript: id)
                continue
            }
            report.checked += 1
            // A line cut off by a crash is not a line yet.
            let lines = document.endsCleanly ? document.lines : Array(document.lines.dropLast())
            let held = progress[id]?.lines ?? 0
            if held > lines.count {
                report.problems[id] = "the store holds \(held) lines but this computer's copy only \(lines.count): lines were removed here"
                continue
            }
            if held > 0, let digest = progress[id]?.lastDigest, SHA256.hex(lines[held - 1].bytes) != digest {
                report.problems[id] = "line \(held) on this computer differs from the store's copy: run `probity transcripts verify \(id) --store URL`"
                continue
            }
            let missing = lines[held...].map { (seq: $0.number, line: Array($0.bytes)) }
            do throws(StoreError) {
                try store.send(transcript: id, lines: missing)
                if !missing.isEmpty { report.sent[id] = missing.count }
                PendingMarker.remove(directory: directory, transcript: id)
            } catch {
                if error.isUnreachable { throw error }
                report.problems[id] = error.description
            }
        }
        return report
    }
}
