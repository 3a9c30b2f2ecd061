/// Whether one step of advice only says again what another already says: a rule triggered by a fact must add its
/// step to the advice, but not a second copy of a step the path reached ("behave in accordance with the Code of
/// Conduct…" twice, once numbered and once "because you said…").
public enum StepRestatement {
    /// Share of a step's words that must appear in the other step for it to count as the same rule said again.
    static let sameWords = 0.8

    /// True when `step` cites nothing that `other` does not cite, and nearly all its words are in `other`.
    static func restates(_ step: AdviceStep, _ other: AdviceStep) -> Bool {
        restates(text: step.text, cites: step.citations.map(\.clause), other: other.text, otherCites: other.citations.map(\.clause))
    }

    /// The same for steps as shown, with the clauses as cited.
    public static func restates(_ step: AdviceStepResult, _ other: AdviceStepResult) -> Bool {
        restates(text: step.text, cites: step.references, other: other.text, otherCites: other.references)
    }

    private static func restates(text: String, cites: [String], other: String, otherCites: [String]) -> Bool {
        let cited = Set(otherCites)
        guard !cites.isEmpty, cites.allSatisfy(cited.contains) else { return false }
        let words = contentTerms(text)
        guard !words.isEmpty else { return false }
        let otherWords = contentTerms(other)
        return Double(words.filter(otherWords.contains).count) >= sameWords * Double(words.count)
    }

    private static func contentTerms(_ text: String) -> Set<String> {
        Set(TextNormaliser.analyse(text).filter { !$0.isStop }.flatMap(\.terms))
    }
}
