/// The words of the chat that are not questions: commands as typed with a slip of the keyboard (`topcis`,
/// `hlep`, `qiut`), recognised before anything is routed, so that a command is never taken for a question.
public enum ChatVocabulary {
    /// What may follow `cancel`, `leave` or `stop` and still mean "leave the current topic".
    static let leaveObjects: Set<String> = ["this", "that", "it", "topic", "this topic", "that topic", "the topic", "please", "now"]

    /// Commands a near miss may be taken for, with the word shown back.
    static let commandWords: [String] = [
        "help", "back", "restart", "topics", "clause", "council", "search", "compare", "change",
        "save", "cancel", "leave", "stop", "quit", "exit",
    ]
    /// Commands that take words after them: a near miss of these is recognised with its argument (`serach need to know`).
    static let argumentCommands: Set<String> = ["search", "clause"]

    /// The command `line` nearly is, as the user should type it (`topics`, `search need to know`), or nil when it is
    /// not one slip away from a command: one letter changed, added, dropped, or two neighbours swapped, in a word of
    /// at least four letters. A whole line of one word, or `search`/`clause` followed by words.
    public static func nearMiss(_ line: String) -> String? {
        let words = line.trimmingWhitespace().split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = words.first?.lowercased(), first.count >= 4, first.allSatisfy(\.isLetter) else { return nil }
        guard !commandWords.contains(first) else { return nil }
        let candidates = commandWords.filter { editDistance(first, $0) == 1 }
        guard candidates.count == 1, let command = candidates.first else { return nil }
        if words.count == 1 { return command }
        guard argumentCommands.contains(command) else { return nil }
        return command + " " + String(words[1]).trimmingWhitespace()
    }

    /// The chat command `line` is (its first word, as typed in lower case: `topics`, `cancel`, `clause 7.4`) or nearly is
    /// (`topcis` → `topics`), or nil when it is neither: what the chat would run, or offer to run, instead of routing.
    public static func commandMeant(_ line: String) -> String? {
        if PromptCommand.parse(line, topicIDs: []) != nil { return line.trimmingWhitespace().lowercased() }
        return nearMiss(line)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > 1 { return 2 }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in stride(from: 1, through: x.count, by: 1) {
            for j in stride(from: 1, through: y.count, by: 1) {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// A reply to a line that is no question and no command (a greeting, thanks, a bare yes or no), or nil.
    public static func smallTalk(_ line: String) -> String? {
        let folded = OptionMatcher.fold(line)
        if greetings.contains(folded) { return "Hello. Ask a question in your own words, e.g. \"can I see the exempt report?\", or type `topics`." }
        if thanks.contains(folded) { return "You're welcome. Ask another question, or type `quit` to end the chat." }
        if YesNo.parse(line) != nil { return "There's no question waiting for a yes or no. Ask a question in your own words, or type `topics`." }
        return nil
    }

    static let greetings: Set<String> = ["hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "morning", "afternoon"]
    static let thanks: Set<String> = [
        "thanks", "thank you", "thankyou", "cheers", "ta", "thanks very much", "thank you very much", "many thanks", "great thanks", "ok thanks", "okay thanks",
    ]
}
