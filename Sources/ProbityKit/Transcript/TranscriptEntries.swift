/// What each recorded event looks like in a reading of the transcript: the conversation as the user saw it.
enum TranscriptEntries {
    /// Shown by the chat about itself rather than about the question: left out of a page to file.
    static let furnitureKinds: Set<String> = ["greeting", "recording", "settings", "invitation", "interrupt"]

    static func kind(_ event: ConversationEvent, naming: TranscriptPresentation.Naming, withdrawn: Bool) -> TranscriptPresentation.Kind? {
        typealias Panel = TranscriptPresentation.Panel
        switch event {
        case .started(let council, let role):
            var known: [String] = []
            if let council { known.append("council: \(naming.council(council))") }
            if let role { known.append("role: \(Role(rawValue: role)?.phrase ?? role)") }
            return .note(known.isEmpty ? "Chat started (council and role not yet known)" : "Chat started — " + known.joined(separator: "; "))
        case .userInput(let text):
            return text.isEmpty ? nil : .typed(text)
        case .routed(let question, let candidates, let outcome):
            let best = candidates.first.map { naming.topic($0.topic) }
            switch outcome {
            case .chosen:
                return .routed("Probity took the question to be about \(best ?? "a topic").")
            case .askedWhichOne:
                return .routed("Two topics were close, so Probity asked which was meant.")
            case .noMatch:
                return .routed("No topic matched the question well enough.")
            case .askedToSwitch:
                return .routed("That sounded like a new question, about \(best ?? "another topic"); Probity asked whether to switch.")
            case .twoQuestions:
                return .routed("Probity found that it asks about two topics, taken one after the other.")
            case .deferred:
                // The second question, split from the message the user typed.
                let part = question == TranscriptRedactor.marker ? question : "“\(question)”"
                return .routed("Kept \(part) for later: \(best ?? "another topic"), offered when the first is done.")
            case .outOfScope:
                return .routed("The question is about a subject the protocol does not cover; Probity said where its rule lives.")
            }
        case .topicStarted(let topic):
            return .topic(title: naming.topic(topic), id: topic)
        case .councilSet(let council, let version):
            return .note("Council set to \(naming.council(council)), protocol version \(version)")
        case .roleSet(let role):
            return .note("Role set to \(TranscriptPresentation.roleName(role))")
        case .asked(_, _, _, let prompt, let options, _, _, _, _):
            return .question(prompt: prompt, options: options)
        case .suggested(_, _, _, let label, let said):
            let quoted = said == TranscriptRedactor.marker ? said : "“\(said)”"
            return .note("Proposed from what was typed, \(quoted): \(label)")
        case .answered(_, _, _, let label, let accepted):
            return .answer(accepted == true ? "\(label) (as proposed)" : label)
        case .wentBack(_, let fact):
            return .note(fact == nil ? "Went back (there was no answer to undo)" : "Went back: the last answer was undone")
        case .restarted(let topic):
            return .note("Restarted \(naming.topic(topic)): its answers were forgotten")
        case .leftTopic(let topic):
            return .note("Left \(naming.topic(topic))")
        case .advised(let advice):
            return .advice(
                AdviceLayout(advice, topicTitle: naming.topics[advice.topic], councilName: naming.councils[advice.council]),
                withdrawn: withdrawn)
        case .explained(_, let reasons):
            return .reasons(reasons)
        case .displayed(let kind, let shown):
            return panel(kind, shown, naming: naming).map { .shown($0) }
        case .shown(let kind, _) where kind == "routed" || kind == "chosen":
            // "Topic: …", said again by the topic's own entry.
            return nil
        case .shown(let kind, let text):
            var panel = Panel(kind: kind, paragraphs: [PlainTextReflow.unwrap(text)])
            panel.furniture = furnitureKinds.contains(kind)
            panel.preformatted = true
            return .shown(panel)
        case .ended(let reason):
            return .note("Chat ended (\(TranscriptPresentation.endReason(reason)))")
        }
    }

    private static func panel(_ kind: String, _ shown: Shown, naming: TranscriptPresentation.Naming) -> TranscriptPresentation.Panel? {
        typealias Panel = TranscriptPresentation.Panel
        switch shown {
        case .message(let tone, let message):
            var panel = Panel(kind: kind, paragraphs: [message.text()])
            panel.furniture = furnitureKinds.contains(kind)
            panel.warning = tone == .warning
            return panel
        case .topic:
            // Said again by the topic's own entry.
            return nil
        case .topicChoices(let heading, let choices):
            return Panel(kind: kind, title: heading.text(), items: choices.map { "\(naming.topics[$0.topic] ?? $0.title)" })
        case .topics(let topics):
            return Panel(kind: kind, title: "The topics Probity advises on:", items: topics.map { "\($0.title) (\($0.topic))" })
        case .help(_, let prompt, let questionHelp):
            let title = prompt.map { "Probity showed the help, for the question “\($0)”:" } ?? "Probity showed the help (its commands)."
            return Panel(kind: kind, title: title, paragraphs: questionHelp.map { [$0] } ?? [])
        case .clauses(let quotes):
            return Panel(
                kind: kind, title: quotes.count == 1 ? "The clause, in full:" : "The clauses, in full:",
                quotes: quotes.map { AdviceLayout.QuoteLayout($0, councilName: "") })
        case .whyAsked(_, let prompt, let why, let quotes):
            return Panel(
                kind: kind, title: "Why Probity asks “\(prompt)”:", paragraphs: [why],
                quotes: quotes.map { AdviceLayout.QuoteLayout($0, councilName: "") })
        case .searchResults(let query, _, let hits, let heading):
            let title = heading ?? (query == TranscriptRedactor.marker ? "Paragraphs that match the search \(query):" : "Paragraphs that match “\(query)”:")
            return Panel(kind: kind, title: title, items: hits.map(\.label))
        case .comparison(let topic, _, let councils):
            return Panel(
                kind: kind, title: "How each council treats \(naming.topic(topic)):",
                items: councils.map { column in
                    let verdicts = column.verdicts.map(TranscriptPresentation.verdictLabel).joined(separator: ", ")
                    return "\(naming.council(column.council)): \(verdicts.isEmpty ? "no advice" : verdicts)"
                })
        }
    }
}
