/// A local transcript file against the store's copy of it, line by line, byte for byte: the store's copy was
/// checked by the server as it arrived, so the first line that differs is where the local file was changed.
public enum StoreComparison {
    public enum Outcome: Sendable, Equatable {
        /// Every line the same.
        case same(lines: Int)
        /// Every line the store has is the same, but this file has more, not sent yet.
        case notYetSent(firstLine: Int, lastLine: Int)
        /// The first line that differs, and how.
        case differs(line: Int, message: String)
        /// The store never received this transcript.
        case missingFromStore

        public var agrees: Bool { if case .same = self { true } else { false } }
    }

    public static func compare(local: TranscriptDocument, stored: TranscriptDocument?) -> Outcome {
        guard let stored, !stored.lines.isEmpty else { return .missingFromStore }
        let mine = local.lines
        let theirs = stored.lines
        for i in 0..<min(mine.count, theirs.count) where mine[i].bytes != theirs[i].bytes {
            return .differs(line: i + 1, message: "line \(i + 1) differs from the store's copy")
        }
        if mine.count < theirs.count {
            let range = mine.count + 1 == theirs.count ? "line \(theirs.count)" : "lines \(mine.count + 1)–\(theirs.count)"
            return .differs(line: mine.count + 1, message: "the store has \(range), which this file lacks: lines were removed from this file")
        }
        if mine.count > theirs.count { return .notYetSent(firstLine: theirs.count + 1, lastLine: mine.count) }
        return .same(lines: mine.count)
    }
}
