/// Finds the proper names in a text: two or more capitalised words in a row ("the Evening Star", "Sunday Times",
/// "Riverside Estate"), or one capitalised word after a lower-case "the" ("the Gazette"). Inside a name a word does
/// not carry its everyday meaning: "Evening" in "the Evening Star" says nothing about the time of day.
///
/// The word "I" is never part of a name, and a text typed mostly in capitals (or in Title Case) has no names, since its
/// capitals say nothing.
public enum ProperNames {
    /// The names in `text`, as ranges of indices into `tokens` (its words, from `WordTokenizer`).
    public static func names(_ text: String, tokens: [WordToken]) -> [Range<Int>] {
        let utf8 = Array(text.utf8)
        let capitalised = tokens.map { token in
            token.start < utf8.count && (0x41...0x5A).contains(utf8[token.start]) && token.word != "i"
        }
        guard capitalised.filter({ $0 }).count * 2 <= tokens.count else { return [] }
        var result: [Range<Int>] = []
        // Runs of capitalised words that nothing but spaces separates.
        var runStart: Int?
        for i in 0...tokens.count {
            let continues = i < tokens.count && capitalised[i]
            if continues, let start = runStart, start < i, onlySpaces(utf8, from: tokens[i - 1].end, to: tokens[i].start) { continue }
            if let start = runStart {
                let afterThe = start > 0 && tokens[start - 1].word == "the" && utf8[tokens[start - 1].start] != 0x54  // "the", not "The"
                if i - start >= 2 || afterThe { result.append(start..<i) }
            }
            runStart = continues ? i : nil
        }
        return result
    }

    private static func onlySpaces(_ utf8: [UInt8], from: Int, to: Int) -> Bool {
        from <= to && utf8[from..<to].allSatisfy { $0 == 0x20 }
    }
}
