import ArgumentParser
import ProbityKit

struct CoverageCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Per council, the share of clauses that some advice cites, and the clauses never cited.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document: {\"councils\":[{\"council\",\"advisory\",\"cited\",\"share\",\"uncited\",\"notAdvisory\"…}]}.") var json = false

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.council == nil ? .all : global.councilSelection)
        var report = CoverageReport(knowledge: knowledge)
        if let only = global.council {
            report.councils = report.councils.filter { $0.council == only }
        }
        if json {
            Output.raw(JSONReports.encode(report))
            return
        }
        let style = Output.style
        for c in report.councils {
            let percent = (c.share * 1000).rounded() / 10
            Output.line(style.bold("\(c.name) (version \(c.version))") + ": \(c.cited) of \(c.advisory) advisory clauses cited (\(percent)%)")
            if !c.uncited.isEmpty {
                let list = c.uncited.map(\.reference).joined(separator: ", ")
                Output.line(TextWrapper.wrap("Never cited: \(list)", width: style.width, indent: "    ", firstIndent: "  ").joined(separator: "\n"))
            }
            if !c.notAdvisory.isEmpty {
                Output.line(style.dim("  Not advisory (\(c.notAdvisory.count)): " + c.notAdvisory.map(\.reference).joined(separator: ", ")))
            }
            if !c.citedThoughNotAdvisory.isEmpty {
                Output.line(style.yellow("  Marked not advisory but cited: " + c.citedThoughNotAdvisory.joined(separator: ", ")))
            }
            Output.line()
        }
    }
}
