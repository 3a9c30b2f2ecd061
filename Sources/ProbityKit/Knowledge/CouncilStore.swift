import Foundation

/// The council folders read so far. Shared by every copy of a `KnowledgeBase`, so a file is read once however the
/// knowledge is passed around; safe to use from several threads. A council's identity and protocol versions are read
/// together; its advice is read one topic at a time, when a walk, a comparison or `validate` needs it.
final class CouncilStore: @unchecked Sendable {
    struct Entry: Sendable {
        /// Identity and versions; `trees` holds only what was built in memory (file-based advice is in `trees` below).
        var folder: CouncilFolder?
        var issues: [KnowledgeIssue]
        var files: [KnowledgeFile]
    }

    struct TreeEntry: Sendable {
        var tree: AdviceTree?
        var issues: [KnowledgeIssue]
        var file: KnowledgeFile?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var identities: [String: CouncilIdentity] = [:]
    private var trees: [String: [String: TreeEntry]] = [:]
    /// Councils whose every advice file has been read.
    private var allTreesRead: Set<String> = []

    init(preloaded: [CouncilFolder] = []) {
        for folder in preloaded {
            entries[folder.id] = Entry(folder: folder, issues: [], files: folder.files)
            identities[folder.id] = CouncilIdentity(
                id: folder.id, name: folder.name, shortName: folder.shortName,
                generalPrinciples: folder.generalPrinciples)
            trees[folder.id] = folder.trees.mapValues { TreeEntry(tree: $0, issues: [], file: nil) }
            allTreesRead.insert(folder.id)
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func folder(id: String, directory: String, catalogue: KnowledgeBase) -> Entry? {
        if let entry = locked({ entries[id] }) { return entry }
        guard catalogue.councilIDs.contains(id), !directory.isEmpty else { return nil }
        let entry = KnowledgeLoader.readCouncil(id: id, directory: directory)
        return locked {
            if let existing = entries[id] { return existing }
            entries[id] = entry
            if let folder = entry.folder {
                identities[id] = CouncilIdentity(id: id, name: folder.name, shortName: folder.shortName, generalPrinciples: folder.generalPrinciples)
            }
            return entry
        }
    }

    /// Reads every council not yet read (identity and versions), spread over the cores.
    func readAll(ids: [String], directory: String, catalogue: KnowledgeBase) {
        let missing = locked { ids.filter { entries[$0] == nil } }
        guard !missing.isEmpty else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { i in
            _ = folder(id: missing[i], directory: directory, catalogue: catalogue)
        }
    }

    /// A council's advice on a topic: read on first use; nil when the council has no file for it (or it cannot be read).
    func tree(council id: String, topic: Topic, directory: String, catalogue: KnowledgeBase) -> TreeEntry? {
        if let known = locked({ trees[id]?[topic.id] }) { return known }
        if locked({ allTreesRead.contains(id) }) { return nil }
        guard !directory.isEmpty, let folder = folder(id: id, directory: directory, catalogue: catalogue)?.folder else { return nil }
        let entry = KnowledgeLoader.readTree(council: folder, topic: topic, directory: directory, catalogue: catalogue)
        return locked {
            if let existing = trees[id]?[topic.id] { return existing }
            if let entry { trees[id, default: [:]][topic.id] = entry }
            return entry
        }
    }

    /// Every advice file of a council, read now if not yet read.
    func allTrees(council id: String, directory: String, catalogue: KnowledgeBase) -> [TreeEntry] {
        if !locked({ allTreesRead.contains(id) }) {
            var names: [String] = []
            var stray: [TreeEntry] = []
            switch DirectoryListing.names(at: "\(directory)/councils/\(id)/advice") {
            case .success(let listed): names = listed.filter { $0.hasSuffix(".json") }
            case .failure(.missing): break  // no advice of its own: silent advice on every topic
            case .failure(let failure):
                stray.append(
                    TreeEntry(
                        tree: nil,
                        issues: [
                            KnowledgeIssue(
                                file: "councils/\(id)/advice", path: nil,
                                message: DirectoryListing.message(failure, folder: "councils/\(id)/advice", directory: directory))
                        ], file: nil))
            }
            for name in names {
                let topicID = String(name.dropLast(5))
                if let topic = catalogue.topic(id: topicID) {
                    _ = tree(council: id, topic: topic, directory: directory, catalogue: catalogue)
                } else {
                    stray.append(
                        TreeEntry(
                            tree: nil,
                            issues: [
                                KnowledgeIssue(
                                    file: "councils/\(id)/advice/\(name)", path: nil,
                                    message: "there is no topic \"\(topicID)\" in catalogue/topics/; name the file after a topic of the catalogue")
                            ], file: nil))
                }
            }
            locked {
                for (i, entry) in stray.enumerated() { trees[id, default: [:]]["\u{0}stray\(i)"] = entry }
                allTreesRead.insert(id)
            }
        }
        return locked { (trees[id] ?? [:]).sorted { $0.key < $1.key }.map(\.value) }
    }

    /// The bytes of every advice file of a council that `allTrees` would read (one per topic of the catalogue):
    /// those read already, and the rest read from disk now without being parsed. For the council's fingerprint,
    /// which must name all of its advice whether or not a topic has been walked yet.
    func adviceFiles(council id: String, directory: String, catalogue: KnowledgeBase) -> [KnowledgeFile] {
        guard let folder = folder(id: id, directory: directory, catalogue: catalogue)?.folder else { return [] }
        var byPath: [String: KnowledgeFile] = [:]
        for file in locked({ (trees[id] ?? [:]).values.compactMap(\.file) }) { byPath[file.path] = file }
        guard !directory.isEmpty, case .success(let names) = DirectoryListing.names(at: "\(directory)/\(folder.folder)/advice") else {
            return Array(byPath.values)
        }
        for name in names where name.hasSuffix(".json") && catalogue.topic(id: String(name.dropLast(5))) != nil {
            let path = "\(folder.folder)/advice/\(name)"
            if byPath[path] == nil, case .success(let bytes) = KnowledgeFileReader.read(directory + "/" + path, file: path) {
                byPath[path] = KnowledgeFile(path: path, bytes: bytes)
            }
        }
        return Array(byPath.values)
    }

    /// A council's `council.json` alone, for its names.
    func identity(id: String, directory: String) -> CouncilIdentity? {
        if let known = locked({ identities[id] }) { return known }
        guard !directory.isEmpty else { return nil }
        let issues = IssueCollector(file: "councils/\(id)/council.json")
        let file = "councils/\(id)/council.json"
        guard case .success(let bytes) = KnowledgeFileReader.read("\(directory)/\(file)", file: file),
            let json = try? JSONParser.parse(bytes: bytes),
            let identity = CouncilDecoder.decodeIdentity(json, expectedID: id, issues: issues)
        else { return nil }
        locked { identities[id] = identity }
        return identity
    }

    /// The files of one council read so far (identity, versions, advice).
    func files(council id: String) -> [KnowledgeFile] {
        locked { (entries[id]?.files ?? []) + (trees[id] ?? [:]).values.compactMap(\.file) }
    }

    /// Every file read so far.
    var loadedFiles: [KnowledgeFile] {
        locked { entries.values.flatMap(\.files) + trees.values.flatMap { $0.values.compactMap(\.file) } }
    }

    /// The problems found in everything read so far.
    var loadedIssues: [KnowledgeIssue] {
        locked { entries.values.flatMap(\.issues) + trees.values.flatMap { $0.values.flatMap(\.issues) } }
    }
}
