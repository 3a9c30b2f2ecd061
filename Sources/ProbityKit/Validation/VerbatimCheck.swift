import Foundation

/// Proves that each clause is the protocol's own words: its text must appear in the council's
/// source once both are normalised in these ways only — runs of white space become one space,
/// curly quotes become straight, and dash forms become a hyphen. Any other difference fails.
public enum VerbatimCheck {
    /// The normal form used for the comparison.
    public static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        var lastWasHyphen = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            var mapped = scalar
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032: mapped = "'"
            case 0x201C, 0x201D, 0x201F, 0x2033: mapped = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: mapped = "-"
            default: break
            }
            if mapped == "-" && lastWasHyphen && !pendingSpace { continue }  // "--" is a dash form too
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(mapped)
            lastWasHyphen = mapped == "-"
        }
        return String(out)
    }

    /// One issue per clause whose text is not found in its source, naming the first words that differ.
    public static func issues(in knowledge: KnowledgeBase) -> [KnowledgeIssue] {
        var issues: [KnowledgeIssue] = []
        var sources: [String: [UInt8]?] = [:]
        for council in knowledge.councilVersions {
            let path = knowledge.directory + "/" + council.source
            if sources[path] == nil {
                sources[path] = FileManager.default.contents(atPath: path).map { Array(normalise(String(decoding: $0, as: UTF8.self)).utf8) }
            }
            guard let source = sources[path] ?? nil else {
                issues.append(KnowledgeIssue(file: council.file, path: JSONPath.root.appending("source"),
                                             message: "the source text \(council.source) cannot be read; every clause must be checked against it"))
                continue
            }
            for (i, clause) in council.clauses.enumerated() {
                let text = Array(normalise(clause.text).utf8)
                if !contains(source, text) {
                    let matched = longestMatchedPrefix(text, in: source)
                    let at = String(decoding: text[matched...].prefix(60), as: UTF8.self)
                    issues.append(KnowledgeIssue(file: council.file, path: JSONPath.root.appending("clauses").appending(index: i).appending("text"),
                        message: "clause \(clause.id) is not the source's words (\(council.source)): it departs from the source at \"\(at)\""))
                }
            }
        }
        return issues
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first && memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// How many leading bytes of `text` occur somewhere in `source` (binary search on the prefix length).
    private static func longestMatchedPrefix(_ text: [UInt8], in source: [UInt8]) -> Int {
        var low = 0, high = text.count
        while low < high {
            let mid = (low + high + 1) / 2
            if contains(source, Array(text[..<mid])) { low = mid } else { high = mid - 1 }
        }
        // Back up to a word boundary so the message starts with a whole word.
        var cut = low
        while cut > 0 && text[cut - 1] != UInt8(ascii: " ") { cut -= 1 }
        return cut
    }
}
