import Foundation

/// Text for `probity compare` and `compare` in the chat: councils side by side as a table when
/// the width allows, one after another when not; and Markdown for documents.
public struct ComparisonRenderer: Sendable {
    public enum Layout: String, Sendable, CaseIterable {
        case auto, table, stacked
    }

    public var style: TextStyle
    public var layout: Layout
    /// The narrowest a council's column may be before the table gives way to the stacked layout.
    public static let minimumColumn = 24
    static let labelWidth = 10

    public init(style: TextStyle, layout: Layout = .auto) {
        self.style = style
        self.layout = layout
    }

    public func render(_ comparison: TopicComparison) -> String {
        var out = TextWrapper.wrap("\(comparison.topic.title) (\(comparison.topic.id))", width: style.width).map(style.bold)
        out += TextWrapper.wrap(comparison.topic.summary, width: style.width).map(style.dim)
        if let role = comparison.role { out.append(style.dim("For: \(role.label)")) }
        if !comparison.answers.isEmpty {
            out += TextWrapper.wrap(
                "Answers: " + comparison.answersInWords.map { "\($0.question) — \($0.answer)" }.joined(separator: "; "),
                width: style.width
            ).map(style.dim)
        }
        out.append("")
        let table = TextTable(headings: comparison.columns.map(\.council.shortName), rows: rows(comparison))
        let useTable: Bool =
            switch layout {
            case .table: true
            case .stacked: false
            case .auto: table.columnWidth(in: style.width, labelWidth: Self.labelWidth, minimum: Self.minimumColumn) != nil
            }
        if useTable {
            out += table.render(width: style.width, labelWidth: Self.labelWidth, style: style)
        } else {
            out += stacked(comparison)
        }
        if !comparison.answers.isEmpty {
            out.append("")
            out += TextWrapper.wrap(differenceLine(comparison), width: style.width).map(style.bold)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One sentence on whether the answers lead to the same place everywhere: councils the answers take to advice
    /// are compared; a council that needs another answer is named as undecided, never counted as different.
    public func differenceLine(_ comparison: TopicComparison) -> String {
        var decided: [(council: String, verdict: Verdict)] = []
        var undecided: [(council: String, needs: String)] = []
        for column in comparison.columns {
            switch column.walk {
            case .advice(let a)?: decided.append((column.council.shortName, a.verdict))
            case .question(let q)? where q.kind == .role: undecided.append((column.council.shortName, "your role"))
            case .question(let q)?: undecided.append((column.council.shortName, "“\(q.prompt)”"))
            case .noRoute?: undecided.append((column.council.shortName, "a way forward its knowledge lacks"))
            case nil: break
            }
        }
        let pending = undecided.isEmpty ? "" : " Still to answer: " + undecided.map { "\($0.council) needs \($0.needs)" }.joined(separator: "; ") + "."
        if decided.isEmpty {
            return "No council can answer yet on what you have said." + pending
        }
        if comparison.outcomesDiffer {
            var order: [Verdict] = []
            for d in decided where !order.contains(d.verdict) { order.append(d.verdict) }
            return "The outcomes differ on what you have said: "
                + order.map { verdict in
                    decided.filter { $0.verdict == verdict }.map(\.council).joined(separator: ", ") + " — " + verdict.label
                }.joined(separator: "; ") + "." + pending
        }
        let every = undecided.isEmpty ? "Every council reaches" : "Every council that can answer yet reaches"
        return "\(every) the same verdict: \(decided[0].verdict.label)." + pending
    }

    /// A headline with its verdict in front when the headline does not already start with it.
    static func headline(_ headline: String, _ verdict: Verdict) -> String {
        let first = verdict.label.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? verdict.label
        return headline.lowercased().hasPrefix(first.lowercased()) ? headline : "\(verdict.label): \(headline)"
    }

    static func silentNote(_ outcome: TopicComparison.Outcome) -> String {
        outcome.silent && !outcome.headline.lowercased().contains("no specific rule") ? " (no specific rule)" : ""
    }

    /// The references of clauses, with the id where two share a reference (Blackburn's two 3.14s).
    func references(_ clauses: [Clause]) -> String {
        let counts = Dictionary(grouping: clauses, by: \.reference).mapValues(\.count)
        return clauses.map { counts[$0.reference, default: 0] > 1 ? $0.id : $0.reference }.joined(separator: ", ")
    }

    /// The table's rows: verdicts, the advice, the clauses cited and (with answers) the outcome.
    func rows(_ comparison: TopicComparison) -> [(label: String, cells: [String])] {
        var rows: [(label: String, cells: [String])] = [
            ("Verdicts", comparison.columns.map { $0.verdicts.map { "\($0.verdict.label) ×\($0.count)" }.joined(separator: "\n") }),
            (
                "Advice",
                comparison.columns.map { $0.outcomes.map { "• " + Self.headline($0.headline, $0.verdict) + Self.silentNote($0) }.joined(separator: "\n") }
            ),
            ("Clauses", comparison.columns.map { references($0.clauses) }),
        ]
        if !comparison.answers.isEmpty {
            rows.append(("Outcome", comparison.columns.map { walkCell($0.walk) }))
        }
        return rows
    }

    func walkCell(_ walk: TopicComparison.Walk?) -> String {
        switch walk {
        case .advice(let a)?:
            let cited = references(a.quotes.map(\.clause))
            return Self.headline(a.headline, a.verdict) + (cited.isEmpty ? "" : "\nQuotes \(cited)")
        case .question(let q)? where q.kind == .role:
            return "Needs your role: member or officer"
        case .question(let q)?:
            return "Needs: \(q.prompt)\nOptions: " + q.options.map(\.label).joined(separator: " | ")
        case .noRoute(let text)?:
            return "No way forward: \(text)"
        case nil:
            return ""
        }
    }

    func stacked(_ comparison: TopicComparison) -> [String] {
        var out: [String] = []
        for (i, column) in comparison.columns.enumerated() {
            if i > 0 { out.append("") }
            out.append(style.bold(style.cyan("\(column.council.name) (protocol version \(column.council.version))")))
            let verdicts = column.verdicts.map { "\($0.verdict.label) ×\($0.count)" }.joined(separator: ", ")
            out += TextWrapper.wrap("Verdicts: " + verdicts, width: style.width, indent: "    ", firstIndent: "  ")
            for outcome in column.outcomes {
                let line = Self.headline(outcome.headline, outcome.verdict) + Self.silentNote(outcome)
                out += TextWrapper.wrap(line, width: style.width, indent: "      ", firstIndent: "    • ")
            }
            out += TextWrapper.wrap(
                "Clauses: " + references(column.clauses),
                width: style.width, indent: "    ", firstIndent: "  ")
            if column.walk != nil {
                out += TextWrapper.wrap(
                    "With these answers: " + walkCell(column.walk).replacingOccurrences(of: "\n", with: "; "),
                    width: style.width, indent: "    ", firstIndent: "  "
                ).map(style.bold)
            }
        }
        return out
    }

    /// A Markdown document: a table with one column per council (`--format md`).
    public func markdown(_ comparison: TopicComparison) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = ["# \(comparison.topic.title) (`\(comparison.topic.id)`)", "", comparison.topic.summary, ""]
        if let role = comparison.role { out += ["For: \(role.label)", ""] }
        if !comparison.answers.isEmpty {
            out += ["Answers: " + comparison.answersInWords.map { "\($0.question) — \($0.answer)" }.joined(separator: "; "), ""]
        }
        out.append("| | " + comparison.columns.map { cell($0.council.name) }.joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---|", count: comparison.columns.count))
        for row in rows(comparison) {
            out.append("| **\(row.label)** | " + row.cells.map(cell).joined(separator: " | ") + " |")
        }
        if !comparison.answers.isEmpty { out += ["", differenceLine(comparison)] }
        return out.joined(separator: "\n") + "\n"
    }
}
