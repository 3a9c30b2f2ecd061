import ArgumentParser
import ProbityKit

struct ClauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clause",
        abstract: "Show one clause of a council's protocol, verbatim, with its heading and source.",
        discussion: "NUMBER is the clause as cited: 116 (Carlisle), 6.5.8 (Wiltshire), C3.5 or \"C 3.5\" (Blackburn with Darwen), 13.1 (Tower Hamlets).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The council's id, e.g. carlisle.") var councilID: String
    @Argument(help: "The clause's number or id.") var number: String?
    @Flag(help: "List every clause of the council.") var all = false
    @Option(help: ArgumentHelp("A version other than the current one (e.g. 1).", valueName: "version")) var version: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if all == (number != nil) { throw ValidationError("Give a clause NUMBER, or --all for every clause.") }
    }

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: .only([councilID.lowercased()]))
        let current = try knowledge.council(named: councilID)
        var council = current
        if let version {
            guard let chosen = knowledge.versions(of: current.id).first(where: { $0.version == version }) else {
                throw ValidationError("\(current.shortName) has no version \"\(version)\"; it has: \(knowledge.versions(of: current.id).map(\.version).joined(separator: ", ")).")
            }
            council = chosen
        }
        let clauses: [Clause]
        if all {
            clauses = council.clauses
        } else {
            clauses = council.clauses(matching: number ?? "")
            if clauses.isEmpty {
                throw RuntimeFailure("\(council.shortName)'s protocol has no clause \"\(number ?? "")\". Try `probity clause \(council.id) --all` to list them, or `probity search WORDS`.")
            }
        }
        if json {
            let reports = clauses.map { JSONReports.ClauseReport(council: council, clause: $0) }
            if all {
                struct Listing: Encodable { var council: String; var version: String; var clauses: [JSONReports.ClauseReport] }
                Output.write(JSONReports.encode(Listing(council: council.id, version: council.version, clauses: reports)))
            } else if reports.count == 1 {
                Output.write(JSONReports.encode(reports[0]))
            } else {
                struct Listing: Encodable { var clauses: [JSONReports.ClauseReport] }
                Output.write(JSONReports.encode(Listing(clauses: reports)))
            }
            return
        }
        let renderer = AdviceRenderer(style: Output.style)
        for (i, clause) in clauses.enumerated() {
            if i > 0 { Output.line() }
            Output.line(renderer.renderQuote(QuotedClause(council: council, clause: clause)).joined(separator: "\n"))
            if !clause.isAdvisory, let reason = clause.reason { Output.line(Output.style.dim("  (Not cited by advice: \(reason))")) }
        }
        Output.line(Output.style.dim("\nSource: \(council.name), \(council.document), \(council.versionLabel) — \(council.source)"))
    }
}
