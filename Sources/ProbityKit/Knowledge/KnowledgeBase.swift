import Foundation
import ProbityBytes

/// Everything Probity knows: the catalogue (topics and their facts) and the councils. A council's folder is
/// read the first time it is needed, so a command about one council, or none, reads only that.
public struct KnowledgeBase: Sendable {
    public let topics: [Topic]
    /// Facts shared by every topic (`catalogue/facts.json`).
    public let sharedFacts: [Fact]
    /// Questions no topic answers (`catalogue/background.json`): everyday services, office matters, small talk, and
    /// subjects the protocols leave to other codes. The router learns them as one more class, which refuses.
    public let background: [String]
    /// Distilled word vectors (`catalogue/vectors.bin`), when the catalogue ships them.
    public var wordVectors: WordVectors? { vectorSource.vectors }
    private let vectorSource: WordVectorSource
    /// The directory the knowledge was read from.
    public let directory: String
    /// The ids of every council folder, sorted.
    public let councilIDs: [String]
    /// The catalogue's files as read, for the fingerprint and to name a router snapshot.
    public let catalogueFiles: [KnowledgeFile]
    /// Subjects the protocols do not cover (`catalogue/out-of-scope.json`): where their rules live instead.
    public internal(set) var outOfScope: [OutOfScopeSubject] = []
    /// Set when the knowledge gate has found this directory's catalogue sound, now or remembered (see
    /// `KnowledgeGate`), and (with `councilGate`) lets each council through only once it is found sound too: a
    /// council's advice is then read topic by topic as it is needed instead of all of it being read and checked
    /// again before a command starts.
    public internal(set) var knownSound = false
    /// The knowledge gate's check of each council, run when the council is first read (nil: knowledge read without
    /// the gate, whose loader checked what it read).
    var councilGate: CouncilGate?
    /// What the cache folder keeps for this knowledge (set by the knowledge gate once it has passed): the
    /// fingerprints are remembered there.
    public internal(set) var cache: KnowledgeCache?
    private let store: CouncilStore
    /// The catalogue's phrases, split into words on first use.
    let phrases = PhraseIndex()
    /// The catalogue's phrases as word vectors, built on first use, for hearing facts by meaning.
    let meanings = MeaningIndex()
    /// When a fact is heard by meaning as well as by phrase (nil, the default: by phrase only). Needs `wordVectors`.
    /// Off by default: on the measuring halves it heard fewer facts rightly than it took wrongly (BENCHMARKS.md).
    public internal(set) var factMeaning: MeaningThresholds?
    /// The phrases' words by stem with their vectors, built on first use, for hearing facts through near words.
    let synonyms = SynonymIndex()
    /// When a message's word may stand for the phrase word nearest it (the least cosine; nil, the default: never).
    public internal(set) var synonymNearness: Float?
    /// When the chat proposes an answer from the user's words at a question whose fact they did not settle (nil:
    /// never). A proposal is only ever confirmed by the user, so it may be made on less than a fact is taken on.
    public internal(set) var answerSuggestion: SuggestionThresholds? = .standard
    private let fixedFingerprint: String?
    private let topicIndex: [String: Int]
    private let sharedFactIndex: [String: Int]

    init(
        topics: [Topic], sharedFacts: [Fact], directory: String, councilIDs: [String], catalogueFiles: [KnowledgeFile],
        store: CouncilStore, fingerprint: String? = nil, background: [String] = [], wordVectors: WordVectorSource = .none
    ) {
        self.topics = topics
        self.sharedFacts = sharedFacts
        self.background = background
        self.vectorSource = wordVectors
        self.directory = directory
        self.councilIDs = councilIDs
        self.catalogueFiles = catalogueFiles
        self.store = store
        self.fixedFingerprint = fingerprint
        var index: [String: Int] = [:]
        for (i, topic) in topics.enumerated() where index[topic.id] == nil { index[topic.id] = i }
        topicIndex = index
        var factIndex: [String: Int] = [:]
        for (i, fact) in sharedFacts.enumerated() where factIndex[fact.key] == nil { factIndex[fact.key] = i }
        sharedFactIndex = factIndex
    }

    /// Knowledge held in memory (tests and tools): every council already read.
    public init(
        councils: [CouncilFolder], topics: [Topic], sharedFacts: [Fact] = [], fingerprint: String? = nil, directory: String = "",
        background: [String] = [], wordVectors: WordVectors? = nil
    ) {
        self.init(
            topics: topics, sharedFacts: sharedFacts, directory: directory, councilIDs: councils.map(\.id).sorted(),
            catalogueFiles: [], store: CouncilStore(preloaded: councils), fingerprint: fingerprint, background: background,
            wordVectors: WordVectorSource(wordVectors))
    }

    /// Knowledge whose catalogue has been read (from its files or a snapshot); councils are read as they are needed.
    init(catalogue: Catalogue, directory: String, councilIDs: [String]) {
        self.init(
            topics: catalogue.topics, sharedFacts: catalogue.sharedFacts, directory: directory, councilIDs: councilIDs,
            catalogueFiles: catalogue.files, store: CouncilStore(), background: catalogue.background, wordVectors: catalogue.wordVectors)
        outOfScope = catalogue.outOfScope
    }

    /// The catalogue as read, for a snapshot of it.
    var catalogue: Catalogue {
        Catalogue(topics: topics, sharedFacts: sharedFacts, background: background, outOfScope: outOfScope, files: catalogueFiles, wordVectors: vectorSource)
    }

    /// The same knowledge with other topics (a routing experiment's training set), and other background questions.
    public func with(topics: [Topic], background: [String]? = nil, wordVectors: WordVectors?? = nil) -> KnowledgeBase {
        var copy = KnowledgeBase(
            topics: topics, sharedFacts: sharedFacts, directory: directory, councilIDs: councilIDs,
            catalogueFiles: catalogueFiles, store: store, fingerprint: fixedFingerprint,
            background: background ?? self.background, wordVectors: wordVectors.map(WordVectorSource.init) ?? vectorSource)
        copy.outOfScope = outOfScope
        copy.knownSound = knownSound
        copy.councilGate = councilGate
        copy.factMeaning = factMeaning
        copy.synonymNearness = synonymNearness
        copy.answerSuggestion = answerSuggestion
        return copy
    }

    /// The same knowledge hearing facts by meaning with other thresholds, or by phrase only (nil).
    public func with(factMeaning thresholds: MeaningThresholds?) -> KnowledgeBase {
        var copy = self
        copy.factMeaning = thresholds
        return copy
    }

    /// The same knowledge proposing answers from the user's words at other thresholds, or never (nil).
    public func with(answerSuggestion thresholds: SuggestionThresholds?) -> KnowledgeBase {
        var copy = self
        copy.answerSuggestion = thresholds
        return copy
    }

    /// The same knowledge hearing facts through near words from this cosine on, or not at all (nil).
    public func with(synonymNearness nearness: Float?) -> KnowledgeBase {
        var copy = self
        copy.synonymNearness = nearness
        return copy
    }

    /// The same knowledge with these subjects outside the protocols (knowledge built in code).
    public func with(outOfScope subjects: [OutOfScopeSubject]) -> KnowledgeBase {
        var copy = self
        copy.outOfScope = subjects
        return copy
    }

    // MARK: Councils

    /// A council's folder, read on first use; nil when there is no such council, it cannot be read, or (knowledge
    /// from the gate) it has not passed the gate (`issues(council:)`, `KnowledgeLoader.load` and `probity validate`
    /// say why).
    public func folder(id: String) -> CouncilFolder? {
        if councilGate != nil, !issues(council: id).isEmpty { return nil }
        return store.folder(id: id, directory: directory, catalogue: self)?.folder
    }

    /// Everything wrong with a council's folder that would make its advice untrustworthy. Knowledge from the gate:
    /// everything `probity validate` finds in that council (checked on first use, or remembered). Otherwise: what
    /// reading it found, and every reference its advice makes. Empty when it is sound (or unknown).
    public func issues(council id: String) -> [KnowledgeIssue] {
        if let councilGate {
            let refused = councilGate.outcome(id, in: self).issues
            return refused.isEmpty ? (councilRead(id: id)?.issues ?? []).sorted() : refused
        }
        guard let entry = councilRead(id: id) else { return [] }
        if !entry.issues.isEmpty { return entry.issues.sorted() }
        if knownSound { return [] }
        let advice = adviceIssues(council: id)
        if !advice.isEmpty { return advice.sorted() }
        return entry.folder.map { Validator.councilIssues($0, knowledge: self).sorted() } ?? []
    }

    /// Everything wrong with these councils (as `issues(council:)`), those not yet checked checked side by side, and
    /// then (their signatures taken) read side by side.
    public func issues(councils ids: [String]) -> [KnowledgeIssue] {
        if let councilGate {
            councilGate.check(ids, in: self)
            store.readAll(ids: ids, directory: directory, catalogue: self)
        }
        return ids.flatMap(issues(council:)).sorted()
    }

    /// The same knowledge without the council gate, over the same folders read (for the gate's own checks).
    var ungated: KnowledgeBase {
        var copy = self
        copy.councilGate = nil
        return copy
    }

    /// What reading a council's folder found wrong with it.
    func councilRead(id: String) -> CouncilStore.Entry? {
        store.folder(id: id, directory: directory, catalogue: self)
    }

    /// Every council folder, read now if not yet read (search, compare, coverage and validate need them all).
    public var folders: [CouncilFolder] {
        store.readAll(ids: councilIDs, directory: directory, catalogue: self)
        return councilIDs.compactMap(folder(id:))
    }

    /// The current version of each council, by name.
    public var councils: [Council] {
        folders.compactMap(\.current).sorted { $0.name < $1.name }
    }

    /// Every version of every council.
    public var councilVersions: [Council] { folders.flatMap(\.versions) }

    /// The current version of a council.
    public func council(id: String) -> Council? { folder(id: id)?.current }

    /// Every version of a council, earlier ones first and the current one last.
    public func versions(of councilID: String) -> [Council] { folder(id: councilID)?.versions ?? [] }

    /// A council's advice on a topic: its own (read on first use), or silent advice from its general principles
    /// where it has no file for the topic. Nil for an unknown council, or advice that could not be read.
    public func tree(topic: Topic, council councilID: String) -> AdviceTree? {
        guard let folder = folder(id: councilID) else { return nil }
        if let own = folder.trees[topic.id] { return own }
        guard let entry = store.tree(council: councilID, topic: topic, directory: directory, catalogue: self) else {
            return folder.silentTree(for: topic)
        }
        return entry.issues.isEmpty ? entry.tree : nil
    }

    /// Every advice file of a council, read now if need be (validate, coverage).
    public func trees(council councilID: String) -> [AdviceTree] {
        guard let folder = folder(id: councilID) else { return [] }
        let read = store.allTrees(council: councilID, directory: directory, catalogue: self).compactMap(\.tree)
        let ids = Set(read.map(\.topicID))
        return (read + folder.trees.values.filter { !ids.contains($0.topicID) }).sorted { $0.topicID < $1.topicID }
    }

    /// What reading a council's advice files found wrong with them, every file read now.
    func adviceIssues(council councilID: String) -> [KnowledgeIssue] {
        store.allTrees(council: councilID, directory: directory, catalogue: self).flatMap(\.issues)
    }

    /// Everything wrong with what has been read so far: for a command that read advice as it went (compare) to refuse
    /// to show advice that cannot be trusted.
    public var problemsSoFar: [KnowledgeIssue] { store.loadedIssues.sorted() }

    /// The clause a citation points to, in the council's current version.
    public func clause(for citation: Citation) -> Clause? {
        council(id: citation.council)?.clause(id: citation.clause)
    }

    // MARK: Catalogue

    public func topic(id: String) -> Topic? { topicIndex[id].map { topics[$0] } }

    /// A fact by its session key: a topic's own (`document-access.exempt`) or a shared one (`election-period`).
    public func fact(key: String) -> Fact? {
        if let i = sharedFactIndex[key] { return sharedFacts[i] }
        guard let dot = key.firstIndex(of: ".") else { return nil }
        return topic(id: String(key[..<dot]))?.fact(named: key)
    }

    /// The facts a topic can learn: its own, then the shared ones.
    public func facts(of topic: Topic) -> [Fact] { topic.facts + sharedFacts }

    // MARK: Names

    /// A council named the way a user might type it: its id, name or short name, any case, or an unambiguous
    /// prefix of one of those. Matches ids first (no folder read); names need the councils' own files.
    public func resolveCouncil(_ text: String) -> Council? {
        councilID(named: text).flatMap(council(id:))
    }

    /// The id of the council `text` names, as `resolveCouncil` finds it, whether or not its folder is sound.
    public func councilID(named text: String) -> String? {
        let wanted = text.lowercased().trimmingWhitespace()
        guard !wanted.isEmpty else { return nil }
        let dashed = wanted.replacingOccurrences(of: " ", with: "-")
        if councilIDs.contains(dashed) { return dashed }
        let names = councilNames
        if let exact = names.first(where: { $0.name.lowercased() == wanted || $0.shortName.lowercased() == wanted }) {
            return exact.id
        }
        let prefixed = names.filter { $0.id.hasPrefix(dashed) || $0.shortName.lowercased().hasPrefix(wanted) || $0.name.lowercased().hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0].id : nil
    }

    /// Each council's id and names, from `council.json` alone (no versions or advice are read).
    public var councilNames: [(id: String, name: String, shortName: String)] {
        councilIDs.compactMap { id in store.identity(id: id, directory: directory).map { (id, $0.name, $0.shortName) } }
    }

    // MARK: Fingerprint

    /// SHA-256 over the lines "<file>\0<SHA-256 of the file>\n" of the catalogue and every council folder,
    /// in path order: every council is read for it.
    public var fingerprint: String {
        if let fixedFingerprint { return fixedFingerprint }
        for id in councilIDs { _ = trees(council: id) }
        return Self.fingerprint(of: catalogueFiles + store.loadedFiles)
    }

    /// The same over the catalogue and one council's folder: what a conversation with that council can quote,
    /// so a transcript names exactly which text was quoted, whatever other councils there are.
    /// Remembered in the cache folder for this state of the knowledge (it reads every advice file of the council).
    public func councilFingerprint(_ id: String?) -> String {
        if let fixedFingerprint { return fixedFingerprint }
        let council = id.flatMap { councilIDs.contains($0) ? $0 : nil }
        // Remembered under the signature of what it covers: the catalogue, and the council's folder.
        let scope = council.map { councilGate?.outcome($0, in: self).signature } ?? cache?.signature
        if let scope, let remembered = cache?.fingerprint(council: council, scope: scope) { return remembered }
        let computed: String
        if let council, folder(id: council) != nil {
            let identity = store.folder(id: council, directory: directory, catalogue: self)?.files ?? []
            computed = Self.fingerprint(of: catalogueFiles + identity + store.adviceFiles(council: council, directory: directory, catalogue: self))
        } else {
            computed = Self.fingerprint(of: catalogueFiles)
        }
        if let scope { cache?.keep(fingerprint: computed, council: council, scope: scope) }
        return computed
    }

    private static func fingerprint(of files: [KnowledgeFile]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) { hasher.update("\(file.path)\u{0}\(file.digest)\n") }
        return hasher.finalize().hexString
    }
}

/// One knowledge file's path (relative to the knowledge directory) and bytes, or only their SHA-256 (a catalogue
/// read from a snapshot keeps the digests, which is all the fingerprint needs).
public struct KnowledgeFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    private var knownDigest: String?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A file known by its digest alone (`bytes` is empty).
    init(path: String, digest: String) {
        self.path = path
        bytes = []
        knownDigest = digest
    }

    /// The SHA-256 of the file's bytes, in lower-case hex.
    var digest: String { knownDigest ?? SHA256.hex(bytes) }
}
