/// Which store a chat sends its transcripts to: `--store`, else `$PROBITY_STORE`, else the user's config,
/// else `/etc/probity/config` (`store = postgresql://…`). An empty value at any level means no store.
public enum StoreLocator {
    /// The system-wide config file: `/etc/probity/config`, or `$PROBITY_SYSTEM_CONFIG` (tests).
    public static func systemConfigPath(environment: [String: String]) -> String {
        environment["PROBITY_SYSTEM_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/probity/config"
    }

    public static func resolve(explicit: String?, environment: [String: String], user: ChatSettings?, system: ChatSettings?) -> StoreAddress? {
        let chosen = explicit ?? environment["PROBITY_STORE"] ?? user?.store ?? system?.store
        guard let chosen, !chosen.isEmpty else { return nil }
        return StoreAddress(chosen)
    }
}
