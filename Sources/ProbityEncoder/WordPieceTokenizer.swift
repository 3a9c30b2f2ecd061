import Foundation

/// BERT's uncased tokenizer, as the Hugging Face tokenizers library runs it for all-MiniLM-L6-v2 (`BertNormalizer`
/// with lower-casing and accent stripping, `BertPreTokenizer`, `WordPiece` with "##" continuations):
/// 1. clean: NUL, U+FFFD and other (C*) characters but tab and line breaks dropped, any whitespace a space;
/// 2. CJK ideographs spaced apart, so each is a word of its own;
/// 3. accents stripped (canonical decomposition, non-spacing marks dropped), then lower-cased character by character;
/// 4. split at whitespace, each punctuation character (ASCII symbols and Unicode P*) a word of its own;
/// 5. each word split greedily into the longest vocabulary pieces from its start ("##" before all but the first);
///    a word with no such split, or longer than 100 characters, is [UNK];
/// 6. [CLS] first and [SEP] last, the pieces between cut so the whole fits `maxTokens`.
struct WordPieceTokenizer: Sendable {
    static let maxWordCharacters = 100
    let vocabulary: EncoderVocabulary
    let maxTokens: Int

    /// The token ids of `text`, [CLS] and [SEP] included.
    func ids(_ text: String) -> [Int32] {
        var ids: [Int32] = [vocabulary.classifier]
        let room = maxTokens - 1
        for word in Self.words(text) {
            for piece in pieces(word) {
                guard ids.count < room else { break }
                ids.append(piece)
            }
            if ids.count >= room { break }
        }
        ids.append(vocabulary.separator)
        return ids
    }

    /// The words of `text` after steps 1–4.
    static func words(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
                continue
            }
            if isCJK(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
                continue
            }
            cleaned.append(scalar)
        }
        // Lower-cased one character at a time, as the Rust library does (no final-sigma rule).
        var lowered = String.UnicodeScalarView()
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in lowered {
            if isWhitespace(scalar) {
                flush()
            } else if isPunctuation(scalar) {
                flush()
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }

    /// Step 5 for one word.
    func pieces(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= Self.maxWordCharacters else { return [vocabulary.unknown] }
        // Where each character's UTF-8 bytes start.
        var starts: [Int] = []
        var utf8: [UInt8] = []
        for scalar in scalars {
            starts.append(utf8.count)
            utf8.append(contentsOf: String(scalar).utf8)
        }
        starts.append(utf8.count)
        var result: [Int32] = []
        var start = 0
        var piece: [UInt8] = []
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                piece.removeAll(keepingCapacity: true)
                if start > 0 { piece.append(contentsOf: [0x23, 0x23]) }  // "##"
                piece.append(contentsOf: utf8[starts[start]..<starts[end]])
                if let id = vocabulary.id(of: piece[...]) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [vocabulary.unknown] }
            result.append(id)
            start = end
        }
        return result
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// Any "other" character (C*) but tab and the line breaks, which are whitespace.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT spaces apart (not Hangul, kana or other Asian scripts), with the Rust
    /// library's ranges.
    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B920...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
