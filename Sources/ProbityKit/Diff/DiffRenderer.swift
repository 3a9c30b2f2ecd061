/// Text for `probity diff`: a summary line, then each added, removed and changed clause, the
/// changes marked word by word (coloured on a terminal, `{+added+}` and `[-removed-]` in plain text).
public struct DiffRenderer: Sendable {
    public var style: TextStyle
    /// Unchanged stretches of a changed clause are cut to this many words at each end.
    public var context = 8

    public init(style: TextStyle) { self.style = style }

    public func render(_ diff: VersionDiff) -> String {
        var out: [String] = []
        out.append(style.bold("\(diff.to.name): \(label(diff.from)) → \(label(diff.to))"))
        var counts = ["\(diff.added.count) added", "\(diff.removed.count) removed", "\(diff.changed.count) changed"]
        if !diff.typographyOnly.isEmpty { counts.append("\(diff.typographyOnly.count) differ only in typography") }
        counts.append("\(diff.unchanged) unchanged")
        out.append(style.dim(counts.joined(separator: " · ")))
        for entry in diff.entries {
            out.append("")
            switch entry {
            case .added(let clause):
                out += heading("ADDED", clause, colour: style.green)
                out += TextWrapper.wrap(clause.text, width: style.width, indent: "    ").map(style.green)
            case .removed(let clause):
                out += heading("REMOVED", clause, colour: style.red)
                out += TextWrapper.wrap(clause.text, width: style.width, indent: "    ").map(style.red)
            case .changed(let change):
                out += heading("CHANGED", change.new, colour: style.yellow)
                if change.referenceChanged {
                    out.append(style.dim("    (was \(change.old.fullReference))"))
                }
                if change.headingChanged {
                    out += MarkedTextWrapper.wrap(
                        [
                            MarkedText("Heading: "), MarkedText(change.old.heading, mark: .removed),
                            MarkedText(" "), MarkedText(change.new.heading, mark: .added),
                        ],
                        style: style, indent: "    ")
                }
                if change.textChanged {
                    out += MarkedTextWrapper.wrap(
                        DiffRun.marked(DiffRun.runs(change.words), collapsingBeyond: context),
                        style: style, indent: "    ")
                }
            }
        }
        if !diff.typographyOnly.isEmpty {
            out.append("")
            out += TextWrapper.wrap(
                "Only quote marks, dashes or spacing differ in: \(diff.typographyOnly.joined(separator: ", ")).",
                width: style.width
            ).map(style.dim)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func heading(_ kind: String, _ clause: Clause, colour: (String) -> String) -> [String] {
        TextWrapper.wrap("\(kind)  \(clause.fullReference) — \(clause.heading)", width: style.width, indent: "    ")
            .map { style.bold(colour($0)) }
    }

    private func label(_ council: Council) -> String {
        council.versionLabel
    }
}
