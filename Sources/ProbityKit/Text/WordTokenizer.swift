/// A word found in a text: where it is (UTF-8 offsets into the text) and its letters, lowercased.
public struct WordToken: Sendable, Equatable {
    /// UTF-8 offset of the word's first byte.
    public var start: Int
    /// UTF-8 offset just past the word's last byte (possessive `'s` included).
    public var end: Int
    /// The word lowercased, with apostrophes and a possessive `'s` removed (`officer's` → `officer`).
    public var word: String
    /// The word was joined to the one before it by a hyphen (`non-members`, `call-in`).
    public var hyphenatedToPrevious: Bool
}

/// Splits text into words. Works on UTF-8 bytes so that tokenising every clause stays fast:
/// ASCII letters and digits form words, as do non-ASCII letters; curly and straight apostrophes
/// inside a word are dropped; everything else (spaces, punctuation, dashes, curly quotes) separates.
public enum WordTokenizer {
    public static func tokens(_ text: String) -> [WordToken] {
        var result: [WordToken] = []
        var utf8 = Array(text.utf8)
        utf8.append(0x20)
        let n = utf8.count
        var word: [UInt8] = []
        word.reserveCapacity(24)
        var start = -1
        var startJoined = false
        // True when the last separator was a hyphen straight after a word.
        var hyphenPending = false

        func begin(_ i: Int) {
            if start < 0 {
                start = i
                startJoined = hyphenPending
                hyphenPending = false
            }
        }
        func finish(at end: Int) {
            guard start >= 0 else { return }
            // Drop a trailing apostrophe (members') and a possessive 's (officer's); a closing
            // quote mark (‘need to know’) is not part of the word.
            var end = end
            while word.last == 0x27 {
                word.removeLast()
                end -= utf8[end - 1] == 0x27 ? 1 : 3
            }
            if word.count > 2, word[word.count - 1] == 0x73, word[word.count - 2] == 0x27 { word.removeLast(2) }
            if word.contains(0x27) { word.removeAll { $0 == 0x27 } }
            if !word.isEmpty {
                result.append(
                    WordToken(
                        start: start, end: end, word: String(decoding: word, as: UTF8.self),
                        hyphenatedToPrevious: startJoined))
            }
            word.removeAll(keepingCapacity: true)
            start = -1
        }
        func separate(at i: Int, isHyphen: Bool) {
            let wasInWord = start >= 0
            finish(at: i)
            hyphenPending = isHyphen && wasInWord
        }

        var i = 0
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    begin(i)
                    word.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    begin(i)
                    word.append(b + 0x20)
                } else if b == 0x27, start >= 0 {
                    word.append(0x27)  // an apostrophe inside or at the end of a word
                } else {
                    separate(at: i, isHyphen: b == 0x2D)
                }
                i += 1
                continue
            }
            // A multi-byte character.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(i + length, n)
            let isGeneralPunctuation = length == 3 && end <= n && utf8[i] == 0xE2 && utf8[i + 1] == 0x80
            if isGeneralPunctuation, utf8[i + 2] == 0x98 || utf8[i + 2] == 0x99 {
                // ‘ ’ inside a word are apostrophes; elsewhere quotes
                if start >= 0 { word.append(0x27) } else { separate(at: i, isHyphen: false) }
            } else if isSeparator(utf8, at: i, length: length, end: end) {
                separate(at: i, isHyphen: isGeneralPunctuation && (utf8[i + 2] == 0x90 || utf8[i + 2] == 0x91))
            } else {
                begin(i)
                word.append(contentsOf: utf8[i..<end])
            }
            i = end
        }
        finish(at: n - 1)
        return result
    }

    /// Punctuation outside ASCII that separates words: general punctuation (dashes, quotes, ellipsis,
    /// bullets), no-break spaces, guillemets and the like.
    private static func isSeparator(_ bytes: [UInt8], at i: Int, length: Int, end: Int) -> Bool {
        guard end - i == length else { return true }
        if length == 2 {
            let b0 = bytes[i]
            let b1 = bytes[i + 1]
            // U+00A0–U+00BF: no-break space, ¡ ¢ £ … « » ¿ and friends; U+00D7 ×, U+00F7 ÷.
            return b0 == 0xC2 || (b0 == 0xC3 && (b1 == 0x97 || b1 == 0xB7))
        }
        if length == 3 {
            // U+2000–U+206F general punctuation; U+2190–U+22FF arrows and maths; U+25A0–U+25FF shapes.
            let b0 = bytes[i]
            let b1 = bytes[i + 1]
            if b0 == 0xE2 && (b1 == 0x80 || b1 == 0x81 || (b1 >= 0x86 && b1 <= 0x8B) || b1 == 0x96 || b1 == 0x97) { return true }
            if b0 == 0xE3 && b1 == 0x80 { return true }  // CJK punctuation and ideographic space
            if b0 == 0xEF && (b1 == 0xBB || b1 == 0xBC) { return true }  // BOM, full-width forms
        }
        return false
    }
}
