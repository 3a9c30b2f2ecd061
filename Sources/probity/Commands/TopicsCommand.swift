import ArgumentParser
import ProbityKit

struct TopicsCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "topics", _superCommandName: Launcher.rootName, abstract: "List the topics Probity advises on.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document: {\"topics\":[{\"id\",\"title\",\"summary\",\"audience\"}]}.") var json = false

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: .none)
        if json {
            struct Listing: Encodable { var topics: [JSONReports.TopicSummary] }
            Output.raw(JSONReports.encode(Listing(topics: knowledge.topics.map(JSONReports.TopicSummary.init))))
            return
        }
        let style = Output.style
        let idWidth = knowledge.topics.map(\.id.count).max() ?? 0
        for topic in knowledge.topics {
            Output.line(style.bold(topic.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)) + "  " + topic.title)
        }
        Output.line(style.dim("\n\(knowledge.topics.count) topics. Walk one with `probity walk TOPIC`, or just ask in `probity chat`."))
    }
}
