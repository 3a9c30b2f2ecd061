import Foundation
import Testing

@testable import ProbityKit

/// The catalogue written to bytes and read back: the same topics, facts, subjects and fingerprint; bytes that are
/// not a snapshot of this knowledge are refused, never a crash.
@Suite struct CatalogueSnapshotTests {
    static let read = KnowledgeLoader.readCatalogue(directory: Paths.knowledge)
    static let bytes = CatalogueSnapshot.encode(read.catalogue, signature: "sig")
    static let vectors = Paths.knowledge + "/" + KnowledgeLoader.vectorsFile

    private func decode(_ bytes: [UInt8], signature: String = "sig") -> Catalogue? {
        CatalogueSnapshot.decode(bytes, signature: signature, vectorsPath: Self.vectors)
    }

    @Test func readBackItIsTheSameCatalogue() throws {
        #expect(Self.read.issues.isEmpty)
        let original = Self.read.catalogue
        let back = try #require(decode(Self.bytes))
        #expect(back.topics.map(\.id) == original.topics.map(\.id))
        for (a, b) in zip(back.topics, original.topics) {
            #expect(a.title == b.title && a.summary == b.summary && a.audience == b.audience && a.examples == b.examples && a.file == b.file)
            #expect(a.facts.count == b.facts.count)
            for (x, y) in zip(a.facts + back.sharedFacts, b.facts + original.sharedFacts) { expectSame(x, y) }
        }
        #expect(back.sharedFacts.count == original.sharedFacts.count)
        #expect(back.background == original.background)
        #expect(back.outOfScope == original.outOfScope)
        #expect(back.outOfScope.map(\.position) == original.outOfScope.map(\.position))
        #expect(back.files.map(\.path) == original.files.map(\.path))
        #expect(back.files.map(\.digest) == original.files.map(\.digest))
        #expect(back.files.allSatisfy { $0.bytes.isEmpty }, "digests only, not the bytes")
        let knowledge = KnowledgeBase(catalogue: back, directory: Paths.knowledge, councilIDs: [])
        let parsed = KnowledgeBase(catalogue: original, directory: Paths.knowledge, councilIDs: [])
        #expect(knowledge.councilFingerprint(nil) == parsed.councilFingerprint(nil))
    }

    /// The word vectors are not in the snapshot: they are read from `vectors.bin` when a router is built.
    @Test func theWordVectorsAreReadWhenFirstNeeded() throws {
        let back = try #require(decode(Self.bytes))
        let vectors = try #require(back.wordVectors.vectors)
        #expect(vectors.bytes == Self.read.catalogue.wordVectors.vectors?.bytes)
    }

    @Test func anotherSignatureOrDamagedBytesAreRefusedNeverACrash() {
        #expect(decode(Self.bytes, signature: "other") == nil)
        #expect(decode([]) == nil)
        #expect(decode(Array(Self.bytes.dropLast())) == nil)
        #expect(decode(Self.bytes + [0]) == nil)
        #expect(decode(Array("not a snapshot".utf8)) == nil)
        for (changed, cut) in DamagedBytes.variants(of: Self.bytes, seed: 7) {
            _ = decode(changed)
            _ = decode(cut)
        }
    }

    private func expectSame(_ a: Fact, _ b: Fact) {
        #expect(a.key == b.key && a.localID == b.localID && a.prompt == b.prompt && a.help == b.help && a.multiple == b.multiple)
        #expect(a.file == b.file && a.position == b.position)
        #expect(a.options.map(\.id) == b.options.map(\.id) && a.options.map(\.label) == b.options.map(\.label))
        #expect(a.options.map(\.says) == b.options.map(\.says) && a.options.map(\.phrases) == b.options.map(\.phrases))
    }
}
