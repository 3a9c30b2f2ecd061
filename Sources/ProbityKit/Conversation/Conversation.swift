/// A chat as a state machine: each line the user types goes in; what to show, what happened
/// and what the program must do come out. No terminal I/O, so a whole conversation can be
/// driven from a test. The executable reads lines, renders the blocks and records the events.
public struct Conversation: Sendable {
    /// Where the conversation is: what the next line will be taken as.
    public enum Mode: Sendable, Equatable {
        /// Asking which council the user is with.
        case askingCouncil
        /// Asking whether the user is a member or an officer.
        case askingRole
        /// Waiting for a question.
        case idle
        /// Asking which of a few topics a question meant. `midTopic`: the current topic is still under way.
        case choosingTopic(question: String, choices: [RouteScore], midTopic: Bool)
        /// A question of the current topic is waiting for an answer.
        case walking
        /// The current topic's advice has been given.
        case advised
        /// A new question was typed mid-topic: asking whether to leave the current topic for `to`.
        case confirmingSwitch(question: String, to: RouteScore)
        /// The first of two questions is done: asking whether to go on to the second, `question`, about `to`.
        case offeringNext(question: String, to: RouteScore)
        /// Over; nothing more is read.
        case ended
    }

    public internal(set) var session: Session
    public internal(set) var mode: Mode = .idle
    private let routing: BackgroundRouter
    /// Routes free text to topics; built in the background from the start of the chat.
    var router: Router { routing.router }
    let search: ClauseFinder?
    let topicIDs: Set<String>
    /// Facts that topics share (`election-period`), kept across topics: one answer serves them all.
    var sharedFacts: [String: String] = [:]
    let sharedFactKeys: Set<String>
    /// A Ctrl-C on an empty line has asked whether to end; another one ends the chat.
    var interruptArmed = false
    /// The second of two questions asked at once, offered when the first is done.
    var secondQuestion: QuestionSplit?
    /// A command the last line was nearly ("Did you mean `topics`?"): a yes runs it.
    var suggestedCommand: String?
    /// What the user typed in this topic that may state its facts: the message that led to it, and free text typed at
    /// its questions. An answer may be proposed from it at a question whose fact it did not settle.
    var heard: [String] = []
    /// The answer proposed for the question waiting, from `heard` (Enter or yes takes it).
    public internal(set) var suggestion: AnswerSuggestion?
    /// Facts the user asked to answer again (`change`): nothing is proposed for them in this topic.
    var declined: Set<String> = []
    /// Decides what to do with a question: topic, choice or none; subjects the protocols do not cover; two questions.
    var triage: QuestionTriage { QuestionTriage(router: router, outOfScope: knowledge.outOfScope) }

    /// - Parameters:
    ///   - session: the engine, with the council and role already known (from options or a config file), if any.
    ///   - router: routes free text to topics (built once: it indexes the knowledge).
    ///   - search: finds clauses for `search WORDS` and for questions that match no topic.
    public init(session: Session, router: Router, search: ClauseFinder? = nil) {
        self.init(session: session, routing: BackgroundRouter(router), search: search)
    }

    /// - Parameter routing: a router being built in the background (the chat's first prompt need not wait for it).
    public init(session: Session, routing: BackgroundRouter, search: ClauseFinder? = nil) {
        self.session = session
        self.routing = routing
        self.search = search
        topicIDs = Set(session.knowledge.topics.map(\.id))
        sharedFactKeys = Set(session.knowledge.sharedFacts.map(\.key))
    }

    public var knowledge: KnowledgeBase { session.knowledge }

    // MARK: Beginning and end

    /// The greeting, then the first question: the council or role when they are not known, else "what would you like to ask?".
    /// - Parameters:
    ///   - recording: one sentence on where the conversation is recorded (or that it is not).
    ///   - notices: anything else to say first (a config file that names an unknown council, say).
    public mutating func start(recording: String, notices: [String] = []) -> ConversationReply {
        var reply = ConversationReply()
        reply.events.append(.started(council: session.councilID, role: session.role?.rawValue))
        show("greeting", .text("Probity: advice on your council's protocol for members and officers, in the protocol's own words."), into: &reply)
        show("recording", .hint(Message(recording)), into: &reply)
        for notice in notices { show("notice", .warning(Message(notice)), into: &reply) }
        askForWhatIsMissing(into: &reply, introduce: true)
        return reply
    }

    /// Ends the conversation: `.ended` is the last event. Calling it again adds nothing.
    public mutating func end(_ reason: ConversationEndReason) -> ConversationReply {
        var reply = ConversationReply()
        guard mode != .ended else { return reply }
        mode = .ended
        switch reason {
        case .quit, .eof: reply.blocks.append(.hint("Goodbye."))
        case .interrupt: reply.blocks.append(.hint("Ended with Ctrl-C. Goodbye."))
        case .terminated, .hangup, .quitSignal, .closedPipe: break
        }
        reply.events.append(.ended(reason: reason.rawValue))
        reply.actions.append(.end(reason))
        return reply
    }

    /// Ctrl-C at a prompt: the line is cleared; a second Ctrl-C with nothing typed in between ends the chat.
    /// - Parameter lineHadText: whether the line that Ctrl-C abandoned held any text.
    public mutating func interrupted(lineHadText: Bool) -> ConversationReply {
        guard mode != .ended else { return ConversationReply() }
        if interruptArmed && !lineHadText { return end(.interrupt) }
        interruptArmed = true
        var reply = ConversationReply()
        let hint =
            lineHadText
            ? "Line cleared. Press Ctrl-C again to end the chat, or type something else."
            : "Press Ctrl-C again, or Ctrl-D, to end the chat; or type `help`."
        show("interrupt", .hint(Message(hint)), into: &reply)
        return reply
    }

    // MARK: A line typed

    /// The longest line the chat reads, in bytes of UTF-8: a question, or a paragraph about a situation, fits easily;
    /// the readers cut anything longer there (and say how much they cut), so no line can take the chat's memory or time.
    public static let maximumLineBytes = 4096

    /// Takes one line the user typed and answers it. Never fails: anything it cannot use gets a short reply
    /// and the question again.
    /// - Parameter droppedBytes: how many bytes the reader cut from the end of the line (it was longer than
    ///   `maximumLineBytes`); the user is told, and the transcript records it, before the line is answered.
    public mutating func handle(_ line: String, droppedBytes: Int = 0) -> ConversationReply {
        var reply = ConversationReply()
        guard mode != .ended else { return reply }
        interruptArmed = false
        let text = TerminalSafe.strip(line).replacingTabs().trimmingWhitespace()
        reply.events.append(.userInput(text: text))
        if droppedBytes > 0 {
            show("line-cut", .warning(Message(Self.lineCutMessage(droppedBytes: droppedBytes))), into: &reply)
        }
        guard !text.isEmpty || proposal(for: pendingQuestion) != nil else {
            repeatPrompt(into: &reply)
            return reply
        }
        if let suggested = suggestedCommand {
            suggestedCommand = nil
            if let accepted = YesNo.parse(text) {
                if accepted, let command = PromptCommand.parse(suggested, topicIDs: topicIDs) {
                    run(command, into: &reply)
                } else {
                    show("did-you-mean", .hint("All right."), into: &reply)
                    askAgain(into: &reply)
                }
                return reply
            }
        }
        switch mode {
        case .askingCouncil: handleCouncilAnswer(text, into: &reply)
        case .askingRole: handleRoleAnswer(text, into: &reply)
        case .idle, .advised: handleOpen(text, into: &reply)
        case .choosingTopic(let question, let choices, let midTopic):
            handleChoice(text, question: question, choices: choices, midTopic: midTopic, into: &reply)
        case .walking: handleAnswer(text, into: &reply)
        case .confirmingSwitch(let question, let target): handleSwitchConfirmation(text, question: question, to: target, into: &reply)
        case .offeringNext(let question, let target): handleNextOffer(text, question: question, to: target, into: &reply)
        case .ended: break
        }
        return reply
    }

    static func lineCutMessage(droppedBytes: Int) -> String {
        func grouped(_ n: Int) -> String {
            var digits = String(n)
            var out = ""
            while digits.count > 3 {
                out = "," + digits.suffix(3) + out
                digits.removeLast(3)
            }
            return digits + out
        }
        let limit = grouped(maximumLineBytes)
        let dropped = grouped(droppedBytes)
        return
            "That line was too long: Probity reads at most \(limit) bytes of a line, so the last \(dropped) bytes were cut and only the beginning is used below. Say it in fewer words, or over several lines."
    }

    /// At a prompt where nothing was typed: a reminder of what is waiting, nothing recorded as shown.
    mutating func repeatPrompt(into reply: inout ConversationReply) {
        switch mode {
        case .walking, .askingCouncil, .askingRole:
            if let question = pendingQuestion {
                reply.blocks.append(.hint("Answer with a number from 1 to \(question.options.count), or type `help`."))
            }
        case .confirmingSwitch, .offeringNext: reply.blocks.append(.hint("Type yes or no."))
        default: break
        }
    }

    /// A line in the open (no question waiting): a command, a topic id, or a question in plain words.
    mutating func handleOpen(_ text: String, into reply: inout ConversationReply) {
        if let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
        } else if suggestCommand(text, into: &reply) {
            return
        } else if let answer = ChatVocabulary.smallTalk(text) {
            show("small-talk", .text(Message(answer)), into: &reply)
        } else if Int(text) != nil {
            show("rejected", .text("There is no question waiting for a number. Ask a question in your own words, or type `topics`."), into: &reply)
        } else {
            route(text, into: &reply)
        }
    }

    // MARK: Council and role

    /// Asks for the council, then the role, when they are not known; otherwise invites a question.
    mutating func askForWhatIsMissing(into reply: inout ConversationReply, introduce: Bool) {
        if session.councilID == nil {
            mode = .askingCouncil
            ask(session.councilQuestion(), topic: "", why: true, into: &reply)
        } else if session.role == nil {
            mode = .askingRole
            ask(session.roleQuestion(), topic: "", why: true, into: &reply)
        } else {
            mode = .idle
            if introduce, let council = session.council, let role = session.role {
                show(
                    "settings",
                    .hint("You're with \(council.name), as \(role.phrase). To change, type `council ID` or `role \(role == .member ? "officer" : "member")`."),
                    into: &reply)
            }
            show("invitation", .text("What would you like to ask? Type it in your own words, or `help`."), into: &reply)
        }
    }

    mutating func handleCouncilAnswer(_ text: String, into reply: inout ConversationReply) {
        let question = session.councilQuestion()
        if case .option(let option) = OptionMatcher.match(text, in: question.options) {
            setCouncil(option.id, into: &reply)
        } else if let id = knowledge.councilID(named: text) {
            setCouncil(id, into: &reply)
        } else if let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
        } else if question.options.isEmpty {
            show("rejected", .text(knowledge.unknownCouncil(text)), into: &reply)
            ask(question, topic: "", why: false, into: &reply)
        } else {
            reject(text, question: question, topic: "", into: &reply)
            return
        }
    }

    private mutating func setCouncil(_ id: String, into reply: inout ConversationReply) {
        do {
            try session.setCouncil(id)
        } catch {
            // Unknown, or (a council whose folder fails the knowledge gate) refused with validate's messages.
            show("rejected", .warning(Message(error.description)), into: &reply)
            if mode == .askingCouncil { ask(session.councilQuestion(), topic: "", why: false, into: &reply) }
            return
        }
        guard let council = session.council else { return }
        reply.events.append(.councilSet(council: council.id, version: council.version))
        reply.actions.append(.rememberSettings(council: council.id, role: nil))
        show("settings", .hint("\(council.name): advice will quote its \(council.document), \(council.versionLabel)."), into: &reply)
        askForWhatIsMissing(into: &reply, introduce: false)
    }

    mutating func handleRoleAnswer(_ text: String, into reply: inout ConversationReply) {
        let question = session.roleQuestion()
        var role: Role?
        if case .option(let option) = OptionMatcher.match(text, in: question.options) {
            role = Role(rawValue: option.id)
        } else {
            role = Role.parse(text)
        }
        if let role {
            session.setRole(role)
            reply.events.append(.roleSet(role: role.rawValue))
            reply.actions.append(.rememberSettings(council: nil, role: role))
            askForWhatIsMissing(into: &reply, introduce: false)
        } else if let command = PromptCommand.parse(text, topicIDs: topicIDs) {
            run(command, into: &reply)
        } else {
            reject(text, question: question, topic: "", into: &reply)
        }
    }

    // MARK: Completion

    /// What Tab completes at the next prompt: commands, topic ids, and the options of the waiting question or choice.
    public var completions: [String] {
        var words: [String] = []
        switch mode {
        case .walking, .askingCouncil, .askingRole:
            if let question = pendingQuestion { words += question.options.map(\.label) }
            if mode == .askingCouncil { words += knowledge.councilNames.flatMap { [$0.id, $0.name] } }
        case .choosingTopic(_, let choices, _):
            words += choices.map(\.title)
        case .confirmingSwitch, .offeringNext:
            words += ["yes", "no"]
        case .idle, .advised, .ended:
            break
        }
        words += ["help", "back", "restart", "why", "topics", "clause ", "search ", "compare", "save", "cancel", "quit"]
        words += knowledge.councilIDs.map { "council \($0)" }
        words += Role.allCases.map { "role \($0.rawValue)" }
        words += knowledge.topics.map(\.id)
        var seen = Set<String>()
        return words.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The question waiting for an answer, if any.
    public var pendingQuestion: PendingQuestion? {
        switch mode {
        case .askingCouncil: return session.councilQuestion()
        case .askingRole: return session.roleQuestion()
        case .walking:
            if case .question(let q)? = session.step { return q }
            return nil
        default: return nil
        }
    }

    // MARK: Showing

    /// Shows a block and records what it showed, as data (`.displayed`).
    func show(_ kind: String, _ block: ConversationBlock, into reply: inout ConversationReply) {
        reply.blocks.append(block)
        if let shown = Shown(block) { reply.events.append(.displayed(kind: kind, shown: shown)) }
    }

    /// Puts a question: shows it and records `.asked`; with an answer proposed from the user's words, records
    /// `.suggested` first and shows the question as a confirmation that quotes them.
    func ask(_ question: PendingQuestion, topic: String, why: Bool, into reply: inout ConversationReply) {
        let proposed = proposal(for: question)
        if let proposed {
            let option = question.options[proposed.option]
            reply.events.append(.suggested(topic: topic, fact: question.factKey, option: option.id, label: option.label, said: proposed.said))
        }
        reply.blocks.append(.question(question, why: why, proposed: proposed))
        reply.events.append(
            .asked(
                topic: topic, fact: question.factKey, node: question.nodeID, prompt: question.prompt,
                options: question.options.map(\.label), optionIDs: question.options.map(\.id), why: question.why,
                whyClauses: question.whyClauses.map(\.clause.id), multiple: question.multiple))
    }

    /// A short reply to something that is not an answer, then the question again.
    func reject(_ text: String, question: PendingQuestion, topic: String, into reply: inout ConversationReply) {
        let message: Message
        if let n = Int(text) {
            message = "There is no option \(n) here; choose a number from 1 to \(question.options.count)."
        } else {
            switch OptionMatcher.match(text, in: question.options) {
            case .ambiguous(let options):
                message =
                    "\(Conversation.quoted(text)) could mean \(options.map { "\"\($0.label)\"" }.joined(separator: " or ")). Type a little more, or the number."
            default:
                message = "\(Conversation.quoted(text)) isn't one of the answers. Choose a number from 1 to \(question.options.count), or type `help`."
            }
        }
        show("rejected", .text(message), into: &reply)
        ask(question, topic: topic, why: false, into: &reply)
    }

    /// A line that is a command mistyped (`topcis`): asks "Did you mean `topics`?" and returns true; a yes runs it.
    /// Nothing is routed.
    mutating func suggestCommand(_ text: String, into reply: inout ConversationReply) -> Bool {
        guard let command = ChatVocabulary.nearMiss(text) else { return false }
        suggestedCommand = command
        show("did-you-mean", .text("Did you mean `\(command)`? (yes/no)"), into: &reply)
        return true
    }

    /// What the user typed, repeated in a reply: shown in quotes and kept short; recorded apart from Probity's
    /// own words, so that redaction can leave it out.
    static func quoted(_ text: String) -> Echo {
        Echo(text)
    }
}

extension Role {
    /// "a councillor (member)", for sentences.
    public var phrase: String {
        switch self {
        case .member: "a councillor (member)"
        case .officer: "a council employee (officer)"
        }
    }
}

extension String {
    /// Tabs as spaces, so that what was typed reads as one line.
    func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
