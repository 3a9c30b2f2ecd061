import Foundation

/// Proves that each clause is the protocol's own words: its text must appear in the council's
/// source once both are normalised in these ways only — runs of white space become one space,
/// curly quotes become straight, and dash forms become a hyphen. Any other difference fails.
public enum VerbatimCheck {
    /// The normal form used for the comparison.
    public static func normalise(_ text: String) -> String {
        String(decoding: normalisedBytes(text), as: UTF8.self)
    }

    /// The normal form as UTF-8, computed on bytes (the sources are large; Unicode property
    /// look-ups per character were most of `validate`'s time).
    static func normalisedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { input in
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var pendingSpace = false
            var i = 0
            let n = input.count
            @inline(__always) func emit(_ byte: UInt8) {
                if byte == UInt8(ascii: "-"), out.last == UInt8(ascii: "-"), !pendingSpace { return }  // "--" is a dash form too
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
            }
            while i < n {
                let b = input[i]
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    pendingSpace = !out.isEmpty
                    i += 1
                    continue
                }
                if b < 0x80 {
                    emit(b)
                    i += 1
                    continue
                }
                // Two-byte white space: U+0085, U+00A0.
                if b == 0xC2, i + 1 < n, input[i + 1] == 0x85 || input[i + 1] == 0xA0 {
                    pendingSpace = !out.isEmpty
                    i += 2
                    continue
                }
                if b == 0xE2, i + 2 < n {
                    let b1 = input[i + 1]
                    let b2 = input[i + 2]
                    var mapped: UInt8? = nil
                    var space = false
                    if b1 == 0x80 {
                        switch b2 {
                        case 0x80...0x8A, 0xA8, 0xA9, 0xAF: space = true
                        case 0x98, 0x99, 0x9B, 0xB2: mapped = UInt8(ascii: "'")
                        case 0x9C, 0x9D, 0x9F, 0xB3: mapped = UInt8(ascii: "\"")
                        case 0x90...0x95: mapped = UInt8(ascii: "-")
                        default: break
                        }
                    } else if b1 == 0x81 && b2 == 0x9F {
                        space = true
                    } else if b1 == 0x88 && b2 == 0x92 {
                        mapped = UInt8(ascii: "-")
                    }
                    if space {
                        pendingSpace = !out.isEmpty
                        i += 3
                        continue
                    }
                    if let mapped {
                        emit(mapped)
                        i += 3
                        continue
                    }
                }
                if b == 0xE3, i + 2 < n, input[i + 1] == 0x80, input[i + 2] == 0x80 {
                    pendingSpace = !out.isEmpty
                    i += 3
                    continue
                }
                emit(b)
                i += 1
            }
            return out
        }
    }

    /// One issue per clause of a protocol version whose text is not found in its source,
    /// naming the first words that differ.
    public static func issues(in knowledge: KnowledgeBase, version council: Council) -> [KnowledgeIssue] {
        let path = knowledge.directory + "/" + council.source
        let data: [UInt8]
        switch KnowledgeFileReader.read(path, file: council.source) {
        case .success(let bytes): data = bytes
        case .failure(.unreadable):
            return [
                KnowledgeIssue(
                    file: council.file, path: JSONPath.root.appending("source"),
                    message: "the source text \(council.source) cannot be read; every clause must be checked against it")
            ]
        case .failure(let error):
            return [KnowledgeIssue(file: council.file, path: JSONPath.root.appending("source"), message: "the source text " + error.localizedDescription)]
        }
        let raw = [UInt8](data)
        if let bad = JSONParser.firstInvalidUTF8(raw, in: 0..<raw.count) {
            // Read as text, the bad bytes would become U+FFFD and could "match" a clause that has one.
            return [
                KnowledgeIssue(
                    file: council.file, path: JSONPath.root.appending("source"),
                    message: "the source text \(council.source) is not valid UTF-8 (at byte \(bad)); save it as UTF-8 so its clauses can be checked")
            ]
        }
        let source = normalisedBytes(String(decoding: raw, as: UTF8.self))
        var issues: [KnowledgeIssue] = []
        for (i, clause) in council.clauses.enumerated() {
            let text = normalisedBytes(clause.text)
            if !contains(source, text) {
                let matched = longestMatchedPrefix(text, in: source)
                let at = String(decoding: text[matched...].prefix(60), as: UTF8.self)
                issues.append(
                    KnowledgeIssue(
                        file: council.file, path: JSONPath.root.appending("clauses").appending(index: i).appending("text"),
                        message: "clause \(clause.id) is not the source's words (\(council.source)): it departs from the source at \"\(at)\"",
                        position: i < council.textPositions.count ? council.textPositions[i] : nil))
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
        var low = 0
        var high = text.count
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
