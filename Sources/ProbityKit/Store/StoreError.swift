import Foundation

/// What can go wrong with the council-wide store, in words a councillor or the council's IT can act on.
public enum StoreError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// libpq (the PostgreSQL client library) could not be opened.
    case clientLibraryMissing(reason: String)
    /// The server could not be reached, or refused the login.
    case cannotConnect(store: String, reason: String)
    /// The server refused a line: it does not follow the transcript's last line (or was changed).
    case lineRefused(transcript: String, seq: Int, reason: String)
    /// The server refused a statement for lack of rights (an update or delete, or a role without the grant).
    case notAllowed(reason: String)
    /// The schema is not there: `probity store init` was not run on this database.
    case notInitialised(store: String)
    /// Anything else the server said.
    case failed(reason: String)
    /// The server answered, but not in the shape Probity expects.
    case unexpectedAnswer(String)

    public var description: String {
        switch self {
        case .clientLibraryMissing(let reason):
            "The PostgreSQL client library (libpq) could not be opened (\(reason)). Ask your IT team to install it (Debian/Ubuntu: apt-get install libpq5)."
        case .cannotConnect(let store, let reason):
            "Cannot reach the transcript store \(store): \(reason). Check that the server is running and that the `store` setting (or --store, or $PROBITY_STORE) is right."
        case .lineRefused(let transcript, let seq, let reason):
            "The transcript store refused line \(seq) of \(transcript): \(reason)."
        case .notAllowed(let reason):
            "The transcript store did not allow this: \(reason). Users may only add lines; ask your IT team if you need another role."
        case .notInitialised(let store):
            "The transcript store \(store) has no Probity schema yet. Council IT creates it once with `probity store init URL`."
        case .failed(let reason):
            "The transcript store failed: \(reason)."
        case .unexpectedAnswer(let what):
            "The transcript store answered in a way Probity does not understand (\(what)). Is it the same version as `probity store init` created?"
        }
    }

    public var errorDescription: String? { description }

    /// True when the failure is about reaching the server (worth trying again later), not about the data.
    public var isUnreachable: Bool {
        switch self {
        case .cannotConnect, .clientLibraryMissing: true
        default: false
        }
    }
}
