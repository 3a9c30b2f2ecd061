/// The chat's settings file (`$XDG_CONFIG_HOME/probity/config`): `key = value` lines, `#` comments.
///
///     council = carlisle
///     role = member
public struct ChatSettings: Sendable, Equatable {
    public var council: String?
    public var role: Role?
    /// Lines that could not be read, with their numbers, for a warning.
    public var problems: [String] = []

    public init(council: String? = nil, role: Role? = nil) {
        self.council = council
        self.role = role
    }

    /// Reads the file's text. Unknown keys are ignored (a later version may add some); bad values are problems.
    public static func parse(_ text: String) -> ChatSettings {
        var settings = ChatSettings()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingWhitespace()
            guard !line.isEmpty else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                settings.problems.append("line \(i + 1): \"\(line)\" is not `key = value`")
                continue
            }
            let key = String(line[..<eq]).trimmingWhitespace().lowercased()
            let value = unquote(String(line[line.index(after: eq)...]).trimmingWhitespace())
            switch key {
            case "council":
                settings.council = value.isEmpty ? nil : value
            case "role":
                if let role = Role(argument: value) {
                    settings.role = role
                } else if !value.isEmpty {
                    settings.problems.append("line \(i + 1): role must be member or officer, not \"\(value)\"")
                }
            default:
                break
            }
        }
        return settings
    }

    /// The file's text with `council` and `role` set to these values, other lines kept as they were.
    public func merged(into text: String) -> String {
        var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        func set(_ key: String, _ value: String?) {
            guard let value else { return }
            let index = lines.firstIndex { line in
                let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard let eq = code.firstIndex(of: "=") else { return false }
                return String(code[..<eq]).trimmingWhitespace().lowercased() == key
            }
            if let index { lines[index] = "\(key) = \(value)" } else { lines.append("\(key) = \(value)") }
        }
        if lines.isEmpty { lines.append("# Probity's chat settings: your council and whether you are a member or an officer.") }
        set("council", council)
        set("role", role?.rawValue)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
