import ArgumentParser
import ProbityKit

struct AskCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        _superCommandName: Launcher.rootName,
        abstract: "Route one question to the topics that might answer it, with their scores, and say what the chat would do.",
        discussion: """
            Scores run from 0 to 1: the share of the question's words that a topic explains. \
            A clear winner is the topic the chat would go straight into; close ones get a "did you mean"; \
            below the threshold Probity has no advice and says so. A question about something the protocols do not \
            cover (gifts, declaring interests…) is referred to where its rule lives; with --council, the clauses of \
            that council's protocol that touch it are named.
              probity ask "a journalist rang me about the depot closure"
              probity ask "can I accept a bottle of wine from a contractor?" --council carlisle --json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The question, in your own words (quote it).") var question: [String]
    @Option(help: ArgumentHelp("How many topics to list.", valueName: "n")) var limit = AskCommand.defaultLimit
    static let defaultLimit = 5
    @Flag(help: "Also show how each word of the question scored for the best topics (for knowledge authors).") var explain = false
    @Flag(
        help:
            "Print one JSON document: {\"decision\":\"topic|choose|none\",\"topics\":[{\"id\",\"title\",\"score\"},…]}, best first; \"referral\", \"secondQuestion\" and \"command\" when they apply."
    )
    var json = false

    func validate() throws {
        if question.joined(separator: " ").allSatisfy(\.isWhitespace) {
            throw ValidationError("Give a question, e.g. probity ask \"can I see the exempt report?\"")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        // Stripped of control characters first: parts of it are shown back (a second question).
        let text = TerminalSafe.strip(question.joined(separator: " "))
        let (validated, signature) = try global.checkKnowledge()
        let kept = VerdictCache.standard().flatMap { verdicts in signature.map { KnowledgeCache(verdicts: verdicts, signature: $0) } }
        let router = try cachedRouter(validated: validated, kept: kept)
        let triage = QuestionTriage(router: router, outOfScope: try outOfScope(kept: kept))
        defer { ProcessEnd.keep(triage) }
        let decision = triage.decide(text, limit: limit)
        let shown = Array(decision.ranked.prefix(limit))
        let clauses = try decision.referral.flatMap(councilClauses)
        if json {
            Output.raw(JSONReports.encode(RoutingReport(decision: decision, shown: shown, clauses: clauses?.reports)))
            return
        }
        Output.write(
            RoutingRenderer(style: Output.style).render(
                question: text, decision: decision, shown: shown,
                clauses: clauses?.quoted ?? []))
        if explain { Output.line("\n" + router.explain(text, limit: limit)) }
    }

    /// The subjects the protocols do not cover: kept in the cache folder for this catalogue (named by the signature
    /// the gate took, written only after it passed), else read from the catalogue on disk (checked) and kept.
    private func outOfScope(kept: KnowledgeCache?) throws -> [OutOfScopeSubject] {
        if let subjects = kept?.outOfScope() { return subjects }
        let read = KnowledgeLoader.readOutOfScope(directory: global.knowledgeDirectory)
        guard read.issues.isEmpty else {
            throw RuntimeFailure(KnowledgeError(issues: read.issues.sorted(), directory: global.knowledgeDirectory).description)
        }
        kept?.keep(outOfScope: read.subjects)
        return read.subjects
    }

    /// With --council, that council's clauses touching the subject; nil without it.
    private func councilClauses(_ subject: OutOfScopeSubject) throws -> (quoted: [QuotedClause], reports: [JSONReports.ClauseReport])? {
        guard let named = global.council else { return nil }
        let knowledge = try global.loadKnowledge(councils: global.councilSelection)
        let council = try CouncilNames.council(named, in: knowledge)
        return (knowledge.clauses(touching: subject, council: council.id), knowledge.clauseReports(touching: subject, council: council.id))
    }

    /// The router for the knowledge as it is on disk: read from the snapshot named by the signature the knowledge
    /// gate took (written only after that same knowledge passed the gate), else built from the checked catalogue
    /// and saved for next time under that signature, which was taken before anything was read.
    /// - Parameters:
    ///   - validated: the knowledge, when the gate validated its catalogue now.
    ///   - kept: what the cache folder keeps for this catalogue (nil without a cache folder).
    private func cachedRouter(validated: KnowledgeBase?, kept: KnowledgeCache?) throws -> Router {
        let build = { Router(knowledge: try validated ?? global.loadKnowledge(councils: .none)) }
        guard let kept else { return try build() }
        return try kept.router(knowledgeDirectory: global.knowledgeDirectory, build: build)
    }
}
