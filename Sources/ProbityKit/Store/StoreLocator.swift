/// Which store a chat sends its transcripts to: `--store`, else `$PROBITY_STORE`, else `store =` in the user's
/// config, else in `/etc/probity/config` (the user's file is read after the system's, so it wins). An empty value
/// at any level means no store.
public enum StoreLocator {
    public static func resolve(explicit: String?, environment: [String: String], settings: ConfigFiles.Loaded) -> StoreAddress? {
        let chosen = explicit ?? environment["PROBITY_STORE"] ?? settings.store?.value
        guard let chosen, !chosen.isEmpty else { return nil }
        return StoreAddress(chosen)
    }
}
