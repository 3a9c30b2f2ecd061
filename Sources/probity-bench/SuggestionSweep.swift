import Foundation
import ProbityKit

/// `probity-bench --suggest`: answers proposed from the user's words at a grid of thresholds, on the development halves
/// of both scenario folders (never the measuring halves). `--only PREFIX`: those files only; `--folder NAME`: that folder only. `--show SIM,MARGIN`: every
/// proposal at that setting, judged, with the sentence it quotes.
func suggestionSweep(_ knowledge: KnowledgeBase, directory: String) throws {
    let only = arguments.firstIndex(of: "--only").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
    let folder = arguments.firstIndex(of: "--folder").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
    let scenarios = try developmentScenarios(directory: directory, filePrefix: only ?? "", folders: folder.map { [$0] } ?? ["scenarios", "scenarios-blind"])
    // --cover-from COSINE: from that cosine on, a phrase is as near as the clause covers its words (1: always the lesser).
    let coverFrom = arguments.firstIndex(of: "--cover-from").flatMap {
        arguments.index(after: $0) < arguments.endIndex ? Float(arguments[arguments.index(after: $0)]) : nil
    }
    // --text TOPIC COUNCIL ROLE MESSAGE: what one message would be proposed, fact by fact.
    if let i = arguments.firstIndex(of: "--text"), arguments.endIndex > i + 4, let role = Role(rawValue: arguments[i + 3]) {
        for line in AnswerSuggestionEvaluation.explain(
            arguments[i + 4], knowledge: knowledge, council: arguments[i + 2], role: role, topic: arguments[i + 1], thresholds: .standard,
            coverFrom: coverFrom ?? 1)
        {
            print(line)
        }
        return
    }
    let evaluation = AnswerSuggestionEvaluation(knowledge: knowledge, scenarios: scenarios, coverFrom: coverFrom ?? 1)
    if let i = arguments.firstIndex(of: "--show"), arguments.index(after: i) < arguments.endIndex {
        let parts = arguments[arguments.index(after: i)].split(separator: ",")
        let t = SuggestionThresholds(similarity: Float(parts[0]) ?? 1, margin: Float(parts.count > 1 ? parts[1] : "1") ?? 1)
        for line in evaluation.lines(t) { print(line) }
        print(evaluation.figures(t))
        return
    }
    for similarity: Float in [-1, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        for margin: Float in [0, 0.04, 0.08, 0.12, 0.2] {
            print(evaluation.figures(SuggestionThresholds(similarity: similarity, margin: margin)))
        }
    }
}
