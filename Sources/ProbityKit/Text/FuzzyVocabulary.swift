import Foundation

/// The words of a corpus, for finding what a misspelt word was meant to be: `confidental` →
/// `confidential`, `breifing` → `briefing`, `jouranlist` → `journalist`.
/// A typo is taken to keep the first letter and be one edit (or two, in a long word) away:
/// a letter inserted, dropped, changed, or two neighbours swapped.
public struct FuzzyVocabulary: Sendable {
    /// The words, in order.
    var words: [[UInt8]] { table.value.words }
    private var byLength: [Int: [Int]] { table.value.byLength }
    private let table: Table

    /// The words and their index by length, made once when first needed (a router snapshot's, only when a word is
    /// to be corrected: most questions have none).
    private final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var made: (words: [[UInt8]], byLength: [Int: [Int]])?
        private let make: @Sendable () -> [[UInt8]]

        init(_ make: @escaping @Sendable () -> [[UInt8]]) { self.make = make }

        var value: (words: [[UInt8]], byLength: [Int: [Int]]) {
            lock.withLock {
                if let made { return made }
                let words = make()
                var byLength: [Int: [Int]] = [:]
                for (i, word) in words.enumerated() { byLength[word.count, default: []].append(i) }
                made = (words, byLength)
                return (words, byLength)
            }
        }
    }

    /// The vocabulary with its words in this order (a router snapshot read back), made when first needed.
    init(ordered: @escaping @Sendable () -> [[UInt8]]) {
        table = Table(ordered)
    }

    public init(words: some Sequence<String>) {
        var seen = Set<String>()
        var ordered: [[UInt8]] = []
        for word in words where word.utf8.count >= Self.minimumLength && seen.insert(word).inserted { ordered.append(Array(word.utf8)) }
        let made = ordered
        table = Table { made }
    }

    /// Words shorter than this are never corrected: too many real words are one letter apart.
    public static let minimumLength = 5

    /// The corpus word nearest to `word`, or nil when none is close enough (or the word is itself known).
    public func correction(for word: String) -> String? {
        let query = Array(word.utf8)
        guard query.count >= Self.minimumLength, query.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let allowed = query.count >= 8 ? 2 : 1
        var best: (distance: Int, index: Int)?
        for length in (query.count - allowed)...(query.count + allowed) {
            for index in byLength[length] ?? [] {
                let candidate = words[index]
                guard candidate[0] == query[0] else { continue }
                let d = Self.distance(query, candidate, limit: allowed)
                if d == 0 { return nil }
                // The nearest; between equals, the first in byte order, so the answer never depends on input order.
                if d <= allowed, best.map({ d < $0.distance || (d == $0.distance && candidate.lexicographicallyPrecedes(words[$0.index])) }) ?? true {
                    best = (d, index)
                }
            }
        }
        return best.map { String(decoding: words[$0.index], as: UTF8.self) }
    }

    /// Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let n = a.count
        let m = b.count
        if abs(n - m) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m]
    }
}
