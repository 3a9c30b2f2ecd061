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
        var hasher = SHA256()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            issues.append(KnowledgeIssue(file: directory, path: nil,
                message: "there is no knowledge directory here; pass --knowledge DIR or set PROBITY_KNOWLEDGE to the Knowledge folder of a Probity checkout"))
            return Result(knowledge: KnowledgeBase(councilVersions: [], topics: [], directory: directory), issues: issues)
        }
        for folder in ["councils", "topics"] {
            let folderPath = directory + "/" + folder
            guard let names = try? fm.contentsOfDirectory(atPath: folderPath) else {
                issues.append(KnowledgeIssue(file: folder, path: nil, message: "the folder \(folder)/ is missing from the knowledge directory \(directory)"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".json") {
                let file = folder + "/" + name
                guard let data = fm.contents(atPath: folderPath + "/" + name) else {
                    issues.append(KnowledgeIssue(file: file, path: nil, message: "cannot be read (check its permissions)"))
                    continue
                }
                let bytes = [UInt8](data)
                hasher.update(file.utf8)
                hasher.update([0])
                hasher.update(bytes)
                let json: JSONValue
                do {
                    json = try JSONParser.parse(bytes: bytes)
                } catch {
                    issues.append(KnowledgeIssue(file: file, path: nil, message: "malformed JSON: \(error.message)", position: error.position))
                    continue
                }
                let collector = IssueCollector(file: file)
                if folder == "councils" {
                    if let council = CouncilDecoder.decode(json, file: file, issues: collector) { councils.append(council) }
                } else {
                    let stem = String(name.dropLast(5))
                    if let topic = TopicDecoder.decode(json, file: file, expectedID: stem, issues: collector) { topics.append(topic) }
                }
                issues += collector.issues
            }
        }
        let knowledge = KnowledgeBase(councilVersions: councils, topics: topics,
                                      fingerprint: hasher.finalize().hexString, directory: directory)
        return Result(knowledge: knowledge, issues: issues)
    }
}
