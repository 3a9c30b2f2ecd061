import Foundation

/// A word-by-word difference between two texts (longest common subsequence), ignoring what
/// only typography changes: runs of white space, curly or straight quotes, dash forms.
public enum WordDiff {
    public enum Change: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The changes that turn `old` into `new`, word by word; words are shown as in `new`
    /// (as in `old` for removals).
    public static func diff(_ old: String, _ new: String) -> [Change] {
        let a = words(old)
        let b = words(new)
        let ka = a.map(typographyKey)
        let kb = b.map(typographyKey)
        // Common prefix and suffix first: most revisions touch a few words of a long clause.
        var prefix = 0
        while prefix < ka.count, prefix < kb.count, ka[prefix] == kb[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < ka.count - prefix, suffix < kb.count - prefix,
            ka[ka.count - 1 - suffix] == kb[kb.count - 1 - suffix]
        { suffix += 1 }
        let midA = Array(ka[prefix..<(ka.count - suffix)])
        let midB = Array(kb[prefix..<(kb.count - suffix)])
        let n = midA.count
        let m = midB.count
        // lengths[i][j]: the LCS of midA[i...] and midB[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = midA[i] == midB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var changes: [Change] = b[0..<prefix].map { .same($0) }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, midA[i] == midB[j] {
                changes.append(.same(b[prefix + j]))
                i += 1
                j += 1
            } else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] {
                changes.append(.added(b[prefix + j]))
                j += 1
            } else {
                changes.append(.removed(a[prefix + i]))
                i += 1
            }
        }
        changes += b[(b.count - suffix)...].map { .same($0) }
        return changes
    }

    /// The changes made readable: a run of one or two unchanged words between larger changes
    /// (an "a" or "the" that a rewrite happens to keep) is folded into the change, and each
    /// stretch of changes is shown as its removed words, then its added words.
    public static func readable(_ changes: [Change], keeping minimum: Int = 3) -> [Change] {
        // Runs: (isSame, words) with removed and added kept apart within a stretch of changes.
        var stretches: [(same: [String], removed: [String], added: [String])] = []
        var current: (same: [String], removed: [String], added: [String]) = ([], [], [])
        for change in changes {
            switch change {
            case .same(let word):
                if !current.removed.isEmpty || !current.added.isEmpty {
                    stretches.append(current)
                    current = ([], [], [])
                }
                current.same.append(word)
            case .removed(let word): current.removed.append(word)
            case .added(let word): current.added.append(word)
            }
        }
        stretches.append(current)
        // Each stretch is: unchanged words, then changes. Fold short unchanged runs that sit
        // between changes at least twice their length on both sides.
        var result: [Change] = []
        var pendingRemoved: [String] = []
        var pendingAdded: [String] = []
        for (i, stretch) in stretches.enumerated() {
            let before = pendingRemoved.count + pendingAdded.count
            let after = stretch.removed.count + stretch.added.count
            let n = stretch.same.count
            if i > 0, n > 0, n < minimum, before >= 2 * n, after >= 2 * n {
                pendingRemoved += stretch.same
                pendingAdded += stretch.same
            } else {
                result += pendingRemoved.map { .removed($0) } + pendingAdded.map { .added($0) }
                pendingRemoved = []
                pendingAdded = []
                result += stretch.same.map { .same($0) }
            }
            pendingRemoved += stretch.removed
            pendingAdded += stretch.added
        }
        result += pendingRemoved.map { .removed($0) } + pendingAdded.map { .added($0) }
        return result
    }

    /// Whether two texts differ in more than typography.
    public static func differ(_ old: String, _ new: String) -> Bool {
        words(old).map(typographyKey) != words(new).map(typographyKey)
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// A word with typography folded: curly quotes straight, dash forms as a hyphen.
    static func typographyKey(_ word: String) -> String {
        var result = ""
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": result.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": result.unicodeScalars.append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": result.unicodeScalars.append("-")
            case "\u{00A0}": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.contains("--") ? result.replacingOccurrences(of: "--", with: "-") : result
    }
}
