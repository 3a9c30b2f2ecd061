/// Answers proposed from the user's own words: at a question whose fact what they typed did not settle, an option that
/// one of their sentences comes near (`AnswerSuggester`) is proposed, quoting the sentence. It is never taken unless the
/// user takes it: Enter, `yes` (when it is not itself one of the options' words) or the option's number.
extension Conversation {
    /// Works out the proposal for `question` (nil when there is none) before it is put.
    mutating func propose(for question: PendingQuestion) {
        suggestion = nil
        guard question.kind == .topic, !heard.isEmpty, !declined.contains(question.factKey),
            let fact = knowledge.fact(key: question.factKey),
            let proposed = knowledge.suggestion(for: fact, in: heard, spokenOf: session.spokenOf, vectors: router.wordVectors),
            question.options.contains(where: { $0.id == proposed.optionID })
        else { return }
        suggestion = proposed
    }

    /// The proposal for `question` as shown, when one is waiting for it.
    func proposal(for question: PendingQuestion?) -> ProposedAnswer? {
        guard mode == .walking, let question, question.kind == .topic, let suggestion, suggestion.factKey == question.factKey,
            let index = question.options.firstIndex(where: { $0.id == suggestion.optionID })
        else { return nil }
        return ProposedAnswer(said: suggestion.said, option: index)
    }

    /// The option a line takes as the proposal: an empty line, or a yes that is not the words of an option.
    func acceptance(of text: String, proposed: ProposedAnswer, question: PendingQuestion) -> String? {
        if text.isEmpty { return question.options[proposed.option].id }
        guard YesNo.parse(text) == true, case .none = OptionMatcher.match(text, in: question.options) else { return nil }
        return question.options[proposed.option].id
    }
}
