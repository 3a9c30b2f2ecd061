/// A store's URL (`postgresql://user@host/db`), and how to show it without its password.
public struct StoreAddress: Sendable, Equatable, CustomStringConvertible {
    public var url: String

    public init(_ url: String) { self.url = url }

    /// Whether the text looks like a PostgreSQL URL (or a libpq `key=value` string).
    public var isValid: Bool {
        url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") || url.contains("=")
    }

    /// The URL with any password replaced by `***`, fit for messages and logs.
    public var description: String {
        guard let scheme = url.range(of: "://") else {
            return url.split(separator: " ").map { $0.lowercased().hasPrefix("password=") ? "password=***" : String($0) }.joined(separator: " ")
        }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var shown = url
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            shown = String(url[..<authority.index(after: colon)]) + "***" + String(url[at...])
        }
        // A password given as a query parameter.
        if let query = shown.firstIndex(of: "?") {
            let head = shown[...query]
            let params = shown[shown.index(after: query)...].split(separator: "&").map {
                $0.lowercased().hasPrefix("password=") ? "password=***" : String($0)
            }
            shown = head + params.joined(separator: "&")
        }
        return shown
    }
}
