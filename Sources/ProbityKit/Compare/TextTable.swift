/// A table of wrapped text for a terminal: a label column, then one column per heading, cells
/// wrapped to fit, rows separated by a rule.
public struct TextTable: Sendable {
    public var headings: [String]
    /// Each row: a label and one cell per heading (a cell's lines are separated by "\n").
    public var rows: [(label: String, cells: [String])]

    public init(headings: [String], rows: [(label: String, cells: [String])]) {
        self.headings = headings
        self.rows = rows
    }

    static let separator = " │ "

    /// A line cut into pieces no wider than `width` (for a word longer than a column).
    static func cut(_ line: String, _ width: Int) -> [String] {
        guard line.count > width, width > 0 else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while rest.count > width {
            pieces.append(String(rest.prefix(width)))
            rest = "  " + rest.dropFirst(width)
        }
        pieces.append(String(rest))
        return pieces
    }

    /// The width each column gets in `width` columns, or nil when they would be narrower than `minimum`.
    public func columnWidth(in width: Int, labelWidth: Int, minimum: Int) -> Int? {
        let n = max(headings.count, 1)
        let available = width - labelWidth - n * Self.separator.count
        let each = available / n
        return each >= minimum ? each : nil
    }

    public func render(width: Int, labelWidth: Int, style: TextStyle) -> [String] {
        let n = max(headings.count, 1)
        let column = max(8, (width - labelWidth - n * Self.separator.count) / n)
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func block(_ label: String, _ cells: [String], bold: Bool) -> [String] {
            let labelLines = TextWrapper.wrap(label, width: labelWidth)
            let cellLines = cells.map { cell in
                cell.split(separator: "\n", omittingEmptySubsequences: false)
                    .flatMap { TextWrapper.wrap(String($0), width: column, indent: "  ", firstIndent: "").flatMap { Self.cut($0, column) } }
            }
            let height = max(labelLines.count, cellLines.map(\.count).max() ?? 0)
            return (0..<height).map { i in
                var line = pad(i < labelLines.count ? labelLines[i] : "", labelWidth)
                line = bold ? style.bold(line) : style.dim(line)
                for lines in cellLines {
                    let text = pad(i < lines.count ? lines[i] : "", column)
                    line += Self.separator + (bold ? style.bold(text) : text)
                }
                return line.trimmingTrailingSpaces()
            }
        }
        let rule = String(repeating: "─", count: labelWidth) + String(repeating: "─┼─" + String(repeating: "─", count: column), count: n)
        var out = block("", headings, bold: true)
        for row in rows {
            out.append(style.dim(rule))
            out += block(row.label, row.cells, bold: false)
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
