import ArgumentParser
import ProbityKit

struct ClauseCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "clause",
        _superCommandName: Launcher.rootName,
        abstract: "Show one clause of a council's protocol, verbatim, with its heading and source.",
        discussion: """
            NUMBER is the clause as cited: 116 (Carlisle), 6.5.8 (Wiltshire), C3.5 or "C 3.5" (Blackburn with Darwen), \
            13.1 (Tower Hamlets). Leave out COUNCIL to use --council or your settings file's council.
              probity clause carlisle 116
              probity clause --council wiltshire 6.5.8
              probity clause blackburn-with-darwen C3.5 --protocol-version 1
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The council's id, e.g. carlisle (default: --council, else your settings file's).", valueName: "council"),
        completion: .custom(Completions.councils))
    var first: String?
    @Argument(help: ArgumentHelp("The clause's number or id.", valueName: "number"), completion: .custom(Completions.clauseNumbers))
    var second: String?
    @Flag(help: "List every clause of the council.") var all = false
    @Option(help: ArgumentHelp("A version of the protocol other than the current one (e.g. 1).", valueName: "version"))
    var protocolVersion: String?
    @Flag(help: "Print JSON.") var json = false

    /// The council and the clause number the arguments give: `COUNCIL NUMBER`, `COUNCIL --all`, or `NUMBER` alone
    /// with the council from --council or the settings file.
    private func target(_ knowledge: KnowledgeBase) throws -> (council: String, number: String?) {
        switch (first, second) {
        case (let council?, let number?):
            return (council, number)
        case (let only?, nil):
            if all { return (only, nil) }
            if case .unknown = knowledge.councilArgument(only), let council = global.defaultCouncil {
                if global.council == nil, let setting = global.settings.council, knowledge.councilID(named: setting.value) == nil {
                    throw RuntimeFailure(CouncilNames.unknownInSettings(setting, knowledge: knowledge))
                }
                return (knowledge.councilID(named: council) ?? council, only)
            }
            if case .unknown = knowledge.councilArgument(only) {
                throw ValidationError(
                    "Which council's clause \"\(only)\"? Give it first (probity clause COUNCIL \(only)), or --council ID, "
                        + "or set council = ID in your settings file.")
            }
            throw ValidationError("Give a clause NUMBER after the council, or --all for every clause, e.g. probity clause \(only) --all.")
        case (nil, _):
            guard all, let council = global.defaultCouncil else {
                throw ValidationError("Give a council and a clause NUMBER, e.g. probity clause carlisle 116 (or set council = ID in your settings file).")
            }
            return (council, nil)
        }
    }

    func validate() throws {
        if all && second != nil { throw ValidationError("Give a clause NUMBER, or --all for every clause, not both.") }
    }

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: .none)
        let (councilText, number) = try target(knowledge)
        let current = try global.checkedCouncil(councilText, in: knowledge)
        var council = current
        if let protocolVersion {
            let versions = knowledge.versions(of: current.id).map(\.version)
            guard let chosen = knowledge.versions(of: current.id).first(where: { $0.version == protocolVersion }) else {
                throw ValidationError(
                    "\(current.shortName) has no version \"\(protocolVersion)\". \(Suggestions.sentence(for: protocolVersion, among: versions))")
            }
            council = chosen
        }
        let clauses: [Clause]
        if let number {
            clauses = council.clauses(matching: number)
            if clauses.isEmpty {
                let near = Suggestions.nearest(to: number, among: council.clauses.map(\.id))
                let hint = near.isEmpty ? "" : " Did you mean \(near.joined(separator: " or "))?"
                throw ValidationError(
                    "\(council.shortName)'s protocol has no clause \"\(number)\".\(hint) "
                        + "List them with `probity clause \(council.id) --all`, or find one by its words with `probity search WORDS`.")
            }
        } else {
            clauses = council.clauses
        }
        if json {
            let reports = clauses.map { JSONReports.ClauseReport(council: council, clause: $0) }
            if all {
                struct Listing: Encodable {
                    var council: String
                    var version: String
                    var clauses: [JSONReports.ClauseReport]
                }
                Output.raw(JSONReports.encode(Listing(council: council.id, version: council.version, clauses: reports)))
            } else if reports.count == 1 {
                Output.raw(JSONReports.encode(reports[0]))
            } else {
                struct Listing: Encodable { var clauses: [JSONReports.ClauseReport] }
                Output.raw(JSONReports.encode(Listing(clauses: reports)))
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
