import ArgumentParser
import ProbityKit

struct SearchCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every council's protocol: ranked clauses with the matching words highlighted.",
        discussion: """
            Words are matched in any form and with their synonyms (councillor/member, staff/officer, \
            press/media …). Put a phrase in double quotes to require it as written; a hyphenated word \
            (non-members) is a phrase too. In plain output the matches are marked [[like this]].
              probity search "blind copies"
              probity search '"need to know"' --council carlisle
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The words to look for.") var words: [String]
    @Option(help: ArgumentHelp("How many clauses to show.", valueName: "n")) var limit = 10
    @Flag(
        help:
            "Print one JSON document: {\"query\",\"council\",\"hits\":[{\"council\",\"clause\",\"reference\",\"heading\",\"score\",\"snippet\",\"matches\",\"text\"…}]}."
    )
    var json = false

    func validate() throws {
        if words.joined().allSatisfy(\.isWhitespace) {
            throw ValidationError("Give some words to look for, e.g. probity search \"blind copies\".")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.council == nil ? .all : global.councilSelection)
        let councilID = global.council
        let query = words.joined(separator: " ")
        let hits = ClauseSearch(knowledge: knowledge).search(query, council: councilID, limit: limit)
        if json {
            Output.raw(JSONReports.encode(SearchReport(query: query, council: councilID, hits: hits)))
            return
        }
        Output.write(SearchRenderer(style: Output.style).render(hits, query: TerminalSafe.strip(query)))
    }
}
