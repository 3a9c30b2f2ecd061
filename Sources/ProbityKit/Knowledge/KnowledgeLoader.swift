import Foundation

/// Reads a knowledge directory: the catalogue (`catalogue/topics/*.json`, `catalogue/facts.json`) and the councils
/// (`councils/<id>/`), collecting every problem instead of stopping at the first.
public enum KnowledgeLoader {
    public struct Result: Sendable {
        public var knowledge: KnowledgeBase
        public var issues: [KnowledgeIssue]
    }

    /// Which councils a command needs read before it starts.
    public enum Councils: Sendable, Equatable {
        case none
        case only([String])
        case all
    }

    /// Loads and checks what a command needs; throws `KnowledgeError` listing every problem if it cannot be trusted.
    /// The catalogue is always read; councils as `councils` says (others are read when first asked for).
    public static func load(directory: String, councils: Councils = .all) throws(KnowledgeError) -> KnowledgeBase {
        let result = read(directory: directory, councils: councils)
        var issues = result.issues
        if issues.isEmpty { issues = Validator.referenceIssues(in: result.knowledge, councils: councils) }
        guard issues.isEmpty else { throw KnowledgeError(issues: issues.sorted(), directory: directory) }
        return result.knowledge
    }

    /// The stamps of the catalogue's files, read from the file system without opening them (nil when the
    /// catalogue folder or one of its files cannot be examined).
    public static func catalogueStamps(directory: String) -> [FileStamp]? {
        guard let paths = cataloguePaths(directory: directory) else { return nil }
        var stamps: [FileStamp] = []
        for path in paths {
            guard let stamp = FileStamp(directory: directory, path: path) else { return nil }
            stamps.append(stamp)
        }
        return stamps
    }

    /// The catalogue's files, relative to the knowledge directory, in a fixed order.
    static func cataloguePaths(directory: String) -> [String]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory + "/catalogue/topics") else { return nil }
        var paths = names.filter { $0.hasSuffix(".json") }.sorted().map { "catalogue/topics/" + $0 }
        if fm.fileExists(atPath: directory + "/catalogue/facts.json") { paths.append("catalogue/facts.json") }
        if fm.fileExists(atPath: directory + "/" + OutOfScopeDecoder.file) { paths.append(OutOfScopeDecoder.file) }
        return paths
    }

    /// Reads what can be read; the issues say what could not.
    public static func read(directory: String, councils: Councils = .all) -> Result {
        var issues: [KnowledgeIssue] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            issues.append(KnowledgeIssue(file: directory, path: nil,
                message: "there is no knowledge directory here; pass --knowledge DIR or set PROBITY_KNOWLEDGE to the Knowledge folder of a Probity checkout"))
            return Result(knowledge: KnowledgeBase(councils: [], topics: [], directory: directory), issues: issues)
        }
        var topicNames: [String] = []
        if let names = try? fm.contentsOfDirectory(atPath: directory + "/catalogue/topics") {
            topicNames = names.filter { $0.hasSuffix(".json") }.sorted()
        } else {
            issues.append(KnowledgeIssue(file: "catalogue/topics", path: nil, message: "the folder catalogue/topics/ is missing from the knowledge directory \(directory)"))
        }
        var councilIDs: [String] = []
        if let names = try? fm.contentsOfDirectory(atPath: directory + "/councils") {
            councilIDs = names.filter { name in
                var dir: ObjCBool = false
                return !name.hasPrefix(".") && fm.fileExists(atPath: "\(directory)/councils/\(name)", isDirectory: &dir) && dir.boolValue
            }.sorted()
        } else {
            issues.append(KnowledgeIssue(file: "councils", path: nil, message: "the folder councils/ is missing from the knowledge directory \(directory)"))
        }
        // Shared facts first: every topic's advice may name them.
        var files: [KnowledgeFile] = []
        var sharedFacts: [Fact] = []
        let factsFile = "catalogue/facts.json"
        if fm.fileExists(atPath: directory + "/" + factsFile) {
            let parsed = parse(directory: directory, file: factsFile)
            issues += parsed.issues
            if let bytes = parsed.bytes { files.append(KnowledgeFile(path: factsFile, bytes: bytes)) }
            if let json = parsed.json {
                let collector = IssueCollector(file: factsFile)
                sharedFacts = CatalogueDecoder.decodeSharedFacts(json, file: factsFile, issues: collector) ?? []
                issues += collector.issues
            }
        }
        var outOfScope: [OutOfScopeSubject] = []
        var outOfScopeFile: KnowledgeFile?
        let scope = readOutOfScope(directory: directory)
        issues += scope.issues
        if let file = scope.file { outOfScopeFile = file }
        outOfScope = scope.subjects
        let names = topicNames
        let results = ConcurrentSlots<(topic: Topic?, file: KnowledgeFile?, issues: [KnowledgeIssue])>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let file = "catalogue/topics/" + names[i]
            let parsed = parse(directory: directory, file: file)
            var topic: Topic?
            var found = parsed.issues
            if let json = parsed.json {
                let collector = IssueCollector(file: file)
                topic = CatalogueDecoder.decodeTopic(json, file: file, expectedID: String(names[i].dropLast(5)), issues: collector)
                found += collector.issues
            }
            results[i] = (topic, parsed.bytes.map { KnowledgeFile(path: file, bytes: $0) }, found)
        }
        var topics: [Topic] = []
        for case let result? in results.values {
            if let topic = result.topic { topics.append(topic) }
            if let file = result.file { files.append(file) }
            issues += result.issues
        }
        if let outOfScopeFile { files.append(outOfScopeFile) }
        var knowledge = KnowledgeBase(topics: topics, sharedFacts: sharedFacts, directory: directory, councilIDs: councilIDs,
                                      catalogueFiles: files, store: CouncilStore())
        knowledge.outOfScope = outOfScope
        switch councils {
        case .none: break
        case .all:
            // Identity and versions of every council; advice is read (and checked) topic by topic as it is needed.
            _ = knowledge.folders
            issues += councilIDs.flatMap { knowledge.councilRead(id: $0)?.issues ?? [] }
        case .only(let ids):
            for id in ids where councilIDs.contains(id) {
                issues += knowledge.councilRead(id: id)?.issues ?? []
                issues += knowledge.adviceIssues(council: id)
            }
        }
        return Result(knowledge: knowledge, issues: issues)
    }

    /// Reads `catalogue/out-of-scope.json`, the subjects the protocols do not cover; none when there is no such file.
    public static func readOutOfScope(directory: String) -> (subjects: [OutOfScopeSubject], file: KnowledgeFile?, issues: [KnowledgeIssue]) {
        let file = OutOfScopeDecoder.file
        guard FileManager.default.fileExists(atPath: directory + "/" + file) else { return ([], nil, []) }
        let parsed = parse(directory: directory, file: file)
        var issues = parsed.issues
        var subjects: [OutOfScopeSubject] = []
        if let json = parsed.json {
            let collector = IssueCollector(file: file)
            subjects = OutOfScopeDecoder.decode(json, issues: collector) ?? []
            issues += collector.issues
        }
        return (subjects, parsed.bytes.map { KnowledgeFile(path: file, bytes: $0) }, issues)
    }

    /// Reads one council's identity and protocol versions: `council.json`, `versions/*.json`. Its advice is read
    /// a topic at a time (`readTree`).
    static func readCouncil(id: String, directory: String) -> CouncilStore.Entry {
        let folder = "councils/\(id)"
        var issues: [KnowledgeIssue] = []
        var files: [KnowledgeFile] = []
        let identityFile = folder + "/council.json"
        let parsedIdentity = parse(directory: directory, file: identityFile)
        issues += parsedIdentity.issues
        if let bytes = parsedIdentity.bytes { files.append(KnowledgeFile(path: identityFile, bytes: bytes)) }
        var identity: CouncilIdentity?
        if let json = parsedIdentity.json {
            let collector = IssueCollector(file: identityFile)
            identity = CouncilDecoder.decodeIdentity(json, expectedID: id, issues: collector)
            issues += collector.issues
        }
        guard let identity else {
            return CouncilStore.Entry(folder: nil, issues: issues, files: files)
        }
        var versions: [Council] = []
        let versionNames = ((try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(folder)/versions")) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        if versionNames.isEmpty {
            issues.append(KnowledgeIssue(file: folder + "/versions", path: nil, message: "a council needs at least one protocol version in \(folder)/versions/"))
        }
        for name in versionNames {
            let file = "\(folder)/versions/\(name)"
            let parsed = parse(directory: directory, file: file)
            issues += parsed.issues
            if let bytes = parsed.bytes { files.append(KnowledgeFile(path: file, bytes: bytes)) }
            guard let json = parsed.json else { continue }
            let collector = IssueCollector(file: file)
            if let version = CouncilDecoder.decodeVersion(json, file: file, identity: identity, folder: folder, issues: collector) {
                versions.append(version)
            }
            issues += collector.issues
        }
        var councilFolder = CouncilFolder(id: id, name: identity.name, shortName: identity.shortName,
                                          generalPrinciples: identity.generalPrinciples, versions: versions, trees: [],
                                          folder: folder, files: files)
        councilFolder.outOfScope = identity.outOfScope
        return CouncilStore.Entry(folder: councilFolder, issues: issues, files: files)
    }

    /// Reads a council's advice on one topic, `advice/<topic>.json`, and checks what it cites against the council's
    /// current version; nil when the council has no file for the topic.
    static func readTree(council: CouncilFolder, topic: Topic, directory: String, catalogue: KnowledgeBase) -> CouncilStore.TreeEntry? {
        let file = "\(council.folder)/advice/\(topic.id).json"
        guard FileManager.default.fileExists(atPath: directory + "/" + file) else { return nil }
        let parsed = parse(directory: directory, file: file)
        var entry = CouncilStore.TreeEntry(tree: nil, issues: parsed.issues, file: parsed.bytes.map { KnowledgeFile(path: file, bytes: $0) })
        guard let json = parsed.json else { return entry }
        let collector = IssueCollector(file: file)
        let context = AdviceDecoder.Context(councilID: council.id, topic: topic,
                                            sharedFacts: Dictionary(catalogue.sharedFacts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
                                            file: file, issues: collector)
        entry.tree = AdviceDecoder.decode(json, context: context)
        entry.issues += collector.issues
        if let tree = entry.tree, let current = council.current {
            entry.issues += Validator.treeReferenceIssues(tree, council: current)
        }
        return entry
    }

    private static func parse(directory: String, file: String) -> (json: JSONValue?, bytes: [UInt8]?, issues: [KnowledgeIssue]) {
        let bytes: [UInt8]
        switch KnowledgeFileReader.read(directory + "/" + file, file: file) {
        case .success(let read): bytes = read
        case .failure(let error): return (nil, nil, [KnowledgeIssue(file: file, path: nil, message: error.issueMessage)])
        }
        do {
            return (try JSONParser.parse(bytes: bytes), bytes, [])
        } catch {
            return (nil, bytes, [KnowledgeIssue(file: file, path: nil, message: "malformed JSON: \(error.message)", position: error.position)])
        }
    }
}

/// Fixed slots that concurrent workers fill, one slot each; read only after they all finish.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [Value?] { lock.lock(); defer { lock.unlock() }; return storage }
}
