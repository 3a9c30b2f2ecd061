/// How text is dressed for the place it is printed: plain for pipes and files, coloured on a terminal.
public struct TextStyle: Sendable {
    public var colour: Bool
    /// Columns to wrap at.
    public var width: Int
    /// Rows on the screen, when what is written must fit it (the chat on a terminal); nil when it need not.
    public var height: Int?

    public init(colour: Bool, width: Int, height: Int? = nil) {
        self.colour = colour
        self.width = max(30, width)
        self.height = height.map { max(10, $0) }
    }

    public static let plain = TextStyle(colour: false, width: 80)

    public func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    public func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    public func green(_ s: String) -> String { colour ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
    public func yellow(_ s: String) -> String { colour ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
    public func red(_ s: String) -> String { colour ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    public func cyan(_ s: String) -> String { colour ? "\u{1B}[36m\(s)\u{1B}[0m" : s }

    /// Colours a verdict by what it means for the user.
    public func verdict(_ verdict: Verdict, _ s: String) -> String {
        switch verdict {
        case .yes: bold(green(s))
        case .yesIf, .guidance: bold(cyan(s))
        case .no: bold(red(s))
        case .notWithout, .askMonitoringOfficer: bold(yellow(s))
        }
    }
}

/// Text for a terminal that a user may have typed: never echoed back as control sequences.
public enum TerminalSafe {
    /// Removes C0/C1 control characters (ESC, BEL, CSI …) except tab and newline, and DEL.
    public static func strip(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    let v = scalar.value
                    if v == 0x09 || v == 0x0A { return true }
                    if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
                    // Bidirectional overrides can disguise text.
                    if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return false }
                    return true
                }))
    }

    /// A value shown on one line (an id, a council, a verdict read from a file): control characters removed,
    /// and newlines and tabs as spaces.
    public static func line(_ text: String) -> String {
        String(strip(text).map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
