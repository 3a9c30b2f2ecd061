/// Replay findings as text for a terminal or a pipe.
public struct ReplayTextRenderer: Sendable {
    public var style: TextStyle
    public var topicTitles: [String: String]
    public var councilNames: [String: String]

    public init(style: TextStyle, topicTitles: [String: String] = [:], councilNames: [String: String] = [:]) {
        self.style = style
        self.topicTitles = topicTitles
        self.councilNames = councilNames
    }

    /// One transcript, advice by advice and clause by clause.
    public func render(_ report: ReplayReport, recordedKnowledge: String?, currentKnowledge: String) -> String {
        let w = style.width
        var out = [style.bold("Replaying \(report.transcript) against the knowledge in use now")]
        if let recordedKnowledge {
            out.append(
                style.dim(
                    recordedKnowledge == currentKnowledge
                        ? "  The knowledge is the same as when it was recorded (SHA-256 \(currentKnowledge.prefix(16))…)."
                        : "  Knowledge then: SHA-256 \(recordedKnowledge.prefix(16))…; now: \(currentKnowledge.prefix(16))…."))
        }
        guard !report.findings.isEmpty else {
            out.append("")
            out.append("This conversation reached no advice, so there is nothing to replay.")
            return out.joined(separator: "\n")
        }
        for (i, f) in report.findings.enumerated() {
            out.append("")
            let head = "Advice \(i + 1) of \(report.findings.count) (\(UTCTime.readable(f.time))): \(title(f.topic)), \(council(f.council))"
            out += TextWrapper.wrap(safe(head), width: w).map(style.bold)
            out.append(
                "  Protocol version: \(safe(f.recordedVersion)) then, \(safe(f.currentVersion ?? "none")) now"
                    + (f.versionChanged ? "" : " (the same)"))
            if let differing = f.recordedTextDiffersFromItsVersion {
                out += TextWrapper.wrap(
                    differing.isEmpty
                        ? "The words recorded are those of version \(safe(f.recordedVersion)) as Probity still knows it."
                        : "The words recorded for \(safe(differing.joined(separator: ", "))) are not those of version \(safe(f.recordedVersion)) as Probity knows it.",
                    width: w, indent: "    ", firstIndent: "  "
                ).map { differing.isEmpty ? $0 : style.yellow($0) }
            }
            let then = TranscriptPresentation.verdictLabel(f.recordedVerdict)
            if let now = f.currentVerdict {
                let text =
                    f.verdictChanged ? "  Verdict: \(then) then, \(TranscriptPresentation.verdictLabel(now)) now — CHANGED" : "  Verdict: \(then), unchanged"
                out.append(f.verdictChanged ? style.bold(style.red(text)) : text)
            } else {
                out.append(style.bold(style.red("  Verdict: \(then) then; no advice now")))
            }
            if let headline = f.currentHeadline, f.headlineChanged {
                out += TextWrapper.wrap(
                    "Headline: \"\(safe(f.recordedHeadline))\" then, \"\(safe(headline))\" now", width: w, indent: "    ", firstIndent: "  ")
            }
            for problem in f.problems {
                out += TextWrapper.wrap(safe(problem), width: w, indent: "    ", firstIndent: "  ! ").map(style.yellow)
            }
            if !f.clauses.isEmpty { out.append("  Clauses quoted:") }
            for c in f.clauses {
                let label = "    \(safe(c.reference)): "
                switch c.change {
                case .unchanged:
                    out.append(label + style.green("unchanged") + (c.stillQuoted == nil ? " (text)" : ""))
                case .textChanged:
                    out.append(label + style.bold(style.red("TEXT CHANGED")) + (c.stillQuoted == false ? ", and no longer quoted" : ""))
                    out += TextWrapper.wrap("then: \"\(safe(c.recordedText ?? ""))\"", width: w, indent: "            ", firstIndent: "      ")
                    out += TextWrapper.wrap("now:  \"\(safe(c.currentText ?? ""))\"", width: w, indent: "            ", firstIndent: "      ")
                case .noLongerQuoted:
                    out.append(label + style.yellow("no longer quoted by this advice (its text is unchanged)"))
                case .newlyQuoted:
                    out.append(label + style.yellow("now quoted as well"))
                    out += TextWrapper.wrap("\"\(safe(c.currentText ?? ""))\"", width: w, indent: "      ")
                case .removedFromProtocol:
                    out.append(label + style.bold(style.red("no longer in the protocol")))
                }
            }
            out.append(f.changed ? style.bold("  → This advice would now differ.") : style.green("  → This advice would be the same today."))
        }
        return out.joined(separator: "\n")
    }

    /// Every transcript: only the advice that would now differ.
    public func renderChanges(_ reports: [ReplayReport], directory: String) -> String {
        let total = reports.reduce(0) { $0 + $1.findings.count }
        let changed = reports.flatMap { r in r.findings.filter(\.changed).map { (r.transcript, $0) } }
        guard !changed.isEmpty else {
            return
                "No past advice would change: \(total) piece\(total == 1 ? "" : "s") of advice in \(reports.count) transcript\(reports.count == 1 ? "" : "s") in \(directory) checked against the current knowledge."
        }
        var out = [style.bold("\(changed.count) of \(total) pieces of past advice would now differ:")]
        for (id, f) in changed {
            out.append("")
            out += TextWrapper.wrap("\(UTCTime.readable(f.time))  \(id)", width: style.width).map(style.bold)
            var what: [String] = []
            if f.versionChanged { what.append("protocol version \(f.recordedVersion) → \(f.currentVersion ?? "none")") }
            if f.verdictChanged {
                what.append(
                    "verdict \(TranscriptPresentation.verdictLabel(f.recordedVerdict)) → \(f.currentVerdict.map(TranscriptPresentation.verdictLabel) ?? "no advice")"
                )
            } else if f.headlineChanged {
                what.append("headline changed")
            }
            let counts = Dictionary(grouping: f.clauses.filter { $0.change != .unchanged }, by: \.change)
            for (change, words) in [
                (ClauseComparison.Change.textChanged, "text changed"), (.removedFromProtocol, "removed"),
                (.noLongerQuoted, "no longer quoted"), (.newlyQuoted, "newly quoted"),
            ] {
                if let clauses = counts[change] { what.append("\(words): \(clauses.map(\.reference).joined(separator: ", "))") }
            }
            what += f.problems
            out += TextWrapper.wrap(safe("\(title(f.topic)), \(council(f.council))"), width: style.width, indent: "  ")
            for item in what { out += TextWrapper.wrap(safe(item), width: style.width, indent: "    ", firstIndent: "  • ") }
        }
        out.append("")
        out.append(
            style.dim("\(reports.count) transcript\(reports.count == 1 ? "" : "s") in \(directory) checked. See one with `probity transcripts replay ID`."))
        return out.joined(separator: "\n")
    }

    private func title(_ topic: String) -> String { topicTitles[topic] ?? topic }
    private func council(_ id: String) -> String { councilNames[id] ?? id }
    private func safe(_ text: String) -> String { TerminalSafe.strip(text) }
}
