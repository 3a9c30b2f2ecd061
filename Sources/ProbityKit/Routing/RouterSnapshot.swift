import Foundation

/// The router's index written to bytes and read back, so that `probity ask` need not index the catalogue on every
/// run. A snapshot is named by the knowledge gate's signature of the knowledge (taken before anything was read) and
/// the routing weights it was built from, and is written only after that knowledge passed the gate, so reading it
/// back is as good as building it.
public enum RouterSnapshot {
    static let magic: [UInt8] = Array("PROBITY-ROUTER-2\n".utf8)

    /// The name of the snapshot for the knowledge with this signature (every knowledge file's stamp and the
    /// binary's, see `KnowledgeSignature`) and these weights: any write to the knowledge, or a new build, names
    /// another snapshot, so `probity ask` need not read the catalogue to find its router.
    public static func key(knowledge signature: KnowledgeSignature, weights: RoutingWeights = .standard) -> String {
        var digest = CacheDigest()
        digest.mix(magic)
        digest.mix("\(weights)".utf8)
        digest.mix(signature.key.utf8)
        return digest.hex
    }

    public static func encode(_ router: Router) -> [UInt8] {
        let index = router.index
        var w = ByteWriter()
        w.bytes(magic)
        w.int(index.entries.count)
        for entry in index.entries {
            w.string(entry.id)
            w.string(entry.title)
        }
        w.int(index.hasBackground ? 1 : 0)
        w.int(index.normaliser.vocabulary.count)
        for term in index.normaliser.vocabulary { w.string(term) }
        let cache = index.normaliser.cache.sorted { $0.key < $1.key }
        w.int(cache.count)
        for (word, entry) in cache {
            w.string(word)
            w.int(entry.isStop ? 1 : 0)
            w.ints(entry.terms)
        }
        for lists in [index.postings, index.counts] {
            w.int(lists.count)
            for list in lists {
                w.int(list.count)
                for posting in list {
                    w.int(posting.document)
                    w.double(posting.weight)
                }
            }
        }
        w.doubles(index.idf)
        w.double(index.unknownIDF)
        w.doubles(index.topicLength)
        w.doubles(index.background)
        if let classifier = index.classifier {
            w.int(1)
            w.int(classifier.classes)
            w.int(classifier.features)
            w.doubles(classifier.weights)
            w.doubles(classifier.bias)
        } else {
            w.int(0)
        }
        w.int(index.vocabulary.words.count)
        for word in index.vocabulary.words {
            w.int(word.count)
            w.bytes(word)
        }
        if let vectors = index.wordVectors {
            w.int(1)
            w.int(vectors.bytes.count)
            w.bytes(vectors.bytes)
            w.ints(index.exampleDocuments)
            w.int(index.exampleVectors.count)
            for x in index.exampleVectors { withUnsafeBytes(of: x.bitPattern.littleEndian) { w.out += $0 } }
        } else {
            w.int(0)
        }
        return w.out
    }

    /// The router these bytes hold, or nil when they are not a snapshot this version can read (a new one is built).
    public static func decode(_ bytes: [UInt8], weights: RoutingWeights = .standard, thresholds: RoutingThresholds = .standard) -> Router? {
        var r = ByteReader(bytes)
        guard r.bytes(magic.count) == magic else { return nil }
        guard let entryCount = r.count() else { return nil }
        var entries: [TopicIndex.Entry] = []
        for _ in 0..<entryCount {
            guard let id = r.string(), let title = r.string() else { return nil }
            entries.append(.init(id: id, title: title))
        }
        guard let backgroundFlag = r.int(), backgroundFlag == 0 || backgroundFlag == 1 else { return nil }
        let hasBackground = backgroundFlag == 1
        let documentCount = entryCount + backgroundFlag
        guard let termCount = r.count() else { return nil }
        var vocabulary: [String] = []
        vocabulary.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let term = r.string() else { return nil }
            vocabulary.append(term)
        }
        guard let wordCount = r.count() else { return nil }
        var cache: [String: TextNormaliser.Entry] = [:]
        cache.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            guard let word = r.string(), let stop = r.int(), let terms = r.ints(), terms.allSatisfy({ $0 >= 0 && $0 < termCount }) else { return nil }
            cache[word] = .init(terms: terms, isStop: stop == 1)
        }
        var lists: [[[TopicIndex.Posting]]] = []
        for _ in 0..<2 {
            guard let count = r.count() else { return nil }
            var all: [[TopicIndex.Posting]] = []
            all.reserveCapacity(count)
            for _ in 0..<count {
                guard let n = r.count() else { return nil }
                var list: [TopicIndex.Posting] = []
                list.reserveCapacity(n)
                for _ in 0..<n {
                    guard let document = r.int(), document >= 0, document < documentCount, let weight = r.double() else { return nil }
                    list.append(.init(document: document, weight: weight))
                }
                all.append(list)
            }
            lists.append(all)
        }
        guard let idf = r.doubles(), let unknownIDF = r.double(), let topicLength = r.doubles(), let background = r.doubles(),
            let hasClassifier = r.int()
        else { return nil }
        var classifier: TopicClassifier?
        if hasClassifier == 1 {
            guard let classes = r.int(), let features = r.int(), let cw = r.doubles(), let bias = r.doubles(),
                classes == documentCount, features >= 0, cw.count == max(classes * features, 1), bias.count == classes
            else { return nil }
            classifier = TopicClassifier(weights: cw, bias: bias, classes: classes, features: features)
        }
        guard let fuzzyCount = r.count() else { return nil }
        var fuzzy: [[UInt8]] = []
        for _ in 0..<fuzzyCount {
            guard let n = r.count(), let word = r.bytes(n) else { return nil }
            fuzzy.append(word)
        }
        guard let hasVectors = r.int() else { return nil }
        var wordVectors: WordVectors?
        var exampleDocuments: [Int] = []
        var exampleVectors: [Float] = []
        if hasVectors == 1 {
            guard let n = r.count(), let start = r.skip(n), let vectors = WordVectors(storage: bytes, base: start, length: n),
                let documents = r.ints(), let m = r.count(), m == documents.count * vectors.dimensions,
                documents.allSatisfy({ $0 >= 0 && $0 < documentCount }), let at = r.skip(4 * m)
            else { return nil }
            wordVectors = vectors
            exampleDocuments = documents
            exampleVectors = [Float](repeating: 0, count: m)
            bytes.withUnsafeBytes { raw in
                for i in 0..<m { exampleVectors[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self))) }
            }
        }
        guard r.atEnd, lists[0].count == termCount, lists[1].count == termCount, idf.count == termCount,
            background.count == termCount, topicLength.count == documentCount
        else { return nil }
        let index = TopicIndex(
            weights: weights, entries: entries, hasBackground: hasBackground, normaliser: TextNormaliser(vocabulary: vocabulary, cache: cache),
            postings: lists[0], idf: idf, unknownIDF: unknownIDF, counts: lists[1], topicLength: topicLength,
            background: background, classifier: classifier, vocabulary: FuzzyVocabulary(ordered: fuzzy),
            wordVectors: wordVectors, exampleVectors: exampleVectors, exampleDocuments: exampleDocuments)
        return Router(index: index, thresholds: thresholds)
    }
}

/// Where snapshots are kept: the user's cache folder. Failing to read or write one is never an error: the router
/// is simply built.
public struct RouterCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_CACHE_HOME/probity`, else `~/.cache/probity`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RouterCache? {
        CacheLocation.directory(environment: environment).map(RouterCache.init(directory:))
    }

    func path(_ key: String) -> String { "\(directory)/router-\(key).bin" }

    public func router(key: String) -> Router? {
        guard let bytes = Self.read(path(key)) else { return nil }
        return RouterSnapshot.decode(bytes)
    }

    /// A whole file read straight into an array (one copy fewer than through `Data`; a snapshot is a few MB).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 {
                    complete = false
                    break
                }
                done += n
            }
            count = done
        }
        return complete && bytes.count == size ? bytes : nil
    }

    /// Writes the snapshot whole or not at all (a temporary file renamed into place); older snapshots are removed.
    public func store(_ router: Router, key: String) {
        let fm = FileManager.default
        guard CacheLocation.make(directory) else { return }
        let temporary = "\(directory)/.router-\(key)-\(getpid()).tmp"
        guard fm.createFile(atPath: temporary, contents: Data(RouterSnapshot.encode(router)), attributes: [.posixPermissions: 0o600]) else { return }
        guard rename(temporary, path(key)) == 0 else {
            try? fm.removeItem(atPath: temporary)
            return
        }
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix("router-") && name != "router-\(key).bin" {
            try? fm.removeItem(atPath: "\(directory)/\(name)")
        }
    }
}

/// Little-endian integers and doubles, length-prefixed strings.
struct ByteWriter {
    var out: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { out += b }
    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out += $0 } }
    mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 } }
    mutating func string(_ s: String) {
        let u = Array(s.utf8)
        int(u.count)
        out += u
    }
    mutating func ints(_ v: [Int]) {
        int(v.count)
        for x in v { int(x) }
    }
    mutating func doubles(_ v: [Double]) {
        int(v.count)
        for x in v { double(x) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and returns nil past the end.
struct ByteReader {
    private let data: [UInt8]
    private var at = 0
    init(_ data: [UInt8]) { self.data = data }
    var atEnd: Bool { at == data.count }

    /// Steps over `n` bytes, returning where they start.
    mutating func skip(_ n: Int) -> Int? {
        guard n >= 0, n <= data.count - at else { return nil }
        defer { at += n }
        return at
    }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, n <= data.count - at else { return nil }
        defer { at += n }
        return Array(data[at..<at + n])
    }
    private mutating func word() -> UInt64? {
        guard data.count - at >= 8 else { return nil }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(data[at + i]) << (8 * UInt64(i)) }
        at += 8
        return v
    }
    mutating func int() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }
    /// A count of things still to read: never negative, never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= data.count - at else { return nil }
        return n
    }
    mutating func double() -> Double? { word().map(Double.init(bitPattern:)) }
    mutating func string() -> String? {
        guard let n = count(), let b = bytes(n) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }
    /// A count, then that many elements, each read by `element`.
    mutating func array<T>(_ element: (inout ByteReader) -> T?) -> [T]? {
        guard let n = count() else { return nil }
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = element(&self) else { return nil }
            values.append(value)
        }
        return values
    }
    mutating func ints() -> [Int]? { array { $0.int() } }
    mutating func doubles() -> [Double]? { array { $0.double() } }
}
