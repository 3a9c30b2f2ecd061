#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who is talking to Probity, and on which machine: recorded in the transcript's header. The login name and the
/// machine come from the system; the full name from the `name` setting, where it is set. (A store records the
/// database user too, which is what the server knows rather than what the client says.)
public struct TranscriptIdentity: Sendable, Equatable {
    public var user: String?
    public var fullName: String?
    public var machine: String?

    public init(user: String?, fullName: String?, machine: String?) {
        self.user = user
        self.fullName = fullName
        self.machine = machine
    }

    /// This process's user (from the password database, else $USER/$LOGNAME) and host name.
    public static func current(fullName: String?, environment: [String: String]) -> TranscriptIdentity {
        var user: String?
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { user = String(cString: name) }
        if user?.isEmpty ?? true { user = environment["USER"] ?? environment["LOGNAME"] }
        var buffer = [CChar](repeating: 0, count: 256)
        let machine: String? =
            gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        return TranscriptIdentity(user: user, fullName: fullName.flatMap { $0.isEmpty ? nil : $0 }, machine: machine?.isEmpty == true ? nil : machine)
    }
}
