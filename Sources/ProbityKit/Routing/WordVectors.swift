import Foundation
import ProbityBytes

/// Static word vectors distilled at build time from a sentence-embedding model (`scripts/distil-vectors.py`), shipped
/// as `catalogue/vectors.bin`: for each word of a general English vocabulary and of the catalogue, a weight (0 for
/// stop words) and a short int8 vector with its own scale. A text's vector is the weighted average of its words'
/// vectors, so questions worded unlike any example ("the Gazette", "misled") still land near the topic they mean.
/// Nothing is parsed up front but the word offsets: words are found by binary search over the file's sorted words.
public struct WordVectors: Sendable {
    static let magic: [UInt8] = Array("PROBITY-VECTORS-1\n".utf8)

    let dimensions: Int
    let count: Int
    /// The file lies in `storage` from `base` on (a router snapshot holds it among its other bytes, uncopied).
    private let storage: ByteStorage
    private let base: Int
    private let length: Int
    /// The file's bytes.
    var bytes: [UInt8] { storage.bytes(base..<base + length) }
    /// Where each word's bytes start, and their length.
    private let wordStart: [Int32]
    private let wordLength: [UInt8]
    private let weightsAt: Int, scalesAt: Int, vectorsAt: Int

    /// The vectors in `bytes` (a whole `vectors.bin`), or nil when they are not a file this version can read.
    public init?(bytes: [UInt8]) {
        self.init(storage: ByteStorage(copying: bytes), base: 0, length: bytes.count)
    }

    /// The vectors in `storage[base..<base + length]`.
    init?(storage bytes: ByteStorage, base: Int, length: Int) {
        guard base >= 0, length >= 0, base + length <= bytes.count, length >= Self.magic.count + 8,
            bytes.bytes(base..<base + Self.magic.count) == Self.magic
        else { return nil }
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        dimensions = u32(base + Self.magic.count)
        count = u32(base + Self.magic.count + 4)
        guard dimensions > 0, dimensions <= 1024, count > 0, count <= length else { return nil }
        let end = base + length
        var at = base + Self.magic.count + 8
        var starts: [Int32] = []
        var lengths: [UInt8] = []
        starts.reserveCapacity(count)
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard at < end else { return nil }
            let n = bytes[at]
            starts.append(Int32(at + 1))
            lengths.append(n)
            at += 1 + Int(n)
        }
        weightsAt = at
        scalesAt = weightsAt + count
        vectorsAt = scalesAt + 4 * count
        guard vectorsAt + count * dimensions == end else { return nil }
        storage = bytes
        self.base = base
        self.length = length
        wordStart = starts
        wordLength = lengths
    }

    /// The index of `word` (lower-case ASCII letters), if the vocabulary has it.
    func index(of word: ArraySlice<UInt8>) -> Int? {
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            let start = Int(wordStart[mid])
            let length = Int(wordLength[mid])
            var order = 0
            var i = 0
            var j = word.startIndex
            while order == 0 {
                if i == length {
                    order = j == word.endIndex ? 0 : -1
                    break
                }
                if j == word.endIndex {
                    order = 1
                    break
                }
                let a = storage[start + i]
                let b = word[j]
                if a != b { order = a < b ? -1 : 1 }
                i += 1
                j += 1
            }
            if order == 0 { return mid }
            if order < 0 { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The words of `text` as the distillation script split them: ASCII letters lower-cased, apostrophes dropped
    /// ("don't" is "dont"), anything else a break.
    static func words(_ text: String) -> [ArraySlice<UInt8>] {
        var folded: [UInt8] = []
        var result: [Range<Int>] = []
        var start: Int?
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            var c = utf8[i]
            if c == 0x27 {
                i += 1
                continue
            }  // '
            if c == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0x99 {
                i += 3
                continue
            }  // ’
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            if c >= 0x61 && c <= 0x7A {
                if start == nil { start = folded.count }
                folded.append(c)
            } else {
                if let s = start {
                    result.append(s..<folded.count)
                    start = nil
                }
                folded.append(0x20)
            }
            i += 1
        }
        if let s = start { result.append(s..<folded.count) }
        return result.map { folded[$0] }
    }

    /// The unit vector of `text`: its known words' vectors, weighted, averaged; nil when no word has a weight.
    /// `correct` may offer another spelling for a word the vectors do not know (a misspelling of a catalogue word).
    public func vector(_ text: String, correct: ((String) -> String?)? = nil) -> [Float]? {
        var sum = [Float](repeating: 0, count: dimensions)
        var any = false
        for word in Self.words(text) {
            var found = index(of: word)
            if found == nil, let correct, let other = correct(String(decoding: word, as: UTF8.self)) {
                found = index(of: ArraySlice(Array(other.utf8)))
            }
            guard let i = found else { continue }
            let weight = Float(storage[weightsAt + i]) / 255
            guard weight > 0 else { continue }
            var bits: UInt32 = 0
            for k in 0..<4 { bits |= UInt32(storage[scalesAt + 4 * i + k]) << (8 * UInt32(k)) }
            let factor = weight * Float(bitPattern: bits)
            let base = vectorsAt + i * dimensions
            for d in 0..<dimensions { sum[d] += factor * Float(Int8(bitPattern: storage[base + d])) }
            any = true
        }
        guard any else { return nil }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return nil }
        return sum.map { $0 / norm }
    }
}
