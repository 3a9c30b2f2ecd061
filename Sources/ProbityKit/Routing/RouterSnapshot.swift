import Foundation
import ProbityBytes

/// The router's index written to bytes and read back, so that `probity ask` need not index the catalogue on every
/// run. A snapshot is named by the knowledge gate's signature of the knowledge (taken before anything was read) and
/// the routing weights it was built from, and is written only after that knowledge passed the gate, so reading it
/// back is as good as building it.
public enum RouterSnapshot {
    static let magic: [UInt8] = Array("PROBITY-ROUTER-4\n".utf8)

    /// The name of the snapshot for the knowledge with this signature (every knowledge file's stamp and the
    /// binary's, see `KnowledgeSignature`) and these weights: any write to the knowledge, or a new build, names
    /// another snapshot, so `probity ask` need not read the catalogue to find its router.
    public static func key(knowledge signature: KnowledgeSignature, weights: RoutingWeights = .standard) -> String {
        var digest = CacheDigest()
        digest.mix(magic)
        // The standard weights are part of the binary, which the signature names already; other weights (tuning)
        // are named by their description (reflection: too slow to pay at every start).
        if weights != .standard { digest.mix("\(weights)".utf8) }
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
        w.ints(index.normaliser.sortedTermIDs)
        let words = index.normaliser.sortedEntries
        w.int(words.count)
        for (word, entry) in words {
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
        // Length first, so that a reader can step over the words and read them only when a word is to be corrected.
        var fuzzy = ByteWriter()
        fuzzy.int(index.vocabulary.words.count)
        for word in index.vocabulary.words {
            fuzzy.int(word.count)
            fuzzy.bytes(word)
        }
        w.int(fuzzy.out.count)
        w.bytes(fuzzy.out)
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
        decode(ByteStorage(copying: bytes), weights: weights, thresholds: thresholds)
    }

    /// The router in `bytes` (a snapshot file mapped into memory: the word vectors are used where they lie).
    static func decode(_ bytes: ByteStorage, weights: RoutingWeights = .standard, thresholds: RoutingThresholds = .standard) -> Router? {
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
        // Term ids by term, and the words read, both in ascending order: looked up by binary search, so checked here.
        guard let sortedTermIDs = r.ints(), sortedTermIDs.count == termCount, sortedTermIDs.allSatisfy({ $0 >= 0 && $0 < termCount }),
            zip(sortedTermIDs, sortedTermIDs.dropFirst()).allSatisfy({ vocabulary[$0] < vocabulary[$1] }),
            let wordCount = r.count()
        else { return nil }
        var words: [String] = []
        var wordEntries: [TextNormaliser.Entry] = []
        words.reserveCapacity(wordCount)
        wordEntries.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            guard let word = r.string(), let stop = r.int(), let terms = r.ints(), terms.allSatisfy({ $0 >= 0 && $0 < termCount }),
                words.last.map({ $0 < word }) ?? true
            else { return nil }
            words.append(word)
            wordEntries.append(.init(terms: terms, isStop: stop == 1))
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
        // The fuzzy vocabulary's words: their shape checked now (so reading them later cannot fail), read when first used.
        guard let fuzzyLength = r.count(), let fuzzyStart = r.skip(fuzzyLength) else { return nil }
        let fuzzyRange = fuzzyStart..<fuzzyStart + fuzzyLength
        var skim = ByteReader(bytes, range: fuzzyRange)
        guard let fuzzyCount = skim.count() else { return nil }
        for _ in 0..<fuzzyCount {
            guard let n = skim.count(), skim.skip(n) != nil else { return nil }
        }
        guard skim.atEnd else { return nil }
        let fuzzy = FuzzyVocabulary {
            var reader = ByteReader(bytes, range: fuzzyRange)
            let count = reader.count() ?? 0
            return (0..<count).compactMap { _ in reader.count().flatMap { reader.bytes($0) } }
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
            let raw = bytes.buffer
            exampleVectors = [Float](unsafeUninitializedCapacity: m) { floats, count in
                for i in 0..<m {
                    floats[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self)))
                }
                count = m
            }
        }
        guard r.atEnd, lists[0].count == termCount, lists[1].count == termCount, idf.count == termCount,
            background.count == termCount, topicLength.count == documentCount
        else { return nil }
        let index = TopicIndex(
            weights: weights, entries: entries, hasBackground: hasBackground,
            normaliser: TextNormaliser(vocabulary: vocabulary, words: words, entries: wordEntries, sortedTermIDs: sortedTermIDs),
            postings: lists[0], idf: idf, unknownIDF: unknownIDF, counts: lists[1], topicLength: topicLength,
            background: background, classifier: classifier, vocabulary: fuzzy,
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
    public static func standard(environment: [String: String]? = nil) -> RouterCache? {
        CacheLocation.directory(environment: environment).map(RouterCache.init(directory:))
    }

    func path(_ key: String) -> String { "\(directory)/router-\(key).bin" }

    public func router(key: String) -> Router? {
        guard let bytes = ByteStorage(mapping: path(key)) else { return nil }
        return RouterSnapshot.decode(bytes)
    }

    /// Writes the snapshot whole or not at all (a temporary file renamed into place); older snapshots are removed.
    public func store(_ router: Router, key: String) {
        guard CacheFile.write(RouterSnapshot.encode(router), name: "router-\(key).bin", in: directory) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix("router-") && name != "router-\(key).bin" {
            unlink("\(directory)/\(name)")
        }
    }
}
