import Foundation

/// What every council shares, as read from `catalogue/`: the topics and their facts, the shared facts, the router's
/// background questions, the subjects the protocols do not cover, and the files they came from (for the fingerprint).
struct Catalogue: Sendable {
    var topics: [Topic] = []
    var sharedFacts: [Fact] = []
    var background: [String] = []
    var outOfScope: [OutOfScopeSubject] = []
    /// Every catalogue file, with its bytes as read or (from a snapshot) only its digest.
    var files: [KnowledgeFile] = []
    var wordVectors = WordVectorSource.none
}

/// The word vectors of a catalogue: none, read with the catalogue, or read from `catalogue/vectors.bin` the first
/// time the router is built (a catalogue from a snapshot, whose router usually comes from a snapshot too).
final class WordVectorSource: @unchecked Sendable {
    static let none = WordVectorSource(nil)

    private let lock = NSLock()
    private var loaded: WordVectors??
    private let path: String?

    /// Vectors already read (or none).
    init(_ vectors: WordVectors?) {
        loaded = .some(vectors)
        path = nil
    }

    /// Vectors read from `path` when first asked for; none if it cannot then be read.
    init(path: String) {
        self.path = path
        loaded = nil
    }

    var vectors: WordVectors? {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let read = path.flatMap { path in
            try? KnowledgeFileReader.read(path, file: KnowledgeLoader.vectorsFile).get()
        }.flatMap(WordVectors.init(bytes:))
        loaded = .some(read)
        return read
    }
}
