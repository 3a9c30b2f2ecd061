import Foundation

/// The council folders read so far. Shared by every copy of a `KnowledgeBase`, so a folder is read once
/// however the knowledge is passed around; safe to use from several threads.
final class CouncilStore: @unchecked Sendable {
    struct Entry: Sendable {
        var folder: CouncilFolder?
        var issues: [KnowledgeIssue]
        var files: [KnowledgeFile]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var identities: [String: CouncilIdentity] = [:]

    init(preloaded: [CouncilFolder] = []) {
        for folder in preloaded {
            entries[folder.id] = Entry(folder: folder, issues: [], files: folder.files)
            identities[folder.id] = CouncilIdentity(id: folder.id, name: folder.name, shortName: folder.shortName,
                                                    generalPrinciples: folder.generalPrinciples)
        }
    }

    func folder(id: String, directory: String, catalogue: KnowledgeBase) -> Entry? {
        lock.lock()
        if let entry = entries[id] { lock.unlock(); return entry }
        lock.unlock()
        guard catalogue.councilIDs.contains(id), !directory.isEmpty else { return nil }
        let entry = KnowledgeLoader.readCouncil(id: id, directory: directory, catalogue: catalogue)
        lock.lock()
        defer { lock.unlock() }
        if let existing = entries[id] { return existing }
        entries[id] = entry
        return entry
    }

    /// Reads every council not yet read, spread over the cores.
    func readAll(ids: [String], directory: String, catalogue: KnowledgeBase) {
        lock.lock()
        let missing = ids.filter { entries[$0] == nil }
        lock.unlock()
        guard !missing.isEmpty else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { i in
            _ = folder(id: missing[i], directory: directory, catalogue: catalogue)
        }
    }

    /// A council's `council.json` alone, for its names.
    func identity(id: String, directory: String) -> CouncilIdentity? {
        lock.lock()
        if let known = identities[id] { lock.unlock(); return known }
        lock.unlock()
        guard !directory.isEmpty else { return nil }
        let issues = IssueCollector(file: "councils/\(id)/council.json")
        guard let data = FileManager.default.contents(atPath: "\(directory)/councils/\(id)/council.json"),
              let json = try? JSONParser.parse(bytes: [UInt8](data)),
              let identity = CouncilDecoder.decodeIdentity(json, expectedID: id, issues: issues) else { return nil }
        lock.lock()
        identities[id] = identity
        lock.unlock()
        return identity
    }

    /// Every file of every folder read so far.
    var loadedFiles: [KnowledgeFile] {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.flatMap(\.files)
    }

    /// The problems found in every folder read so far.
    var loadedIssues: [KnowledgeIssue] {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.flatMap(\.issues)
    }
}
