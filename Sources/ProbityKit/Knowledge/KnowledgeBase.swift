import Foundation

/// Everything Probity knows: every council's protocol versions and every topic.
public struct KnowledgeBase: Sendable {
    /// Every council version, current and earlier.
    public var councilVersions: [Council]
    public var topics: [Topic]
    /// SHA-256 over the lines "<file>\0<SHA-256 of the file>\n" of every knowledge file in path order,
    /// so a transcript can name exactly which text was quoted. Computed when asked for, from the
    /// bytes that were loaded (most commands never need it).
    public var fingerprint: String {
        if let fixedFingerprint { return fixedFingerprint }
        var hasher = SHA256()
        for file in files { hasher.update("\(file.path)\u{0}\(SHA256.hex(file.bytes))\n") }
        return hasher.finalize().hexString
    }

    /// The knowledge files as they were read, for the fingerprint.
    public var files: [KnowledgeFile]
    private var fixedFingerprint: String?
    /// The directory the knowledge was read from.
    public var directory: String

    private var currentIndex: [String: Int] = [:]
    private var topicIndex: [String: Int] = [:]

    public init(councilVersions: [Council], topics: [Topic], fingerprint: String? = nil, files: [KnowledgeFile] = [],
                directory: String = "") {
        self.councilVersions = councilVersions
        self.topics = topics
        self.fixedFingerprint = fingerprint
        self.files = files
        self.directory = directory
        for (i, council) in councilVersions.enumerated() where council.isCurrent && currentIndex[council.id] == nil {
            currentIndex[council.id] = i
        }
        for (i, topic) in topics.enumerated() where topicIndex[topic.id] == nil {
            topicIndex[topic.id] = i
        }
    }

    /// The current version of each council, in a stable order (by name).
    public var councils: [Council] {
        councilVersions.filter(\.isCurrent).sorted { $0.name < $1.name }
    }

    /// The current version of a council.
    public func council(id: String) -> Council? {
        currentIndex[id].map { councilVersions[$0] }
    }

    /// Every version of a council, oldest first as the files order them (earlier versions before the current one).
    public func versions(of councilID: String) -> [Council] {
        let all = councilVersions.filter { $0.id == councilID }
        return all.filter { !$0.isCurrent } + all.filter(\.isCurrent)
    }

    public func topic(id: String) -> Topic? {
        topicIndex[id].map { topics[$0] }
    }

    /// The clause a citation points to, in the council's current version.
    public func clause(for citation: Citation) -> Clause? {
        council(id: citation.council)?.clause(id: citation.clause)
    }

    /// A council named the way a user might type it: its id, name or short name, any case,
    /// or an unambiguous prefix of one of those.
    public func resolveCouncil(_ text: String) -> Council? {
        let wanted = text.lowercased().trimmingWhitespace()
        guard !wanted.isEmpty else { return nil }
        let all = councils
        if let exact = all.first(where: { $0.id == wanted || $0.name.lowercased() == wanted || $0.shortName.lowercased() == wanted }) {
            return exact
        }
        let dashed = wanted.replacingOccurrences(of: " ", with: "-")
        let prefixed = all.filter { $0.id.hasPrefix(dashed) || $0.shortName.lowercased().hasPrefix(wanted) || $0.name.lowercased().hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}

/// One knowledge file's path (relative to the knowledge directory) and bytes.
public struct KnowledgeFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}
