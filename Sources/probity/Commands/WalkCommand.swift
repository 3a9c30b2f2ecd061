import ArgumentParser
import ProbityKit

struct WalkCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        _superCommandName: Launcher.rootName,
        abstract: "Walk a topic without prompts: prints the next question, or the advice.",
        discussion: """
            Give answers as FACT=OPTION, where FACT is the question's id (shown in brackets; facts are named once \
            in the catalogue, so the same id works for every council that asks it) and OPTION an option's id, \
            number or words; a question that takes several answers takes FACT=a,b. For example:
              probity walk document-access --council carlisle --role member --answer carl-what=info
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The topic's id (see `probity topics`).", completion: .custom(Completions.topics)) var topic: String
    @Option(name: .customLong("answer"), help: ArgumentHelp("An answer, FACT=OPTION; repeat for each.", valueName: "fact=option"))
    var answers: [String] = []
    @Flag(help: "Print one JSON document with the question or the advice, including the full text of every citation.") var json = false

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.councilSelection)
        var session = try global.session(knowledge)
        do {
            try session.begin(topicID: topic)
            for answer in answers {
                guard let eq = answer.firstIndex(of: "="), eq != answer.startIndex, answer.index(after: eq) != answer.endIndex else {
                    throw ValidationError("\"\(answer)\" is not FACT=OPTION: give a question's id and an option's id, e.g. --answer member-of=no.")
                }
                try session.setAnswer(String(answer[..<eq]), option: String(answer[answer.index(after: eq)...]))
            }
        } catch let problem as Session.Problem {
            throw ValidationError(problem.description)
        }
        if json {
            Output.raw(JSONReports.encode(JSONReports.walk(session)))
            if case .noRoute? = session.step { throw ExitCode.failure }
            return
        }
        let renderer = AdviceRenderer(style: Output.style)
        switch session.step {
        case .question(let q)?:
            let id = q.kind == .topic ? Fact.localID(ofKey: q.factKey) : q.factKey
            Output.line(renderer.render(q))
            let optionIDs = q.options.map(\.id).joined(separator: "|")
            let hint = q.kind == .topic ? "--answer \(id)=\(optionIDs)" : "--\(q.factKey) \(optionIDs)"
            Output.line(Output.style.dim("\nNext question [\(id)]. Answer it with \(hint)"))
        case .advice(let advice)?:
            Output.line(renderer.render(advice))
            Output.line()
            Output.line(renderer.render(reasons: session.reasons))
        case .noRoute(let text)?:
            throw RuntimeFailure("The knowledge has no way forward: \(text). Run `probity validate`.")
        case nil:
            break
        }
    }
}
