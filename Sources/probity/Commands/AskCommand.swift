import ArgumentParser
import ProbityKit

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Route one question to the topics that might answer it, with their scores.",
        discussion: """
            Scores run from 0 to 1: the share of the question's words that a topic explains. \
            A clear winner is the topic the chat would go straight into; close ones get a "did you mean"; \
            below the threshold Probity has no advice and says so.
              probity ask "a journalist rang me about the depot closure"
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The question, in your own words (quote it).") var question: [String]
    @Option(help: ArgumentHelp("How many topics to list.", valueName: "n")) var limit = 5
    @Flag(help: "Also show how each word of the question scored for the best topics (for knowledge authors).") var explain = false
    @Flag(help: "Print one JSON document: {\"topics\":[{\"id\",\"title\",\"score\"},…]}, best first.") var json = false

    func validate() throws {
        if question.joined(separator: " ").allSatisfy(\.isWhitespace) {
            throw ValidationError("Give a question, e.g. probity ask \"can I see the exempt report?\"")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let text = question.joined(separator: " ")
        let router = try cachedRouter()
        let ranked = router.rank(text, limit: max(limit, router.thresholds.maximumChoices))
        let decision = router.thresholds.decide(ranked)
        let shown = Array(ranked.prefix(limit))
        if json {
            Output.write(JSONReports.encode(RoutingReport(ranked: shown)))
            return
        }
        Output.write(RoutingRenderer(style: Output.style).render(question: TerminalSafe.strip(text), ranked: shown, decision: decision))
        if explain { Output.line("\n" + router.explain(text, limit: limit)) }
    }

    /// The router for the catalogue as it is on disk: read from the snapshot named by its digest when one exists
    /// (written only after that same catalogue loaded and checked out), else built from the checked catalogue and
    /// saved for next time.
    private func cachedRouter() throws -> Router {
        let validated = try global.checkKnowledge()
        let cache = RouterCache.standard()
        let files = validated?.catalogueFiles ?? KnowledgeLoader.catalogueFiles(directory: global.knowledgeDirectory)
        if let cache, let files, let router = cache.router(key: RouterSnapshot.key(catalogueFiles: files)) { return router }
        let knowledge = try validated ?? global.loadKnowledge(councils: .none)
        let router = Router(knowledge: knowledge)
        cache?.store(router, key: RouterSnapshot.key(catalogueFiles: knowledge.catalogueFiles))
        return router
    }
}
