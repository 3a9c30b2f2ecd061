/// Finds which subject outside the protocols a message is about, by the subjects' signal phrases: whole words in
/// order, ignoring case, punctuation, plurals and British/American spelling. Unlike fact phrases, words are not
/// stemmed: "allowance" must not meet "allowed", nor "hospitality" "hospital".
public struct OutOfScopeMatcher: Sendable {
    let subjects: [OutOfScopeSubject]
    private let signals: [(subject: Int, words: [String])]

    public init(subjects: [OutOfScopeSubject]) {
        self.subjects = subjects
        var signals: [(Int, [String])] = []
        for (i, subject) in subjects.enumerated() {
            for signal in subject.signals {
                let words = Self.words(signal)
                if words.contains(where: { $0 != "*" }) { signals.append((i, words)) }
            }
        }
        self.signals = signals
    }

    /// The subject `text` is about: the one with the longest signal found in it (the catalogue's order breaks a tie);
    /// nil when no signal occurs.
    public func subject(in text: String) -> OutOfScopeSubject? {
        match(in: text).map { subjects[$0.subject] }
    }

    /// Words as signals are compared: lower case, spelling folded, a plural "s" dropped ("interests" → "interest").
    static func words(_ text: String) -> [String] {
        PhraseMatcher.words(text).map { word in
            guard word != "*" else { return word }
            let folded = SpellingVariants.fold(word)
            guard folded.count > 3, folded.hasSuffix("s"), !folded.hasSuffix("ss") else { return folded }
            return String(folded.dropLast())
        }
    }

    /// The signal that matched: the subject's index and where the signal is in `words(text)`.
    func match(in text: String) -> (subject: Int, range: Range<Int>)? {
        let words = Self.words(text)
        var best: (subject: Int, range: Range<Int>, length: Int)?
        for signal in signals {
            guard let range = PhraseMatcher.occurrences(of: signal.words, in: words).first else { continue }
            if best == nil || signal.words.count > best!.length { best = (signal.subject, range, signal.words.count) }
        }
        return best.map { ($0.subject, $0.range) }
    }
}
