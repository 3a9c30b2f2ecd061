/// The commands a user can type at any prompt.
extension Conversation {
    mutating func run(_ command: PromptCommand, into reply: inout ConversationReply) {
        switch command {
        case .help:
            show("help", .help(question: pendingQuestion), into: &reply)
            askAgain(into: &reply)
        case .back:
            goBack(into: &reply)
        case .restart:
            restartTopic(into: &reply)
        case .why:
            explain(into: &reply)
        case .topics:
            listTopics(into: &reply)
        case .compare:
            compareCouncils(into: &reply)
            askAgain(into: &reply)
        case .quit:
            reply.append(end(.quit))
        case .leave:
            leave(into: &reply)
        case .clause(let reference):
            showClause(reference, into: &reply)
            askAgain(into: &reply)
        case .council(let id):
            changeCouncil(id, into: &reply)
        case .role(let text):
            changeRole(text, into: &reply)
        case .search(let words):
            searchClauses(words, into: &reply)
            askAgain(into: &reply)
        case .save(let directory):
            reply.actions.append(.save(directory: directory))
        case .topic(let id):
            startTopic(id, into: &reply)
        case .change(let which):
            changeFact(which, into: &reply)
        case .remember:
            rememberSettings(into: &reply)
        case .quotes:
            if case .advice(let advice)? = session.step, !advice.quotes.isEmpty {
                show("clause", .clauses(advice.quotes), into: &reply)
            } else {
                show("clause", .text("There are no quoted clauses to show: `quotes` shows those of the advice just given."), into: &reply)
            }
            askAgain(into: &reply)
        }
    }

    /// After a command that answered something else, the waiting question again (without "why I ask").
    func askAgain(into reply: inout ConversationReply) {
        guard let question = pendingQuestion else { return }
        ask(question, topic: session.topic?.id ?? "", why: false, into: &reply)
    }

    mutating func listTopics(into reply: inout ConversationReply) {
        show("topics", .topics(knowledge.topics), into: &reply)
        switch mode {
        case .idle, .advised, .choosingTopic(_, _, false):
            let all = knowledge.topics.map { RouteScore(topicID: $0.id, title: $0.title, score: 0) }
            mode = .choosingTopic(question: "topics", choices: all, midTopic: false)
            show("topics", .hint("Type a number or a topic's id to start it, or ask a question in your own words."), into: &reply)
        default:
            // Mid-topic: a number now opens that topic (after asking nothing more); `no` carries on with this one.
            let all = knowledge.topics.map { RouteScore(topicID: $0.id, title: $0.title, score: 0) }
            let current = session.topic.map { " \"\($0.title)\"" } ?? " the current topic"
            mode = .choosingTopic(question: "topics", choices: all, midTopic: true)
            show("topics", .hint("Type a number or a topic's id to leave\(current) and start that, or `no` to carry on with it."), into: &reply)
        }
    }

    /// `cancel`, `leave`, `stop`: leaves the current topic (recorded), or declines what is on offer; never ends the chat.
    mutating func leave(into reply: inout ConversationReply) {
        switch mode {
        case .choosingTopic(_, _, true), .confirmingSwitch:
            show("leave", .hint("Carrying on with the current topic. (To leave it, type `cancel` again.)"), into: &reply)
            showStep(into: &reply, why: false)
        case .choosingTopic(_, _, false):
            mode = session.topic == nil ? .idle : .advised
            show("leave", .text("All right. Ask in other words, or type `topics` to see what I can advise on."), into: &reply)
        case .offeringNext:
            secondQuestion = nil
            mode = .advised
            show("leave", .text("All right. Ask another question, or type `quit` to end the chat."), into: &reply)
        case .askingCouncil, .askingRole:
            show("leave", .text("I need this before I can advise. Answer it, or type `quit` to end the chat."), into: &reply)
            askAgain(into: &reply)
        case .walking where session.topic != nil, .advised where session.topic != nil:
            guard let topic = session.topic else { return }
            keepSharedFacts()
            session.endTopic()
            mode = .idle
            reply.events.append(.leftTopic(topic: topic.id))
            show("leave", .hint("Left \"\(topic.title)\"."), into: &reply)
            if !offerSecondQuestion(into: &reply) {
                show("invitation", .text("What would you like to ask? Type it in your own words, or `quit` to end the chat."), into: &reply)
            }
        case .idle, .walking, .advised, .ended:
            show("leave", .text("There's no topic under way to leave. Ask a question in your own words, or type `quit` to end the chat."), into: &reply)
        }
    }

    mutating func startTopic(_ id: String, into reply: inout ConversationReply) {
        guard let topic = knowledge.topic(id: id) else {
            show("rejected", .text("\(Conversation.quoted(id)) is not a topic. Type `topics` to see them."), into: &reply)
            askAgain(into: &reply)
            return
        }
        if session.councilID == nil || session.role == nil {
            show("rejected", .text("First, tell me your council and role."), into: &reply)
            askAgain(into: &reply)
            return
        }
        if let current = session.topic, mode == .walking || mode == .advised, current.id != topic.id {
            show("switch", .hint("Leaving \"\(current.title)\"."), into: &reply)
        }
        show("routed", .routed(RouteScore(topicID: topic.id, title: topic.title, score: 1)), into: &reply)
        begin(topic, into: &reply)
    }

    mutating func showClause(_ reference: String?, into reply: inout ConversationReply) {
        guard let reference, !reference.isEmpty else {
            show("clause", .text("Type `clause` and a paragraph number, e.g. `clause \(exampleClause)`."), into: &reply)
            return
        }
        var council = session.council
        var number = reference
        let words = reference.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let named = knowledge.resolveCouncil(words[0]) {
            council = named
            number = words[1]
        }
        guard let council else {
            show("clause", .text("Which council? Type `clause COUNCIL NUMBER`, e.g. `clause carlisle 116`, or choose your council first."), into: &reply)
            return
        }
        let found = council.clauses(matching: number)
        guard !found.isEmpty else {
            show(
                "clause",
                .text("\(council.shortName.possessive) protocol has no paragraph \(Conversation.quoted(number)). Try `search WORDS` to find one by its words."),
                into: &reply)
            return
        }
        show("clause", .clauses(found.map { QuotedClause(council: council, clause: $0) }), into: &reply)
    }

    private var exampleClause: String {
        session.council?.clauses.first(where: \.isAdvisory)?.reference ?? "116"
    }

    mutating func searchClauses(_ words: String, into reply: inout ConversationReply) {
        guard !words.isEmpty else {
            show("search", .text("Type `search` and some words, e.g. `search need to know`."), into: &reply)
            return
        }
        guard let search else {
            show("search", .text("Clause search is not available here; try `probity search` from the shell."), into: &reply)
            return
        }
        let hits = search.find(words, council: session.councilID, limit: 5)
        if hits.isEmpty {
            let whose = session.council.map { "\($0.shortName.possessive) protocol" } ?? "the protocols"
            show("search", .text("No paragraph of \(whose) matches \(Conversation.quoted(words))."), into: &reply)
        } else {
            show("search", .searchResults(query: words, council: session.councilID, hits: hits), into: &reply)
        }
    }

    /// `compare`: the current topic across every council (as `probity compare` shows it), with the answers given so far
    /// walked through each council's rules.
    mutating func compareCouncils(into reply: inout ConversationReply) {
        guard let topic = session.topic else {
            show(
                "compare", .text("`compare` shows how each council treats the current topic: ask a question first, or run `probity compare TOPIC`."),
                into: &reply)
            return
        }
        // Every fact of the topic the user has given, asked or taken from what they typed, not only those the
        // path has used so far.
        let answers = knowledge.facts(of: topic).compactMap { fact in session.facts[fact.key].map { "\(fact.key)=\($0)" } }
        do {
            let comparison = try TopicComparison(knowledge: knowledge, topicID: topic.id, role: session.role, answers: answers)
            show("compare", .comparison(comparison), into: &reply)
        } catch {
            show("compare", .warning("I couldn't compare the councils on this topic: \(error.description)."), into: &reply)
        }
    }

    mutating func changeCouncil(_ text: String?, into reply: inout ConversationReply) {
        guard let text else {
            let current = session.council.map { "You're with \($0.name). " } ?? ""
            let choices =
                knowledge.councilIDs.count <= KnowledgeBase.numberedCouncilLimit
                ? ", one of: \(knowledge.councilIDs.joined(separator: ", "))" : " (its name, or the start of it)"
            show("council", .text("\(current)To change, type `council ID`\(choices)."), into: &reply)
            askAgain(into: &reply)
            return
        }
        guard let council = knowledge.resolveCouncil(text) else {
            show("rejected", .text(knowledge.unknownCouncil(text)), into: &reply)
            askAgain(into: &reply)
            return
        }
        guard council.id != session.councilID else {
            show("council", .text("You're already with \(council.name)."), into: &reply)
            askAgain(into: &reply)
            return
        }
        let before = session.facts
        try? session.setCouncil(council.id)
        reply.events.append(.councilSet(council: council.id, version: council.version))
        show(
            "council",
            .hint(
                "Now with \(council.name) for this conversation: advice will quote its \(council.document), \(council.versionLabel). Type `remember` to make it your default."
            ), into: &reply)
        settingsChanged(keeping: before, into: &reply)
    }

    mutating func changeRole(_ text: String?, into reply: inout ConversationReply) {
        guard let text else {
            let current = session.role.map { "You're \($0.phrase). " } ?? ""
            show("role", .text("\(current)To change, type `role member` or `role officer`."), into: &reply)
            askAgain(into: &reply)
            return
        }
        guard let role = Role.parse(text) else {
            show(
                "rejected", .text("\(Conversation.quoted(text)) is not a role; type `role member` (a councillor) or `role officer` (a council employee)."),
                into: &reply)
            askAgain(into: &reply)
            return
        }
        guard role != session.role else {
            show("role", .text("You're already \(role.phrase)."), into: &reply)
            askAgain(into: &reply)
            return
        }
        let before = session.facts
        session.setRole(role)
        reply.events.append(.roleSet(role: role.rawValue))
        show("role", .hint("Now advising you as \(role.phrase) for this conversation. Type `remember` to make it your default."), into: &reply)
        settingsChanged(keeping: before, into: &reply)
    }

    /// `remember`: the council and role of this conversation become the defaults in the user's settings file.
    mutating func rememberSettings(into reply: inout ConversationReply) {
        guard session.councilID != nil || session.role != nil else {
            show("remember", .text("There is nothing to remember yet: choose your council and role first."), into: &reply)
            askAgain(into: &reply)
            return
        }
        reply.actions.append(.rememberSettings(council: session.councilID, role: session.role))
        askAgain(into: &reply)
    }

    /// After the council or role changed: carries on where that makes sense. A topic under way is walked again for
    /// the new council or role with the answers given before that its advice still uses; the rest are named as dropped.
    private mutating func settingsChanged(keeping before: [String: String], into reply: inout ConversationReply) {
        switch mode {
        case .askingCouncil, .askingRole:
            askForWhatIsMissing(into: &reply, introduce: false)
        case .walking, .advised, .confirmingSwitch, .offeringNext, .choosingTopic(_, _, true):
            if let topic = session.topic {
                show("restart", .hint("Going through \"\(topic.title)\" again for that."), into: &reply)
                begin(topic, keeping: before.filter { $0.key != "council" && $0.key != "role" }, into: &reply)
            } else {
                mode = .idle
            }
        case .idle, .choosingTopic(_, _, false), .ended:
            break
        }
    }
}
