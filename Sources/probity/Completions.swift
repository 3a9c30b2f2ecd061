import Foundation
import ProbityKit

/// What the shell completions offer, read from the knowledge (and the transcript folder) when Tab is pressed.
/// Each takes the words of the command line so far, as swift-argument-parser passes them.
enum Completions {
    @Sendable static func councils(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        knowledge(words)?.councilIDs ?? []
    }

    @Sendable static func topics(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        knowledge(words)?.topics.map(\.id) ?? []
    }

    /// The clause numbers of the council already on the line (`clause COUNCIL <Tab>`, or `--council`), else the
    /// configured one; the council ids while none is known yet.
    @Sendable static func clauseNumbers(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let knowledge = knowledge(words) else { return [] }
        let named =
            ArgumentWords.value(of: "--council", in: words) ?? words.first { knowledge.councilIDs.contains($0) }
            ?? ConfigFiles().load().council?.value
        guard let id = named.flatMap({ knowledge.resolveCouncil($0)?.id }), let council = knowledge.council(id: id) else {
            return knowledge.councilIDs
        }
        return council.clauses.map(\.id)
    }

    @Sendable static func transcripts(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let location = TranscriptDirectory.locate(explicit: ArgumentWords.value(of: "--transcripts", in: words))
        return ((try? TranscriptLibrary(directory: location.path).files()) ?? [])
            .map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
            .sorted(by: >)
    }

    private static func knowledge(_ words: [String]) -> KnowledgeBase? {
        try? KnowledgeLoader.load(directory: KnowledgeLocator.locate(explicit: ArgumentWords.value(of: "--knowledge", in: words)), councils: .none)
    }
}
