/// Leaves out the user's free text (`--redact`), wherever the record holds it, and nothing else: each line typed,
/// the question routed, the words searched for, the user's words quoted with an answer proposed from them, and the
/// user's words repeated in a message. Options chosen,
/// questions asked, advice given and Probity's own words stay, whatever the user typed.
///
/// Records of the first format (`probity-transcript/1`) hold what was shown as printed text, where an echo cannot
/// be told from Probity's words: the text of every block that could hold one is left out whole.
public enum TranscriptRedactor {
    public static let marker = "(typed text left out)"

    /// First-format blocks that never repeat what the user typed.
    static let legacyKindsWithoutEchoes: Set<String> = [
        "greeting", "recording", "settings", "invitation", "interrupt", "routed",
        "topics", "help", "understood", "why", "restart", "back", "role", "council", "switch", "error",
    ]

    public static func redact(_ events: [(time: String, event: ConversationEvent)]) -> [(time: String, event: ConversationEvent)] {
        events.map { ($0.time, redact($0.event)) }
    }

    public static func redact(_ event: ConversationEvent) -> ConversationEvent {
        switch event {
        case .userInput:
            return .userInput(text: marker)
        case .routed(_, let candidates, let outcome):
            return .routed(question: marker, candidates: candidates, outcome: outcome)
        case .displayed(let kind, let shown):
            return .displayed(kind: kind, shown: redact(shown))
        case .suggested(let topic, let fact, let option, let label, _):
            return .suggested(topic: topic, fact: fact, option: option, label: label, said: marker)
        case .shown(let kind, let text):
            return .shown(kind: kind, text: legacyKindsWithoutEchoes.contains(kind) ? text : marker)
        case .started, .topicStarted, .councilSet, .roleSet, .asked, .answered, .wentBack, .restarted, .leftTopic, .advised, .explained, .ended:
            return event
        }
    }

    static func redact(_ shown: Shown) -> Shown {
        switch shown {
        case .message(let tone, let message):
            return .message(tone: tone, words: message.redacted(marker))
        case .topicChoices(let heading, let choices):
            return .topicChoices(heading: heading.redacted(marker), choices: choices)
        case .searchResults(_, let council, let hits, let heading):
            return .searchResults(query: marker, council: council, hits: hits, heading: heading)
        case .topic, .topics, .help, .clauses, .whyAsked, .comparison:
            return shown
        }
    }
}
