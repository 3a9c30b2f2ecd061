/// A word diff as runs: consecutive words with the same fate joined by spaces.
public struct DiffRun: Sendable, Equatable, Encodable {
    public enum Op: String, Sendable, Encodable { case same, added, removed }
    public var op: Op
    public var text: String

    /// Joins a word diff into runs.
    public static func runs(_ changes: [WordDiff.Change]) -> [DiffRun] {
        var runs: [DiffRun] = []
        for change in WordDiff.readable(changes) {
            let (op, word): (Op, String) =
                switch change {
                case .same(let w): (.same, w)
                case .added(let w): (.added, w)
                case .removed(let w): (.removed, w)
                }
            if let last = runs.last, last.op == op {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(DiffRun(op: op, text: word))
            }
        }
        return runs
    }

    /// The runs as marked text: a space between runs, unchanged stretches longer than
    /// `keep * 2 + 4` words cut to their ends around an ellipsis (nil keeps everything).
    public static func marked(_ runs: [DiffRun], collapsingBeyond keep: Int? = nil) -> [MarkedText] {
        var parts: [MarkedText] = []
        for (i, run) in runs.enumerated() {
            if i > 0 { parts.append(MarkedText(" ")) }
            switch run.op {
            case .same:
                var text = run.text
                if let keep {
                    let words = run.text.split(separator: " ")
                    if words.count > keep * 2 + 4 {
                        let head = i == 0 ? [] : words.prefix(keep)
                        let tail = i == runs.count - 1 ? [] : words.suffix(keep)
                        text = (head + ["…"] + tail).joined(separator: " ")
                    }
                }
                parts.append(MarkedText(text))
            case .added: parts.append(MarkedText(run.text, mark: .added))
            case .removed: parts.append(MarkedText(run.text, mark: .removed))
            }
        }
        return parts
    }
}
