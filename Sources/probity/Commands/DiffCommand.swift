import ArgumentParser
import ProbityKit

struct DiffCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between versions of a council's protocol: added, removed and changed clauses, word by word.",
        discussion: """
            Clauses are paired by id. Changes of quote marks, dashes or spacing alone are not counted as changes. \
            In plain output added words are marked {+like this+} and removed words [-like this-].
              probity diff blackburn-with-darwen
              probity diff blackburn-with-darwen --from 1 --to 2 --json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The council's id, e.g. blackburn-with-darwen (default: --council, else your settings file's).", valueName: "council-id"),
        completion: .custom(Completions.councils))
    var councilID: String?
    @Option(help: ArgumentHelp("The older version (default: each version against the next).", valueName: "version"))
    var from: String?
    @Option(help: ArgumentHelp("The newer version (default: the current one).", valueName: "version"))
    var to: String?
    @Flag(
        help:
            "Print one JSON document: {\"council\",\"name\",\"comparisons\":[{\"from\",\"to\",\"summary\",\"added\",\"removed\",\"changed\",\"typographyOnly\"}]}."
    )
    var json = false

    func run() throws {
        guard let named = councilID ?? global.defaultCouncil else {
            throw ValidationError("Which council? Give its id, e.g. probity diff blackburn-with-darwen, or set council = ID in your settings file.")
        }
        let (knowledge, council) = try global.loadKnowledge(council: named)
        let versions = knowledge.versions(of: council.id)
        func version(_ label: String) throws -> Council {
            guard let found = versions.first(where: { $0.version == label }) else {
                throw ValidationError("\(council.shortName) has no version \"\(label)\"; it has: \(versions.map(\.version).joined(separator: ", ")).")
            }
            return found
        }
        let diffs: [VersionDiff]
        if from != nil || to != nil {
            let newer = try to.map(version) ?? council
            let older = try from.map(version) ?? versions.last(where: { $0.version != newer.version && !$0.isCurrent }) ?? newer
            guard older.version != newer.version else {
                throw ValidationError("Choose two different versions of \(council.shortName): \(versions.map(\.version).joined(separator: ", ")).")
            }
            diffs = [VersionDiff(from: older, to: newer)]
        } else {
            diffs = VersionDiff.history(of: council.id, in: knowledge)
        }
        if json {
            Output.raw(JSONReports.encode(DiffReport(council: council, diffs: diffs)))
            return
        }
        guard !diffs.isEmpty else {
            Output.line("\(council.name) has one version of its protocol (\(council.versionLabel)): there is nothing to compare.")
            return
        }
        let renderer = DiffRenderer(style: Output.style)
        Output.write(diffs.map(renderer.render).joined(separator: "\n"))
    }
}
