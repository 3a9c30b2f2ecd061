/// A command typed at a chat prompt. Anything that is not a command is an answer or a question.
public enum PromptCommand: Sendable, Equatable {
    case help
    case back
    case restart
    case why
    case topics
    case compare
    case quit
    /// `cancel`, `leave`, `stop`: leave the current topic (or the offer being made) without ending the chat.
    case leave
    /// `clause NUMBER` (or `clause COUNCIL NUMBER`); nil when no number was given.
    case clause(String?)
    /// `council ID`; nil to show the current one.
    case council(String?)
    /// `role member|officer`; nil to show the current one.
    case role(String?)
    /// `search WORDS`; empty when no words were given.
    case search(String)
    /// `save [FOLDER]`
    case save(String?)
    /// A topic's id typed on its own, or `topic ID`.
    case topic(String)
    /// `change` lists the answers given; `change N` answers one again.
    case change(String?)
    /// `remember`: keep this conversation's council and role as the defaults for next time.
    case remember
    /// `quotes`: the clauses of the advice just given, in full (on a small screen they are folded).
    case quotes

    /// The words a command starts with, for help and completion.
    public static let words = [
        "help", "back", "restart", "why", "topics", "clause", "council", "role", "search", "compare", "quotes",
        "change", "remember", "save", "cancel", "quit",
    ]

    /// Reads a command from a line, or nil when the line is not one.
    /// - Parameter topicIDs: the topics' ids, so that a bare id starts that topic.
    public static func parse(_ line: String, topicIDs: Set<String>) -> PromptCommand? {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let word = parts[0].lowercased()
        let rest = parts.count > 1 ? String(parts[1]).trimmingWhitespace() : ""
        let argument: String? = rest.isEmpty ? nil : rest
        if topicIDs.contains(trimmed.lowercased()) { return .topic(trimmed.lowercased()) }
        switch word {
        case "help", "?": return argument == nil ? .help : nil
        case "back", "undo": return argument == nil ? .back : nil
        case "restart": return argument == nil ? .restart : nil
        case "why": return argument == nil ? .why : nil
        case "topics": return argument == nil ? .topics : nil
        case "compare": return argument == nil ? .compare : nil
        case "quit", "exit", "bye", "goodbye": return argument == nil ? .quit : nil
        case "cancel", "leave", "stop", "abort": return argument == nil || ChatVocabulary.leaveObjects.contains(argument!.lowercased()) ? .leave : nil
        case "clause", "paragraph", "para": return short(argument, 5) ? .clause(argument) : nil
        case "council": return short(argument, 5) ? .council(argument) : nil
        case "remember": return argument == nil ? .remember : nil
        case "quotes", "unfold": return argument == nil ? .quotes : nil
        case "role": return short(argument, 3) ? .role(argument) : nil
        case "search": return .search(rest)
        case "save": return .save(argument)
        case "change": return short(argument, 1) ? .change(argument) : nil
        case "topic":
            guard let argument else { return .topics }
            return short(argument, 4) ? .topic(argument.lowercased()) : nil
        default: break
        }
        switch OptionMatcher.fold(trimmed) {
        case "start again", "start over": return .restart
        case "never mind", "nevermind", "forget it", "forget that", "leave it", "drop it", "leave this topic", "exit topic", "exit this topic":
            return .leave
        case "end chat", "exit chat", "quit chat", "end the chat", "good bye", "i am done", "i m done", "im done", "that is all", "that s all", "thats all":
            return .quit
        case "list topics", "show topics": return .topics
        case "go back": return .back
        default: return nil
        }
    }

    /// Whether a command's argument is short enough to be one ("council blackburn with darwen", "clause C 3.5", "change 2"):
    /// a longer one is the user's own sentence that happens to start with the command's word ("council want me on the
    /// board…", "role of the scrutiny chair…", "change of plan…"), and so a question.
    private static func short(_ argument: String?, _ words: Int) -> Bool {
        (argument?.split(whereSeparator: \.isWhitespace).count ?? 0) <= words
    }
}

/// Short replies to a yes/no question.
enum YesNo {
    static func parse(_ text: String) -> Bool? {
        switch OptionMatcher.fold(text) {
        case "y", "yes", "yeah", "yep", "ok", "okay", "sure", "please", "yes please", "go on", "switch": true
        case "n", "no", "nope", "no thanks", "cancel", "stay", "carry on", "continue": false
        default: nil
        }
    }
}

extension Role {
    /// A role named the way a user might: member, councillor, cllr; officer, employee, staff.
    public static func parse(_ text: String) -> Role? {
        let words = OptionMatcher.fold(text).split(separator: " ").map(String.init)
        let member: Set<String> = ["member", "councillor", "councilor", "cllr", "councillors", "members", "elected", "m"]
        let officer: Set<String> = ["officer", "employee", "staff", "officers", "employees", "o", "worker", "council employee"]
        let saysMember = words.contains { member.contains($0) }
        let saysOfficer = words.contains { officer.contains($0) }
        if saysMember == saysOfficer { return nil }
        return saysMember ? .member : .officer
    }
}
