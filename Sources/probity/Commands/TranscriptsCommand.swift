import ArgumentParser
import Foundation
import ProbityBytes
import ProbityKit

/// `probity transcripts …`: for the Monitoring Officer, who reads, checks and exports saved conversations.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "Read, verify, export and replay saved conversations (for the Monitoring Officer).",
        discussion: """
            Transcripts are kept in --transcripts DIR, else $PROBITY_TRANSCRIPTS, else the transcripts/ folder of \
            the checkout; with --store URL, the council-wide store is read instead (everyone's, for the Monitoring \
            Officer's role). An ID is a transcript's id as `list` shows it, the start of one, or the path of a .jsonl file.
            """,
        subcommands: [List.self, Show.self, Verify.self, Export.self, Replay.self, Report.self, Sync.self],
        defaultSubcommand: List.self)
}

/// Where the transcripts are: the options every `transcripts` subcommand takes.
struct TranscriptFolderOptions: ParsableArguments {
    @Option(
        name: .customLong("transcripts"),
        help: ArgumentHelp("The transcript folder (default: $PROBITY_TRANSCRIPTS, else transcripts/ of the checkout).", valueName: "dir"))
    var directory: String?

    @Option(
        help: ArgumentHelp(
            "Read the council-wide store at this URL (postgresql://…) instead of a folder: everyone's transcripts, for the Monitoring Officer's role.",
            valueName: "url"))
    var store: String?

    var library: TranscriptLibrary { TranscriptLibrary(directory: TranscriptDirectory.locate(explicit: directory).path) }

    /// What the messages call the place read: the folder, or the store (without its password).
    var sourceName: String { store.map { "the store " + StoreAddress($0).description } ?? library.directory }

    var reader: StoreReader? { store.map { StoreReader(store: TranscriptStore(StoreAddress($0))) } }

    /// Reads and verifies the transcript an ID names; an unknown ID is a runtime failure with a hint.
    func load(_ id: String) throws -> TranscriptLibrary.Entry {
        if let reader {
            return try storeFailure {
                guard let stored = try reader.resolve(id), let entry = try reader.entries([stored]).first else {
                    throw RuntimeFailure(
                        "No transcript \"\(TerminalSafe.strip(id))\" in \(sourceName) (or more than one starts so). Run `probity transcripts list --store URL` to see the ids."
                    )
                }
                return entry
            }
        }
        do {
            return try TranscriptLibrary.load(path: try library.resolve(id))
        } catch let error as TranscriptLookupError {
            throw RuntimeFailure(error.description)
        } catch let error as TranscriptReadError {
            throw RuntimeFailure(error.description)
        }
    }

    /// Every transcript that passes the filter; none when the folder does not exist yet.
    func all(_ filter: TranscriptFilter = TranscriptFilter()) throws -> [TranscriptLibrary.Entry] {
        if let reader {
            return try storeFailure {
                try reader.entries(reader.transcripts(user: filter.user, from: filter.from, to: filter.to)).filter(filter.matches)
            }
        }
        do throws(TranscriptLookupError) {
            return try library.entries().filter(filter.matches)
        } catch .noDirectory {
            return []
        } catch {
            throw RuntimeFailure(error.description)
        }
    }
}

/// A store failure as a runtime failure (exit 1) with its message.
func storeFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw RuntimeFailure(error.description)
    }
}

/// The Monitoring Officer's filters beside --council and --role.
struct TranscriptFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this user's transcripts: the login name recorded, or the database user who sent them.", valueName: "login"))
    var user: String?
    @Option(help: ArgumentHelp("Only transcripts about this topic (see `probity topics`).", valueName: "topic")) var topic: String?
    @Option(help: ArgumentHelp("Only transcripts with a verdict of this kind (yes, yes-if, no, ask-mo, …).", valueName: "verdict")) var verdict: String?
    @Option(help: ArgumentHelp("Only transcripts started on or after this day (YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Only transcripts started on or before this day (YYYY-MM-DD).", valueName: "date")) var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, !DateArgument.isValid(value) { throw ValidationError("\(name) takes a day as YYYY-MM-DD, not \"\(value)\".") }
        }
    }

    func filter(_ global: GlobalOptions) -> TranscriptFilter {
        TranscriptFilter(council: global.council, role: global.role?.rawValue, user: user, topic: topic, verdict: verdict, from: from, to: to)
    }
}

enum DateArgument {
    /// `YYYY-MM-DD`, digits where digits belong.
    static func isValid(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 10 else { return false }
        return chars.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == UInt8(ascii: "-") : (48...57).contains(c) }
    }
}

extension GlobalOptions {
    /// The knowledge for friendlier names in renderings, if it loads; transcripts are readable without it.
    var namesIfAvailable: (topics: [String: String], councils: [String: String]) {
        guard let knowledge = try? KnowledgeLoader.load(directory: knowledgeDirectory) else { return ([:], [:]) }
        return (knowledge.topicTitles, Dictionary(knowledge.councils.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}

extension TranscriptsCommand {
    struct List: TakesGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List saved conversations: date, council, role, topics, verdicts and whether each is intact.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: TranscriptFilterOptions
        @Flag(
            help:
                "Print one JSON document: {\"directory\",\"transcripts\":[{\"id\",\"started\",\"ended\",\"councils\",\"roles\",\"topics\",\"verdicts\",\"status\",\"user\",\"machine\",\"stored\",…}]}."
        )
        var json = false

        func run() throws {
            let filter = filters.filter(global)
            let entries = try folder.all(filter)
            let directory = folder.sourceName
            if json {
                struct Item: Encodable {
                    var summary: TranscriptSummary
                    var stored: StoredTranscript?
                    func encode(to encoder: any Encoder) throws {
                        try summary.encode(to: encoder)
                        if let stored {
                            enum Keys: String, CodingKey { case stored }
                            var container = encoder.container(keyedBy: Keys.self)
                            try container.encode(stored, forKey: .stored)
                        }
                    }
                }
                struct Listing: Encodable {
                    var directory: String
                    var transcripts: [Item]
                }
                Output.raw(JSONReports.encode(Listing(directory: directory, transcripts: entries.map { Item(summary: $0.summary, stored: $0.stored) })))
                return
            }
            guard !entries.isEmpty else {
                Output.line("No transcripts in \(directory)\(filter.isEmpty ? "" : " that match").")
                return
            }
            let style = Output.style
            let names = global.namesIfAvailable
            for entry in entries.reversed() {
                let s = entry.summary
                let status: String
                switch entry.verification.status {
                case .sealed: status = style.green("sealed")
                case .incomplete: status = style.yellow("incomplete but intact")
                case .tampered: status = style.bold(style.red("TAMPERED"))
                case .unreadable: status = style.bold(style.red("UNREADABLE"))
                }
                Output.line(style.bold(s.id) + "  " + (s.started.map(UTCTime.readable) ?? "start unknown") + "  " + status)
                let councils = s.councils.map { names.councils[$0] ?? $0 }.joined(separator: ", ")
                let roles = s.roles.joined(separator: ", ")
                Output.line("  " + [councils.isEmpty ? "council not given" : councils, roles.isEmpty ? "role not given" : roles].joined(separator: " · "))
                if let who = TranscriptsCommand.who(entry) { Output.line("  " + TerminalSafe.strip(who)) }
                if s.verdicts.isEmpty {
                    let topics = s.topics.map { names.topics[$0] ?? $0 }
                    Output.line(style.dim("  " + (topics.isEmpty ? "no topic" : topics.joined(separator: ", ") + ": no advice reached")))
                }
                for verdict in s.verdicts {
                    let line = "\(names.topics[verdict.topic] ?? verdict.topic): \(TranscriptPresentation.verdictLabel(verdict.verdict)) — \(verdict.headline)"
                    Output.line(TextWrapper.wrap(TerminalSafe.strip(line), width: style.width, indent: "      ", firstIndent: "  → ").joined(separator: "\n"))
                }
                if !entry.verification.isIntact {
                    Output.line(style.red("  " + TerminalSafe.line(entry.verification.summary)))
                }
            }
            let tampered = entries.filter { if case .tampered = $0.verification.status { true } else { false } }.count
            let unreadable = entries.filter { if case .unreadable = $0.verification.status { true } else { false } }.count
            Output.line(
                style.dim(
                    "\n\(entries.count) transcript\(entries.count == 1 ? "" : "s") in \(directory), newest first"
                        + (tampered > 0 ? "; \(tampered) TAMPERED (run `probity transcripts verify`)" : "")
                        + (unreadable > 0 ? "; \(unreadable) UNREADABLE" : "")
                        + ". Read one with `probity transcripts show ID`" + (folder.store != nil ? " --store URL." : ".")))
        }
    }

    struct Show: TakesGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one conversation, readable in the terminal.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).", completion: .custom(Completions.transcripts)) var id: String
        @Flag(help: "Leave out the free text the user typed.") var redact = false

        func run() throws {
            let entry = try folder.load(id)
            let names = global.namesIfAvailable
            let presentation = TranscriptPresentation(
                entry.document, verification: entry.verification, redact: redact,
                topicTitles: names.topics, councilNames: names.councils)
            Output.line(TranscriptTextRenderer(style: Output.style).render(presentation))
        }
    }

    struct Verify: TakesGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that transcripts are unaltered: one, or all of them.",
            discussion: """
                Exit status 0 when every transcript checked is intact (sealed, or incomplete but intact because the chat \
                did not end cleanly); 1 when one was changed, or lines were removed, reordered or added, naming the first such line.
                """)

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: TranscriptFilterOptions
        @Argument(
            help:
                "The transcript's id, or a .jsonl file's path; all of them when left out. With --store, a local copy (in --transcripts, or the path given) is compared with the store's, line by line.",
            completion: .custom(Completions.transcripts)) var id: String?
        @Flag(help: "Print one JSON document: {\"transcripts\":[{\"id\",\"file\",\"status\",\"summary\",\"line\"}]}.") var json = false

        func run() throws {
            if let id, folder.store != nil, let local = localCopy(id) {
                return try compareWithStore(local)
            }
            let entries = try id.map { [try folder.load($0)] } ?? folder.all(filters.filter(global))
            if json {
                struct Item: Encodable {
                    var id: String
                    var file: String
                    var status: String
                    var intact: Bool
                    var summary: String
                    var line: Int?
                }
                struct Report: Encodable {
                    var ok: Bool
                    var transcripts: [Item]
                }
                let items = entries.map { e -> Item in
                    var line: Int?
                    if case .tampered(let finding) = e.verification.status { line = finding.line }
                    return Item(
                        id: e.document.id, file: e.document.path, status: e.verification.label.lowercased(),
                        intact: e.verification.isIntact, summary: e.verification.summary, line: line)
                }
                Output.raw(JSONReports.encode(Report(ok: items.allSatisfy(\.intact), transcripts: items)))
                if !items.allSatisfy(\.intact) { throw ExitCode.failure }
                return
            }
            guard !entries.isEmpty else {
                Output.line("No transcripts in \(folder.sourceName).")
                return
            }
            let style = Output.style
            for entry in entries {
                let summary = entry.verification.summary
                let coloured: String
                switch entry.verification.status {
                case .sealed: coloured = style.green(summary)
                case .incomplete: coloured = style.yellow(summary)
                case .tampered, .unreadable: coloured = style.bold(style.red(summary))
                }
                Output.line("\(entry.document.id): \(coloured)")
            }
            let tampered = entries.filter { !$0.verification.isIntact }
            if entries.count > 1 {
                let sealed = entries.filter { $0.verification.status == .sealed }.count
                let unreadable = tampered.filter { if case .unreadable = $0.verification.status { true } else { false } }.count
                let incomplete = entries.count - sealed - tampered.count
                Output.line(
                    style.dim(
                        "\n\(entries.count) checked: \(sealed) sealed, \(incomplete) incomplete but intact, \(tampered.count - unreadable) tampered"
                            + (unreadable > 0 ? ", \(unreadable) unreadable." : ".")))
            }
            if !tampered.isEmpty {
                Output.error(
                    tampered.count == 1 && entries.count == 1
                        ? (entries[0].verification.label == "UNREADABLE"
                            ? "This transcript cannot be read, so it cannot be checked: \(entries[0].verification.summary.replacingOccurrences(of: "UNREADABLE: ", with: ""))."
                            : "This transcript has been altered since it was written: \(entries[0].verification.summary.replacingOccurrences(of: "TAMPERED: ", with: "")).")
                        : "\(tampered.count) transcript\(tampered.count == 1 ? " is" : "s are") altered or unreadable: \(tampered.prefix(5).map(\.document.id).joined(separator: ", "))\(tampered.count > 5 ? ", …" : "")."
                )
                throw ExitCode.failure
            }
        }
    }

}

extension TranscriptsCommand.Verify {
    /// The local file an ID names: a path, or an id in the --transcripts folder. Nil when there is none.
    func localCopy(_ id: String) -> String? {
        if id.contains("/") || id.hasSuffix(".jsonl") { return id }
        return try? folder.library.resolve(id)
    }

    /// Compares a local file with the store's copy and names the first line that differs (exit 1 unless the same).
    func compareWithStore(_ path: String) throws {
        let local: TranscriptDocument
        do {
            local = try TranscriptReader.read(path: path)
        } catch {
            throw RuntimeFailure(error.description)
        }
        let id = local.id
        let stored = try storeFailure { () throws -> TranscriptDocument? in
            guard let reader = folder.reader else { return nil }
            return try reader.documents([id])[id]
        }
        let outcome = StoreComparison.compare(local: local, stored: stored)
        let safeID = TerminalSafe.strip(id)
        let style = Output.style
        switch outcome {
        case .same(let lines):
            Output.line("\(safeID): " + style.green("the same as the store's copy, all \(lines) lines") + " (\(path) against \(folder.sourceName)).")
        case .notYetSent(let first, let last):
            Output.line("\(safeID): " + style.yellow("every line the store holds is the same, but lines \(first)–\(last) are only in \(path)") + ".")
            Output.error(
                "Lines \(first)–\(last) of \(safeID) have not reached the store, so it cannot vouch for them: run `probity transcripts sync` where the conversation was recorded."
            )
            throw ExitCode.failure
        case .differs(let line, let message):
            Output.line("\(safeID): " + style.bold(style.red("DIFFERS from the store's copy: \(message)")) + ".")
            Output.error(
                "The local file \(path) was changed after it was sent: \(message) (line \(line)). The store's copy is the record: `probity transcripts show \(safeID) --store URL`."
            )
            throw ExitCode.failure
        case .missingFromStore:
            Output.error("The store has no transcript \(safeID): it was never sent. Run `probity transcripts sync` on the computer that recorded it.")
            throw ExitCode.failure
        }
    }
}

extension TranscriptsCommand {
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case md, json, html
    }

    struct Export: TakesGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export one conversation as Markdown, JSON or a printable HTML page.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).", completion: .custom(Completions.transcripts)) var id: String
        @Option(help: ArgumentHelp("md, json or html (one self-contained page to print).", valueName: "md|json|html")) var format: ExportFormat
        @Flag(help: "Leave out the free text the user typed (what they typed, the question routed).") var redact = false
        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (created readable only by you) instead of printing.", valueName: "file"))
        var output: String?

        func run() throws {
            let entry = try folder.load(id)
            let names = global.namesIfAvailable
            let text: String
            switch format {
            case .json:
                text = JSONReports.encode(TranscriptJSONExport(entry.document, verification: entry.verification, redact: redact))
            case .md:
                text = TranscriptMarkdownRenderer(topicTitles: names.topics, councilNames: names.councils, redact: redact)
                    .render(entry.document, verification: entry.verification)
            case .html:
                text = TranscriptHTMLRenderer().render(
                    TranscriptPresentation(
                        entry.document, verification: entry.verification, redact: redact,
                        topicTitles: names.topics, councilNames: names.councils))
            }
            guard let output else {
                Output.raw(text)
                return
            }
            do {
                let file = try AppendOnlyFile.create(at: output)
                defer { file.close() }
                try file.append(Array(text.utf8))
            } catch {
                throw RuntimeFailure("\(error.description) Choose another file name with --output.")
            }
            Output.error("Wrote \(output).")
        }
    }

    struct Replay: TakesGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Walk a transcript's answers again against the current knowledge: would the advice now differ?",
            discussion: """
                For each piece of advice a transcript recorded, gives the same answers to the topic as it is now and \
                reports, clause by clause, whether the advice, the verdict or any quoted text would differ. With --all, \
                lists the past advice, in every transcript, that the current protocols would change.
                """)

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).", completion: .custom(Completions.transcripts)) var id: String?
        @Flag(help: "Replay every transcript and list the advice that would now differ.") var all = false
        @OptionGroup var filters: TranscriptFilterOptions
        @Flag(help: "Print one JSON document: {\"knowledgeSHA256\",\"transcripts\":[{\"transcript\",\"findings\":[…]}]}.") var json = false

        func validate() throws {
            if all == (id != nil) { throw ValidationError("Give a transcript ID, or --all (not both).") }
        }

        func run() throws {
            let knowledge = try global.loadKnowledge()
            let replayer = TranscriptReplayer(knowledge: knowledge)
            let entries = try id.map { [try folder.load($0)] } ?? folder.all(filters.filter(global))
            for entry in entries where !entry.verification.isIntact {
                Output.error("Warning: \(entry.document.id) has been altered since it was written (\(entry.verification.summary)); replaying what it says now.")
            }
            let reports = entries.map { replayer.replay($0.document) }
            if json {
                struct Report: Encodable {
                    var knowledgeSHA256: String
                    var transcripts: [ReplayReport]
                }
                let shown = all ? reports.filter(\.changed) : reports
                Output.raw(JSONReports.encode(Report(knowledgeSHA256: knowledge.fingerprint, transcripts: shown)))
                return
            }
            let renderer = ReplayTextRenderer(
                style: Output.style, topicTitles: knowledge.topicTitles,
                councilNames: Dictionary(knowledge.councils.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
            if all {
                Output.line(renderer.renderChanges(reports, directory: folder.sourceName))
            } else if let entry = entries.first, let report = reports.first {
                Output.line(
                    renderer.render(
                        report, recordedKnowledge: entry.document.header?.knowledgeSHA256,
                        currentKnowledge: knowledge.councilFingerprint(entry.document.header?.council)))
            }
        }
    }
}

extension TranscriptsCommand {
    /// Who wrote a transcript and where, as the header says, and who sent it, as the store knows: one line, or nil.
    static func who(_ entry: TranscriptLibrary.Entry) -> String? {
        let s = entry.summary
        var parts: [String] = []
        if let user = s.user { parts.append(s.fullName.map { "\($0) (\(user))" } ?? user) }
        if let machine = s.machine { parts.append("on " + machine) }
        if let stored = entry.stored {
            parts.append("sent by database user \(stored.databaseUser)" + (stored.sealed ? "" : ", not sealed in the store"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

extension TranscriptsCommand {
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Count transcripts by topic, verdict, role and user; list unrouted questions, advice a revision changes, unsealed transcripts.",
            discussion: "With --store URL, counted by the server across everyone's transcripts; else the folder's.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only transcripts started on or after this day (YYYY-MM-DD).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Only transcripts started on or before this day (YYYY-MM-DD).", valueName: "date")) var to: String?
        @Option(help: ArgumentHelp("md (default), html (one page to print) or json.", valueName: "md|html|json")) var format: ReportFormat = .md

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, !DateArgument.isValid(value) { throw ValidationError("\(name) takes a day as YYYY-MM-DD, not \"\(value)\".") }
            }
        }

        func run() throws {
            let knowledge = try global.loadKnowledge()
            let report: TranscriptReport
            if let reader = folder.reader {
                report = try storeFailure { try StoreReport(reader: reader).build(from: from, to: to, knowledge: knowledge) }
            } else {
                let entries = try folder.all(TranscriptFilter(from: from, to: to))
                report = TranscriptReport(
                    entries: entries, source: folder.sourceName, from: from, to: to,
                    replayer: TranscriptReplayer(knowledge: knowledge))
            }
            let renderer = TranscriptReportRenderer(topicTitles: knowledge.topicTitles)
            switch format {
            case .json: Output.raw(JSONReports.encode(report))
            case .md: Output.raw(renderer.markdown(report))
            case .html: Output.raw(renderer.html(report))
            }
        }
    }

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Send the council-wide store what it is missing of the transcripts recorded on this computer.",
            discussion: """
                The store is --store URL, else $PROBITY_STORE, else `store =` in your config or /etc/probity/config. \
                Each transcript's lines after the last one the store holds are sent; the server checks each. \
                Exit status 1 if the store cannot be reached or refused something.
                """)

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            guard let address = StoreLocator.resolve(explicit: folder.store, environment: environment, settings: global.settings) else {
                throw ValidationError("No transcript store is configured: give --store URL, or set `store = postgresql://…` in /etc/probity/config.")
            }
            let directory = folder.library.directory
            let report = try storeFailure { try TranscriptSync.run(directory: directory, store: TranscriptStore(address)) }
            Output.line(
                "Checked \(report.checked) transcript\(report.checked == 1 ? "" : "s") in \(directory) against the store \(address): "
                    + (report.linesSent == 0
                        ? "the store had everything."
                        : "sent \(report.linesSent) line\(report.linesSent == 1 ? "" : "s") of \(report.sent.count) transcript\(report.sent.count == 1 ? "" : "s").")
            )
            if !report.busy.isEmpty {
                Output.line("\(report.busy.count) still being recorded by a running chat, which sends its own lines.")
            }
            for (id, problem) in report.problems.sorted(by: { $0.key < $1.key }) {
                Output.error("\(TerminalSafe.strip(id)): \(TerminalSafe.strip(problem))")
            }
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }
}
