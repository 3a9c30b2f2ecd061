import Foundation

/// Reads a knowledge directory (`councils/*.json`, `topics/*.json`) into a `KnowledgeBase`,
/// collecting every problem instead of stopping at the first.
public enum KnowledgeLoader {
    public struct Result: Sendable {
        public var knowledge: KnowledgeBase
        public var issues: [KnowledgeIssue]
    }

    /// Loads and checks the knowledge; throws `KnowledgeError` listing every problem if it cannot be trusted.
    public static func load(directory: String) throws(KnowledgeError) -> KnowledgeBase {
        let result = read(directory: directory)
        var issues = result.issues
        if issues.isEmpty { issues = Validator.referenceIssues(in: result.knowledge) }
        guard issues.isEmpty else { throw KnowledgeError(issues: issues.sorted()) }
        return result.knowledge
    }

    /// Reads what can be read; the issues say what could not.
    public static func read(directory: String) -> Result {
        var issues: [KnowledgeIssue] = []
        var councils: [Council] = []
        var topics: [Topic] = []
        var loaded: [KnowledgeFile] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            issues.append(KnowledgeIssue(file: directory, path: nil,
                message: "there is no knowledge directory here; pass --knowledge DIR or set PROBITY_KNOWLEDGE to the Knowledge folder of a Probity checkout"))
            return Result(knowledge: KnowledgeBase(councilVersions: [], topics: [], directory: directory), issues: issues)
        }
        var files: [(folder: String, name: String)] = []
        for folder in ["councils", "topics"] {
            guard let names = try? fm.contentsOfDirectory(atPath: directory + "/" + folder) else {
                issues.append(KnowledgeIssue(file: folder, path: nil, message: "the folder \(folder)/ is missing from the knowledge directory \(directory)"))
                continue
            }
            files += names.sorted().filter { $0.hasSuffix(".json") }.map { (folder, $0) }
        }
        // Each file is read, parsed and decoded on its own, so the work is spread over the cores.
        let toRead = files
        let results = ConcurrentSlots<FileResult>(count: toRead.count)
        DispatchQueue.concurrentPerform(iterations: toRead.count) { i in
            results[i] = readFile(directory: directory, folder: toRead[i].folder, name: toRead[i].name)
        }
        for result in results.values {
            guard let result else { continue }
            loaded.append(KnowledgeFile(path: result.file, bytes: result.bytes))
            issues += result.issues
            if let council = result.council { councils.append(council) }
            if let topic = result.topic { topics.append(topic) }
        }
        let knowledge = KnowledgeBase(councilVersions: councils, topics: topics,
                                      files: loaded, directory: directory)
        return Result(knowledge: knowledge, issues: issues)
    }

    private struct FileResult: Sendable {
        var file: String
        var bytes: [UInt8] = []
        var council: Council?
        var topic: Topic?
        var issues: [KnowledgeIssue] = []
    }

    private static func readFile(directory: String, folder: String, name: String) -> FileResult {
        let file = folder + "/" + name
        var result = FileResult(file: file)
        guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
            result.issues.append(KnowledgeIssue(file: file, path: nil, message: "cannot be read (check its permissions)"))
            return result
        }
        let bytes = [UInt8](data)
        result.bytes = bytes
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: bytes)
        } catch {
            result.issues.append(KnowledgeIssue(file: file, path: nil, message: "malformed JSON: \(error.message)", position: error.position))
            return result
        }
        let collector = IssueCollector(file: file)
        if folder == "councils" {
            result.council = CouncilDecoder.decode(json, file: file, issues: collector)
        } else {
            result.topic = TopicDecoder.decode(json, file: file, expectedID: String(name.dropLast(5)), issues: collector)
        }
        result.issues = collector.issues
        return result
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
