import ArgumentParser
import CEditLineShim
import Foundation
import ProbityKit

struct ChatCommand: TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        _superCommandName: Launcher.rootName,
        abstract: "Talk it through: ask a question in your own words.",
        discussion: """
            Your council and role come from --council and --role, else from $XDG_CONFIG_HOME/probity/config \
            (`council = carlisle`, `role = member`) or /etc/probity/config, else the chat asks once. `council ID` and \
            `role R` typed in the chat change this conversation only; `remember` keeps them for next time. On a terminal, \
            lines can be edited, Tab completes, and history is kept in $XDG_STATE_HOME/probity/history. \
            With standard input piped, the same conversation runs without colour.
            """)

    static let pages = false

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Where transcripts are saved (default: $PROBITY_TRANSCRIPTS, else transcripts/).", valueName: "dir"))
    var transcripts: String?
    @Flag(help: "Record nothing: no transcript, no history, no remembered settings.") var noSave = false
    @Option(
        help: ArgumentHelp(
            "The council-wide transcript store each line is also sent to (default: $PROBITY_STORE, else `store =` in your config or /etc/probity/config).",
            valueName: "url"))
    var store: String?

    func run() throws {
        let knowledge = try global.loadKnowledge(councils: global.councilSelection)
        // The router: its snapshot for this knowledge is read when something is first routed; without one, the
        // catalogue is indexed now, on the other core, while the chat starts and greets.
        let routing =
            knowledge.cache?.hasRouter == true
            ? BackgroundRouter(onFirstUse: { Router.cached(for: knowledge) }) : BackgroundRouter(building: { Router.cached(for: knowledge) })
        var session: Session
        do {
            session = try Session(knowledge: knowledge, council: global.council, role: global.role)
        } catch {
            throw GlobalOptions.failure(error, usage: { ValidationError(error.description) })
        }
        // The settings files fill in what the options left out; a council they name that is unknown is asked for again.
        let settings = global.settings
        var notices = settings.problems
        if session.councilID == nil, let council = settings.council {
            do {
                try session.setCouncil(council.value)
            } catch {
                if case .unsoundCouncil = error { throw RuntimeFailure(error.description) }
                notices.append("Your settings file \(council.file) names the council \"\(council.value)\", which Probity doesn't know.")
            }
        }
        if session.role == nil, let role = settings.role { session.setRole(role.value) }
        let paths = ChatPaths()
        let settingsFile = paths.settings.map(SettingsFile.init(path:))
        if let councilID = session.councilID {
            let issues = knowledge.issues(council: councilID)
            if !issues.isEmpty { throw RuntimeFailure(KnowledgeError(issues: issues, directory: knowledge.directory).description) }
        }

        probity_signals_install()
        let screen = Screen()
        let history = noSave ? nil : paths.history.map(HistoryFile.init(path:))
        let reader: LineReader = EditLineReader(history: history) ?? PlainLineReader(screen: screen)
        let conversation = Conversation(session: session, routing: routing, search: LazyClauseSearch(knowledge: knowledge))
        let environment = ProcessInfo.processInfo.environment
        let identity = TranscriptIdentity.current(fullName: settings.name?.value, environment: environment)
        let storeAddress = StoreLocator.resolve(explicit: store, environment: environment, settings: settings)
        let recording = ChatRecording.makeSink(
            transcripts: transcripts, noSave: noSave, session: session,
            identity: identity, store: storeAddress)
        var loop = ChatLoop(
            conversation: conversation, reader: reader, sink: recording.sink,
            screen: screen, settings: noSave ? nil : settingsFile, notices: notices + recording.notices)
        let reason = loop.run()
        ProcessEnd.keep(loop)
        if let status = ChatExitStatus.status(ending: reason, recordLost: recording.sink.recordLost) { throw ExitCode(status) }
    }
}
