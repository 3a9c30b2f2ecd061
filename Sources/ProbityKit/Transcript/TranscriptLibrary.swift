import Foundation

/// The transcripts in one folder: listing them, and finding one by id.
public struct TranscriptLibrary: Sendable {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    public struct Entry: Sendable {
        public var document: TranscriptDocument
        public var verification: TranscriptVerification
        public var summary: TranscriptSummary
    }

    /// The `.jsonl` files directly in the folder, oldest first (ids start with the time).
    public func files() throws(TranscriptLookupError) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw .noDirectory(directory)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .unreadableDirectory(directory)
        }
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted().map { join(directory, $0) }
    }

    /// Every transcript in the folder, read and verified (on all cores), oldest first. A file that cannot be
    /// read is listed too, as `.unreadable`, never skipped.
    public func entries() throws(TranscriptLookupError) -> [Entry] {
        let paths = try files()
        let results = LockedArray<Entry?>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(TranscriptReadError) {
                results[i] = try Self.load(path: paths[i])
            } catch {
                results[i] = Self.unreadable(path: paths[i], error)
            }
        }
        return results.values.compactMap { $0 }
    }

    /// The entry for a file that could not be read.
    static func unreadable(path: String, _ error: TranscriptReadError) -> Entry {
        let document = TranscriptDocument(path: path, lines: [], endsCleanly: true)
        let verification = TranscriptVerification(status: .unreadable(reason: error.reason), lines: 0)
        return Entry(document: document, verification: verification, summary: TranscriptSummary(document, verification: verification))
    }

    /// Reads and verifies one file.
    public static func load(path: String) throws(TranscriptReadError) -> Entry {
        let document = try TranscriptReader.read(path: path)
        let markdown = path.hasSuffix(".jsonl") ? (try? TranscriptReader.readText(path: String(path.dropLast(".jsonl".count)) + ".md")) : nil
        let verification = TranscriptVerifier.verify(document, markdownBeside: path.hasSuffix(".jsonl") ? markdown : nil)
        return Entry(document: document, verification: verification, summary: TranscriptSummary(document, verification: verification))
    }

    /// The file for what the user typed: a transcript's id, the start of one (if only one matches), or a path
    /// to a `.jsonl` file anywhere.
    public func resolve(_ text: String) throws(TranscriptLookupError) -> String {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if wanted.contains("/") || wanted.hasSuffix(".jsonl") {
            guard FileManager.default.fileExists(atPath: wanted) else { throw .noSuchFile(wanted) }
            return wanted
        }
        let names = try files().map { ($0, String($0.split(separator: "/").last ?? "").dropLast(6)) }
        if let exact = names.first(where: { $0.1 == wanted }) { return exact.0 }
        let prefixed = wanted.isEmpty ? [] : names.filter { $0.1.hasPrefix(wanted) }
        if prefixed.count == 1 { return prefixed[0].0 }
        if prefixed.count > 1 { throw .ambiguous(wanted, matches: prefixed.map { String($0.1) }) }
        throw .unknown(wanted, directory: directory)
    }

    private func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

public enum TranscriptLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noDirectory(String)
    case unreadableDirectory(String)
    case noSuchFile(String)
    case unknown(String, directory: String)
    case ambiguous(String, matches: [String])

    public var description: String {
        switch self {
        case .noDirectory(let dir):
            "There is no transcript folder at \(dir): no conversation has been saved there yet. Use --transcripts DIR to look elsewhere."
        case .unreadableDirectory(let dir):
            "Cannot read the transcript folder \(dir): permission denied."
        case .noSuchFile(let path):
            "There is no transcript file \(path)."
        case .unknown(let id, let dir):
            "No transcript \"\(id)\" in \(dir). Run `probity transcripts list` to see the ids."
        case .ambiguous(let id, let matches):
            "\"\(id)\" could be any of \(matches.count) transcripts (\(matches.prefix(5).joined(separator: ", "))\(matches.count > 5 ? ", …" : "")); type more of the id."
        }
    }
}

/// Slots filled from several threads at once.
private final class LockedArray<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Element? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Element] { lock.withLock { storage.compactMap { $0 } } }
}
