import Foundation
import ProbityKit

/// `probity-bench --facts-meaning`: hearing facts by meaning at a grid of thresholds, on the development halves of
/// both scenario folders (never the measuring halves), with the time it takes. Prints figures only, no messages.
func factMeaningSweep(_ knowledge: KnowledgeBase, directory: String) throws {
    let scenarios = try developmentScenarios(directory: directory)
    // --strict: the unseen reading leaves out every phrase any development message uses.
    let evaluation = FactMeaningEvaluation(knowledge: knowledge, scenarios: scenarios, strict: arguments.contains("--strict"))
    // --show SIM,MARGIN[,same]: the development facts taken wrongly at those thresholds, with the clause and phrase.
    if let i = arguments.firstIndex(of: "--show"), arguments.index(after: i) < arguments.endIndex {
        let parts = arguments[arguments.index(after: i)].split(separator: ",")
        let t = MeaningThresholds(
            similarity: Float(parts[0]) ?? 1, margin: Float(parts[1]) ?? 1, eitherPolarity: parts.count < 3 || parts[2] != "same",
            coverFrom: parts.count > 3 ? Float(parts[3]) ?? 1 : 1)
        for line in evaluation.mistakes(t) { print(line) }
        if arguments.contains("--missed") { for line in evaluation.misses(t) { print(line) } }
        print(evaluation.figures(t))
        return
    }
    print(
        String(
            format: "%d development scenarios; %d tables built in %.1f ms (%.1f ms each); %.3f ms per message read by meaning",
            scenarios.count, evaluation.tables, evaluation.buildMilliseconds, evaluation.buildMilliseconds / Double(max(evaluation.tables, 1)),
            evaluation.perMessageMilliseconds))
    for nearness: Float in [0.95, 0.9, 0.85, 0.8, 0.75, 0.7] {
        let f = evaluation.synonymFigures(nearness, phrases: PhraseIndexHandle(knowledge))
        print(String(format: "near words from %.2f | unseen: right %d wrong %d unsaid-unknown %d", nearness, f.right, f.wrong, f.unsaidUnknown))
    }
    for coverFrom: Float in [1, 0.7] {
        for similarity: Float in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] {
            for margin: Float in [0.04, 0.08, 0.15] {
                print(evaluation.figures(MeaningThresholds(similarity: similarity, margin: margin, eitherPolarity: true, coverFrom: coverFrom)))
            }
        }
    }
}
