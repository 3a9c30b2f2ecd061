import Foundation
import ProbityBytes

/// What the cache folder keeps for one state of the catalogue, named by its `KnowledgeSignature` (every catalogue
/// file's stat and the binary's): the catalogue as parsed (`catalogue-<key>.bin`), and the fingerprints transcripts
/// record (`fingerprint-<key>-<council>`, the key the signature of what the fingerprint covers: the catalogue's, or a
/// council's, which names the catalogue too). It is handed out only by the knowledge gate, once that knowledge has
/// passed, and writes nothing while the knowledge is too fresh to be named reliably (as `VerdictCache`): any later
/// write to the knowledge, or a new build, names other files, so what is read back is what was computed from
/// knowledge that passed. A file that is damaged or cannot be read is ignored and written again.
public struct KnowledgeCache: Sendable {
    public let directory: String
    public let signature: KnowledgeSignature
    private let verdicts: VerdictCache
    private let now: Date
    /// Whether the catalogue is old enough for what is computed from it to be kept.
    let settled: Bool
    /// How many catalogue snapshots and fingerprints to keep; the oldest go first.
    static let keptSnapshots = 4
    static let keptFingerprints = 64

    public init(verdicts: VerdictCache, signature: KnowledgeSignature, now: Date = Date()) {
        directory = verdicts.directory
        self.signature = signature
        self.verdicts = verdicts
        self.now = now
        settled = verdicts.isSettled(signature, now: now)
    }

    // MARK: Catalogue

    var catalogueName: String { "catalogue-\(signature.key).bin" }

    /// The catalogue parsed when this knowledge passed the gate; nil when there is no usable snapshot.
    func catalogue(knowledgeDirectory: String) -> Catalogue? {
        guard let bytes = ByteStorage(mapping: "\(directory)/\(catalogueName)") else { return nil }
        return CatalogueSnapshot.decode(bytes, signature: signature.key, vectorsPath: knowledgeDirectory + "/" + KnowledgeLoader.vectorsFile)
    }

    /// Keeps a catalogue that was read whole and sound, for the next command on this knowledge.
    func keep(catalogue: Catalogue) {
        guard settled, CacheFile.write(CatalogueSnapshot.encode(catalogue, signature: signature.key), name: catalogueName, in: directory) else { return }
        CacheFile.prune(prefix: "catalogue-", keep: Self.keptSnapshots, in: directory)
    }

    // MARK: Subjects outside the protocols

    var subjectsName: String { "scope-\(signature.key).bin" }

    /// The subjects the protocols do not cover, as read when this catalogue passed the gate; nil when none are kept.
    public func outOfScope() -> [OutOfScopeSubject]? {
        guard let bytes = ByteStorage(mapping: "\(directory)/\(subjectsName)") else { return nil }
        return CatalogueSnapshot.decodeSubjects(bytes, signature: signature.key)
    }

    /// Keeps the subjects read from this catalogue (after it passed the gate), for the next `ask`.
    public func keep(outOfScope subjects: [OutOfScopeSubject]) {
        guard settled, CacheFile.write(CatalogueSnapshot.encode(subjects: subjects, signature: signature.key), name: subjectsName, in: directory)
        else { return }
        CacheFile.prune(prefix: "scope-", keep: Self.keptSnapshots, in: directory)
    }

    // MARK: Fingerprints

    /// The file for a council's fingerprint (nil: the catalogue's alone) under the signature of what it covers; nil
    /// for an id that is not a plain name.
    private func fingerprintName(council: String?, scope: KnowledgeSignature) -> String? {
        let id = council ?? "-"
        guard !id.isEmpty, id.utf8.count <= 64, id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
            return nil
        }
        return "fingerprint-\(scope.key)-\(id)"
    }

    /// The fingerprint remembered for a council's knowledge (see `KnowledgeBase.councilFingerprint`), `scope` the
    /// signature of that council (with the catalogue), or of the catalogue when `council` is nil.
    func fingerprint(council: String?, scope: KnowledgeSignature) -> String? {
        guard let name = fingerprintName(council: council, scope: scope), let bytes = ByteStorage(mapping: "\(directory)/\(name)") else { return nil }
        let text = bytes.string(0..<bytes.count)
        return SHA256.isHex(text) ? text : nil
    }

    func keep(fingerprint: String, council: String?, scope: KnowledgeSignature) {
        guard verdicts.isSettled(scope, now: now), SHA256.isHex(fingerprint), let name = fingerprintName(council: council, scope: scope),
            CacheFile.write(Array(fingerprint.utf8), name: name, in: directory)
        else { return }
        CacheFile.prune(prefix: "fingerprint-", keep: Self.keptFingerprints, in: directory)
    }
}
