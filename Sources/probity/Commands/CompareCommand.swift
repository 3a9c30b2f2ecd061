import ArgumentParser
import ProbityKit

struct CompareCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "One topic across every council: the verdicts and the clauses each cites, side by side.",
        discussion: """
            With answers (FACT=OPTION, as for `probity walk`), the same facts are walked through each council's \
            advice and the outcomes compared: facts are named once in the catalogue, so an answer holds for every \
            council that asks it (and for a council's question asked in the same words). A council that needs a \
            question you did not answer shows it, and is not counted as a different outcome.
              probity compare party-group-briefing
              probity compare document-access --role member --answer carl-what=other-group
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The topic's id (see `probity topics`).", completion: .custom(Completions.topics)) var topic: String
    @Option(name: .customLong("answer"), help: ArgumentHelp("An answer, FACT=OPTION; repeat for each.", valueName: "fact=option"))
    var answers: [String] = []
    @Option(help: ArgumentHelp("text (default) or md (a Markdown table).", valueName: "format")) var format: Format = .text
    @Option(help: ArgumentHelp("table, stacked, or auto (a table when the terminal is wide enough).", valueName: "layout"))
    var layout: String = "auto"
    @Flag(
        help:
            "Print one JSON document: {\"topic\",\"title\",\"role\",\"answers\",\"councils\":[{\"council\",\"verdicts\",\"advice\",\"clauses\",\"outcome\"}],\"outcomesDiffer\"}."
    )
    var json = false

    func validate() throws {
        guard ComparisonRenderer.Layout(rawValue: layout) != nil else {
            throw ValidationError("--layout must be one of: \(ComparisonRenderer.Layout.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.council == nil ? .all : global.councilSelection)
        var councils: [String]?
        if let council = global.council { councils = [council] }
        let comparison: TopicComparison
        do {
            comparison = try TopicComparison(knowledge: knowledge, topicID: topic, role: global.defaultRole, answers: answers, councils: councils)
        } catch {
            throw ValidationError(error.description)
        }
        // Each council's advice on the topic was read as the comparison needed it: none of it is shown unless all of it is sound.
        let problems = knowledge.problemsSoFar
        if !problems.isEmpty { throw RuntimeFailure(KnowledgeError(issues: problems, directory: knowledge.directory).description) }
        if json {
            Output.raw(JSONReports.encode(ComparisonReport(comparison)))
            return
        }
        let base = Output.style
        let style = TextStyle(colour: base.colour, width: Output.terminalWidth)
        let renderer = ComparisonRenderer(style: style, layout: ComparisonRenderer.Layout(rawValue: layout) ?? .auto)
        Output.write(format == .md ? renderer.markdown(comparison) : renderer.render(comparison))
    }
}
