import Foundation

/// The settings files every command reads, in order: the system-wide one that council IT writes
/// (`/etc/probity/config`, or `$PROBITY_SYSTEM_CONFIG`), then the user's own (`$XDG_CONFIG_HOME/probity/config`,
/// default `~/.config/probity/config`). A value in the user's file wins over the system's; options given on the
/// command line win over both.
public struct ConfigFiles: Sendable, Equatable {
    public static let defaultSystemPath = "/etc/probity/config"

    public let system: String
    public let user: String?

    public init(system: String, user: String?) {
        self.system = system
        self.user = user
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let override = environment["PROBITY_SYSTEM_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        system = override ?? Self.defaultSystemPath
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        // The XDG specification ignores a relative path.
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") {
            user = value + "/probity/config"
        } else {
            user = home.map { $0 + "/.config/probity/config" }
        }
    }

    /// A value and the file it came from.
    public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
        public let value: Value
        public let file: String
    }

    /// The settings of both files merged, and what could not be read in either.
    public struct Loaded: Sendable, Equatable {
        public var council: Setting<String>?
        public var role: Setting<Role>?
        /// Each line that could not be read, naming its file: "Your settings file F, line 3: …; it is ignored."
        public var problems: [String] = []
    }

    /// Reads the system file, then the user's; a missing file is no problem.
    public func load() -> Loaded {
        var loaded = Loaded()
        for path in [system] + (user.map { [$0] } ?? []) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let settings = ChatSettings.parse(String(decoding: data, as: UTF8.self))
            if let council = settings.council { loaded.council = Setting(value: council, file: path) }
            if let role = settings.role { loaded.role = Setting(value: role, file: path) }
            loaded.problems += settings.problems.map { "Your settings file \(path), \($0); it is ignored." }
        }
        return loaded
    }
}
