import Foundation

/// Leaves out the free text the user typed (`--redact`): each line typed, the question routed, and any echo
/// of either in what Probity showed. Options chosen, questions asked and advice given stay.
public enum TranscriptRedactor {
    public static let marker = "(typed text left out)"

    public static func redact(_ events: [(time: String, event: ConversationEvent)]) -> [(time: String, event: ConversationEvent)] {
        // What the user typed, longest first so a longer text is replaced before a part of it.
        var typed = Set<String>()
        for (_, event) in events {
            switch event {
            case .userInput(let text): typed.insert(text.trimmingWhitespace())
            case .routed(let question, _, _): typed.insert(question.trimmingWhitespace())
            default: break
            }
        }
        // Short inputs ("2", "yes", "why") are commands or option numbers, not things said; replacing them
        // inside other text would only garble it.
        let echoes = typed.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        func scrub(_ text: String) -> String {
            echoes.reduce(text) { $0.replacingOccurrences(of: $1, with: marker) }
        }
        return events.map { time, event in
            switch event {
            case .userInput:
                (time, .userInput(text: marker))
            case .routed(_, let candidates, let outcome):
                (time, .routed(question: marker, candidates: candidates, outcome: outcome))
            case .shown(let kind, let text):
                (time, .shown(kind: kind, text: scrub(text)))
            default:
                (time, event)
            }
        }
    }
}
