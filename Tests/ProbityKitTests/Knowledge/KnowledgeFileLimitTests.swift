import Foundation
import Testing

@testable import ProbityKit

/// A knowledge file larger than the limit is refused before it is parsed, with a message naming the file and the limit.
@Suite struct KnowledgeFileLimitTests {
    static func temporaryCopyOfSound() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("probity-limit-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: KnowledgeFixture.path("sound"), toPath: copy)
        return copy
    }

    @Test func aTopicFileOverTheLimitIsNamedWithTheLimit() throws {
        let copy = try Self.temporaryCopyOfSound()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let file = "catalogue/topics/sample.json"
        var bytes = [UInt8](FileManager.default.contents(atPath: copy + "/" + file)!)
        // Still valid JSON: white space after the object, to one byte past the limit.
        bytes += [UInt8](repeating: 0x20, count: KnowledgeFileReader.sizeLimit + 1 - bytes.count)
        #expect(FileManager.default.createFile(atPath: copy + "/" + file, contents: Data(bytes)))

        let issues = KnowledgeLoader.read(directory: copy).issues
        let issue = try #require(issues.first { $0.file == file })
        #expect(issue.message.contains("is larger than 16 MB, the most a knowledge file may hold"), "\(issue.message)")
        #expect(issue.description.hasPrefix(file + ": error: "))
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: copy) }
    }

    @Test func aFileAtTheLimitIsRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("probity-limit-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 100_000)))
        #expect(KnowledgeFileReader.read(path, file: "a.json", limit: 100_000) == .success([UInt8](repeating: 0x20, count: 100_000)))
        #expect(KnowledgeFileReader.read(path, file: "a.json", limit: 99_999) == .failure(.tooLarge(file: "a.json", limit: 99_999)))
    }

    /// A device that never ends (a `.json` symlinked to /dev/zero, say) stops at the limit instead of filling memory.
    @Test func aDeviceThatNeverEndsStopsAtTheLimit() {
        #expect(KnowledgeFileReader.read("/dev/zero", file: "zero.json", limit: 1 << 20) == .failure(.tooLarge(file: "zero.json", limit: 1 << 20)))
    }

    @Test func unreadableAndFoldersAreSaidSo() {
        #expect(KnowledgeFileReader.read("/nonexistent/probity.json", file: "x.json") == .failure(.unreadable(file: "x.json")))
        #expect(KnowledgeFileReader.read(NSTemporaryDirectory(), file: "dir.json") == .failure(.unreadable(file: "dir.json")))
    }

    @Test func theMessageNamesFileAndLimit() {
        let error = KnowledgeFileError.tooLarge(file: "councils/carlisle/versions/2007.json", limit: KnowledgeFileReader.sizeLimit)
        #expect(error.localizedDescription.hasPrefix("councils/carlisle/versions/2007.json is larger than 16 MB"))
        #expect(KnowledgeFileReader.describe(512 * 1024) == "512 KB")
        #expect(KnowledgeFileReader.describe(1000) == "1000 bytes")
    }
}
