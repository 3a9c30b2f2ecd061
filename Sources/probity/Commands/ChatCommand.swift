import ArgumentParser
import CEditLineShim
import Foundation
import ProbityKit

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk it through: ask a question in your own words.",
        discussion: """
            Your council and role come from --council and --role, else from $XDG_CONFIG_HOME/probity/config \
            (`council = carlisle`, `role = member`), else the chat asks once and remembers. On a terminal, \
            lines can be edited, Tab completes, and history is kept in $XDG_STATE_HOME/probity/history. \
            With standard input piped, the same conversation runs without colour.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Where transcripts are saved (default: $PROBITY_TRANSCRIPTS, else transcripts/).", valueName: "dir"))
    var transcripts: String?
    @Flag(help: "Record nothing: no transcript, no history, no remembered settings.") var noSave = false

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.councilSelection)
        // Indexing the catalogue for routing starts now, on the other core, while the chat starts and greets.
        let routing = BackgroundRouter(knowledge: knowledge)
        var session = try global.session(knowledge)
        let paths = ChatPaths()
        var notices: [String] = []
        let settingsFile = paths.settings.map(SettingsFile.init(path:))
        if let settingsFile {
            let (stored, problems) = settingsFile.load()
            notices += problems
            if session.councilID == nil, let council = stored.council {
                do {
                    try session.setCouncil(council)
                } catch {
                    notices.append("Your settings file \(settingsFile.path) names the council \"\(council)\", which Probity doesn't know.")
                }
            }
            if session.role == nil, let role = stored.role { session.setRole(role) }
        }
        if let councilID = session.councilID {
            let issues = knowledge.issues(council: councilID)
            if !issues.isEmpty { throw RuntimeFailure(KnowledgeError(issues: issues, directory: knowledge.directory).description) }
        }

        probity_signals_install()
        let screen = Screen()
        let history = noSave ? nil : paths.history.map(HistoryFile.init(path:))
        let reader: LineReader = EditLineReader(history: history) ?? PlainLineReader(screen: screen)
        let conversation = Conversation(session: session, routing: routing, search: LazyClauseSearch(knowledge: knowledge))
        let sink = ChatRecording.makeSink(transcripts: transcripts, noSave: noSave, session: session)
        var loop = ChatLoop(conversation: conversation, reader: reader, sink: sink,
                            screen: screen, settings: noSave ? nil : settingsFile, notices: notices)
        let reason = loop.run()
        if let status = ChatExitStatus.status(ending: reason, recordLost: sink.recordLost) { throw ExitCode(status) }
    }
}
