import Foundation

/// Remembers that part of the knowledge (the catalogue, or one council with the catalogue), as named by a
/// `KnowledgeSignature`, passed the checks of `probity validate` that concern it: an empty file `sound-<key>` in the
/// cache folder. Only a sound verdict is kept; knowledge that fails is checked again each time (and each time refused
/// with the same message).
public struct VerdictCache: Sendable {
    public let directory: String
    /// How many verdicts to keep (one per state of the catalogue and of each council in use); the oldest go first.
    public static let kept = 1_024
    /// A file changed this recently may yet change again within the file system's timestamp resolution without its
    /// times moving on, so knowledge this fresh is checked but its verdict not kept ("racy" in git's sense).
    public static let settleNanoseconds: Int64 = 2_000_000_000
    private let settle: Int64

    /// - Parameter settleNanoseconds: how old the newest change must be for a verdict to be kept (tests shorten it).
    public init(directory: String, settleNanoseconds: Int64 = VerdictCache.settleNanoseconds) {
        self.directory = directory
        settle = settleNanoseconds
    }

    /// `$XDG_CACHE_HOME/probity`, else `~/.cache/probity`.
    public static func standard(environment: [String: String]? = nil) -> VerdictCache? {
        CacheLocation.directory(environment: environment).map { VerdictCache(directory: $0) }
    }

    private func path(_ signature: KnowledgeSignature) -> String { "\(directory)/sound-\(signature.key)" }

    public func isSound(_ signature: KnowledgeSignature) -> Bool {
        access(path(signature), F_OK) == 0
    }

    /// Whether the knowledge last changed long enough ago for its signature to name it reliably.
    func isSettled(_ signature: KnowledgeSignature, now: Date = Date()) -> Bool {
        signature.newestChange < Int64(now.timeIntervalSince1970 * 1_000_000_000) - settle
    }

    /// Keeps the verdict unless the knowledge changed too recently to be named reliably; drops the oldest beyond `kept`.
    public func rememberSound(_ signature: KnowledgeSignature, now: Date = Date()) {
        guard isSettled(signature, now: now), CacheLocation.make(directory) else { return }
        let fd = open(path(signature), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        close(fd)
        prune()
    }

    private func prune() {
        CacheFile.prune(prefix: "sound-", keep: Self.kept, in: directory)
    }
}
