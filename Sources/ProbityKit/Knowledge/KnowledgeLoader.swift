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
    /// - Parameter knownSound: the knowledge gate has found the directory sound (`KnowledgeGate`), so the checks are
    ///   not run again and a council's advice is read topic by topic as it is needed; what cannot be read still fails.
    public static func load(directory: String, councils: Councils = .all, knownSound: Bool = false) throws(KnowledgeError) -> KnowledgeBase {
        try load(directory: directory, councils: councils, knownSound: knownSound, catalogue: nil)
    }

    /// - Parameter catalogue: the catalogue of this knowledge already read (a snapshot the gate kept).
    static func load(directory: String, councils: Councils, knownSound: Bool, catalogue: Catalogue?) throws(KnowledgeError) -> KnowledgeBase {
        var result = read(directory: directory, councils: councils, readAdvice: !knownSound, catalogue: catalogue)
        var issues = result.issues
        if issues.isEmpty, !knownSound { issues = Validator.referenceIssues(in: result.knowledge, councils: councils) }
        guard issues.isEmpty else { throw KnowledgeError(issues: issues.sorted(), directory: directory) }
        result.knowledge.knownSound = knownSound
        return result.knowledge
    }

    /// Questions no topic answers, which the router learns as its background class.
    static let backgroundFile = "catalogue/background.json"
    /// Distilled word vectors for the router (binary; `scripts/distil-vectors.py` writes it).
    static let vectorsFile = "catalogue/vectors.bin"

    /// Reads what can be read; the issues say what could not.
    /// - Parameters:
    ///   - readAdvice: with `.only`, read and check the named councils' advice now (else topic by topic).
    ///   - catalogue: the catalogue already read (from a snapshot of this knowledge): only the councils are read.
    public static func read(directory: String, councils: Councils = .all, readAdvice: Bool = true) -> Result {
        read(directory: directory, councils: councils, readAdvice: readAdvice, catalogue: nil)
    }

    static func read(directory: String, councils: Councils, readAdvice: Bool, catalogue known: Catalogue?) -> Result {
        var issues: [KnowledgeIssue] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            issues.append(
                KnowledgeIssue(
                    file: directory, path: nil,
                    message: "there is no knowledge directory here; pass --knowledge DIR or set PROBITY_KNOWLEDGE to the Knowledge folder of a Probity checkout"
                ))
            return Result(knowledge: KnowledgeBase(councils: [], topics: [], directory: directory), issues: issues)
        }
        let listed = councilIDs(directory: directory)
        let councilIDs = listed.ids
        issues += listed.issues
        let catalogue: Catalogue
        if let known {
            catalogue = known
        } else {
            let read = readCatalogue(directory: directory)
            catalogue = read.catalogue
            issues = read.issues + issues
        }
        let knowledge = KnowledgeBase(catalogue: catalogue, directory: directory, councilIDs: councilIDs)
        switch councils {
        case .none: break
        case .all:
            // Identity and versions of every council; advice is read (and checked) topic by topic as it is needed.
            _ = knowledge.folders
            issues += councilIDs.flatMap { knowledge.councilRead(id: $0)?.issues ?? [] }
        case .only(let ids):
            for id in ids where councilIDs.contains(id) {
                issues += knowledge.councilRead(id: id)?.issues ?? []
                if readAdvice { issues += knowledge.adviceIssues(council: id) }
            }
        }
        return Result(knowledge: knowledge, issues: issues)
    }

    /// The council folders in `councils/` (their ids, sorted; hidden names left out), or why it cannot be listed.
    static func councilIDs(directory: String) -> (ids: [String], issues: [KnowledgeIssue]) {
        switch DirectoryListing.folders(at: directory + "/councils") {
        case .success(let names): (names.filter { !$0.hasPrefix(".") }, [])
        case .failure(let failure):
            ([], [KnowledgeIssue(file: "councils", path: nil, message: DirectoryListing.message(failure, folder: "councils", directory: directory))])
        }
    }

    /// Reads `catalogue/`: shared facts, background questions, word vectors, out-of-scope subjects, the topics.
    static func readCatalogue(directory: String) -> (catalogue: Catalogue, issues: [KnowledgeIssue]) {
        var issues: [KnowledgeIssue] = []
        let fm = FileManager.default
        var topicNames: [String] = []
        switch DirectoryListing.names(at: directory + "/catalogue/topics") {
        case .success(let names): topicNames = names.filter { $0.hasSuffix(".json") }
        case .failure(let failure):
            issues.append(
                KnowledgeIssue(
                    file: "catalogue/topics", path: nil,
                    message: DirectoryListing.message(failure, folder: "catalogue/topics", directory: directory)))
        }
        var catalogue = Catalogue()
        // Shared facts first: every topic's advice may name them.
        let factsFile = "catalogue/facts.json"
        if fm.fileExists(atPath: directory + "/" + factsFile) {
            let read = decode(directory: directory, file: factsFile) { CatalogueDecoder.decodeSharedFacts($0, file: factsFile, issues: $1) }
            issues += read.issues
            if let file = read.file { catalogue.files.append(file) }
            catalogue.sharedFacts = read.value ?? []
        }
        // Questions no topic answers, for the router's background class (optional).
        if fm.fileExists(atPath: directory + "/" + backgroundFile) {
            let read = decode(directory: directory, file: backgroundFile) { CatalogueDecoder.decodeBackground($0, issues: $1) }
            issues += read.issues
            if let file = read.file { catalogue.files.append(file) }
            catalogue.background = read.value ?? []
        }
        if fm.fileExists(atPath: directory + "/" + vectorsFile) {
            switch KnowledgeFileReader.read(directory + "/" + vectorsFile, file: vectorsFile).map(WordVectors.init(bytes:)) {
            case .success(let vectors?):
                catalogue.wordVectors = WordVectorSource(vectors)
                catalogue.files.append(KnowledgeFile(path: vectorsFile, bytes: vectors.bytes))
            case .failure(let failure):
                issues.append(KnowledgeIssue(file: vectorsFile, path: nil, message: failure.issueMessage))
            case .success(nil):
                issues.append(
                    KnowledgeIssue(
                        file: vectorsFile, path: nil,
                        message: "is not a word-vector file this version of Probity can read; write it again with scripts/distil-vectors.py, or remove it"))
            }
        }
        let scope = readOutOfScope(directory: directory)
        issues += scope.issues
        catalogue.outOfScope = scope.subjects
        let names = topicNames
        let results = ConcurrentSlots<(value: Topic?, file: KnowledgeFile?, issues: [KnowledgeIssue])>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let file = "catalogue/topics/" + names[i]
            results[i] = decode(directory: directory, file: file) {
                CatalogueDecoder.decodeTopic($0, file: file, expectedID: String(names[i].dropLast(5)), issues: $1)
            }
        }
        for case let result? in results.values {
            if let topic = result.value { catalogue.topics.append(topic) }
            if let file = result.file { catalogue.files.append(file) }
            issues += result.issues
        }
        if let file = scope.file { catalogue.files.append(file) }
        return (catalogue, issues)
    }

    /// Reads `catalogue/out-of-scope.json`, the subjects the protocols do not cover; none when there is no such file.
    public static func readOutOfScope(directory: String) -> (subjects: [OutOfScopeSubject], file: KnowledgeFile?, issues: [KnowledgeIssue]) {
        let file = OutOfScopeDecoder.file
        guard FileManager.default.fileExists(atPath: directory + "/" + file) else { return ([], nil, []) }
        let read = decode(directory: directory, file: file) { OutOfScopeDecoder.decode($0, issues: $1) }
        return (read.value ?? [], read.file, read.issues)
    }

    /// Reads one council's identity and protocol versions: `council.json`, `versions/*.json`. Its advice is read
    /// a topic at a time (`readTree`).
    static func readCouncil(id: String, directory: String) -> CouncilStore.Entry {
        let folder = "councils/\(id)"
        var issues: [KnowledgeIssue] = []
        var files: [KnowledgeFile] = []
        let identityFile = folder + "/council.json"
        let readIdentity = decode(directory: directory, file: identityFile) { CouncilDecoder.decodeIdentity($0, expectedID: id, issues: $1) }
        issues += readIdentity.issues
        if let file = readIdentity.file { files.append(file) }
        guard let identity = readIdentity.value else {
            return CouncilStore.Entry(folder: nil, issues: issues, files: files)
        }
        var versions: [Council] = []
        var versionNames: [String] = []
        var listed = true
        switch DirectoryListing.names(at: "\(directory)/\(folder)/versions") {
        case .success(let names): versionNames = names.filter { $0.hasSuffix(".json") }
        case .failure(.missing): break
        case .failure(let failure):
            listed = false
            issues.append(
                KnowledgeIssue(
                    file: folder + "/versions", path: nil,
                    message: DirectoryListing.message(failure, folder: folder + "/versions", directory: directory)))
        }
        if versionNames.isEmpty && listed {
            issues.append(
                KnowledgeIssue(file: folder + "/versions", path: nil, message: "a council needs at least one protocol version in \(folder)/versions/"))
        }
        for name in versionNames {
            let file = "\(folder)/versions/\(name)"
            let read = decode(directory: directory, file: file) {
                CouncilDecoder.decodeVersion($0, file: file, identity: identity, folder: folder, issues: $1)
            }
            issues += read.issues
            if let file = read.file { files.append(file) }
            if let version = read.value { versions.append(version) }
        }
        var councilFolder = CouncilFolder(
            id: id, name: identity.name, shortName: identity.shortName,
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
        let read = decode(directory: directory, file: file) { json, collector in
            let context = AdviceDecoder.Context(
                councilID: council.id, topic: topic,
                sharedFacts: Dictionary(catalogue.sharedFacts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
                file: file, issues: collector)
            return AdviceDecoder.decode(json, context: context)
        }
        var entry = CouncilStore.TreeEntry(tree: read.value, issues: read.issues, file: read.file)
        if let tree = entry.tree, let current = council.current {
            entry.issues += Validator.treeReferenceIssues(tree, council: current)
        }
        if let tree = entry.tree, tree.nodes[tree.start] != nil, let cycle = TreeChecker(tree: tree).cycleIssue() {
            entry.issues.append(cycle)
        }
        return entry
    }

    /// A knowledge file read, parsed and decoded by `decode`: the value (nil when the file could not be read, parsed or
    /// decoded), the file's bytes (for the fingerprint; nil when unreadable) and every problem found on the way.
    private static func decode<Value>(directory: String, file: String, _ decode: (JSONValue, IssueCollector) -> Value?) -> (
        value: Value?, file: KnowledgeFile?, issues: [KnowledgeIssue]
    ) {
        let parsed = parse(directory: directory, file: file)
        var issues = parsed.issues
        var value: Value?
        if let json = parsed.json {
            let collector = IssueCollector(file: file)
            value = decode(json, collector)
            issues += collector.issues
        }
        return (value, parsed.bytes.map { KnowledgeFile(path: file, bytes: $0) }, issues)
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
        get {
            lock.lock()
            defer { lock.unlock() }
            return storage[index]
        }
        set {
            lock.lock()
            storage[index] = newValue
            lock.unlock()
        }
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
