import ArgumentParser
import ProbityKit

struct ValidateCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the knowledge files; exit 0 only when they are sound.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document: {\"ok\",\"note\",\"issues\":[{\"file\",\"path\",\"message\",\"line\",\"column\"}]}.") var json = false

    func run() throws {
        let directory = global.knowledgeDirectory
        let (knowledge, knowledgeIssues) = KnowledgeGate.validate(directory: directory, cache: VerdictCache.standard())
        // The routing's second stage: its part and the sentence encoder file (a missing encoder is a note only).
        let stage = EncoderSecondStage.validate(directory: directory, topicIDs: knowledge.topics.map(\.id))
        let issues = (knowledgeIssues + stage.issues).sorted()
        if json {
            struct Item: Encodable {
                var file: String
                var path: String?
                var message: String
                var line: Int?
                var column: Int?
            }
            struct Report: Encodable {
                var ok: Bool
                var councils: Int
                var topics: Int
                var clauses: Int
                var note: String?
                var issues: [Item]
            }
            let items = issues.map {
                Item(file: $0.file, path: $0.path?.description, message: $0.message, line: $0.position?.line, column: $0.position?.column)
            }
            Output.raw(
                JSONReports.encode(
                    Report(
                        ok: issues.isEmpty, councils: knowledge.councilVersions.count,
                        topics: knowledge.topics.count,
                        clauses: knowledge.councilVersions.reduce(0) { $0 + $1.clauses.count },
                        note: stage.note, issues: items)))
            if !issues.isEmpty { throw ExitCode.failure }
            return
        }
        if issues.isEmpty {
            let k = knowledge
            let clauses = k.councilVersions.reduce(0) { $0 + $1.clauses.count }
            Output.line(
                "The knowledge in \(directory) is sound: \(k.councilVersions.count) protocol versions of \(k.councils.count) councils, \(clauses) clauses, \(k.topics.count) topics."
            )
            if let note = stage.note { Output.line("Note: " + note) }
            return
        }
        for issue in issues { Output.error(issue.located(in: directory)) }
        Output.error("\n\(issues.count) problem\(issues.count == 1 ? "" : "s") in \(directory). Fix them and run `probity validate` again.")
        throw ExitCode.failure
    }
}
