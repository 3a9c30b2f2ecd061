/// Whether to colour what is printed: `--color auto|always|never`, then the environment's conventions.
public enum ColourChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// `always` and `never` decide on their own. `auto` colours a terminal unless `NO_COLOR` is set to something
    /// (an empty `NO_COLOR=` does not count, as no-color.org says) or `TERM` is `dumb`; `CLICOLOR_FORCE` or
    /// `FORCE_COLOR` set to anything but `0` colours even a pipe, unless `NO_COLOR` says otherwise.
    public func colours(environment: [String: String], isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            func set(_ name: String) -> Bool { environment[name].map { !$0.isEmpty } ?? false }
            func forced(_ name: String) -> Bool { set(name) && environment[name] != "0" }
            if set("NO_COLOR") { return false }
            if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") { return true }
            return isTerminal && environment["TERM"] != "dumb"
        }
    }
}
