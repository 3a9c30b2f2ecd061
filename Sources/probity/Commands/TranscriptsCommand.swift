import ArgumentParser
import Foundation
import ProbityKit

/// `probity transcripts …`: for the Monitoring Officer, who reads, checks and exports saved conversations.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "Read, verify, export and replay saved conversations (for the Monitoring Officer).",
        discussion: """
            Transcripts are kept in --transcripts DIR, else $PROBITY_TRANSCRIPTS, else the transcripts/ folder of \
            the checkout. An ID is a transcript's id as `list` shows it, the start of one, or the path of a .jsonl file.
            """,
        subcommands: [List.self, Show.self, Verify.self, Export.self, Replay.self],
        defaultSubcommand: List.self)
}

/// Where the transcripts are: the option every `transcripts` subcommand takes.
struct TranscriptFolderOptions: ParsableArguments {
    @Option(name: .customLong("transcripts"),
            help: ArgumentHelp("The transcript folder (default: $PROBITY_TRANSCRIPTS, else transcripts/ of the checkout).", valueName: "dir"))
    var directory: String?

    var library: TranscriptLibrary { TranscriptLibrary(directory: TranscriptDirectory.locate(explicit: directory).path) }

    /// Reads and verifies the transcript an ID names; an unknown ID is a runtime failure with a hint.
    func load(_ id: String) throws -> TranscriptLibrary.Entry {
        do {
            return try TranscriptLibrary.load(path: try library.resolve(id))
        } catch let error as TranscriptLookupError {
            throw RuntimeFailure(error.description)
        } catch let error as TranscriptReadError {
            throw RuntimeFailure(error.description)
        }
    }

    /// Every transcript in the folder; none when the folder does not exist yet.
    func all() throws -> [TranscriptLibrary.Entry] {
        do throws(TranscriptLookupError) {
            return try library.entries()
        } catch .noDirectory {
            return []
        } catch {
            throw RuntimeFailure(error.description)
        }
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
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List saved conversations: date, council, role, topics, verdicts and whether each is intact.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print one JSON document: {\"directory\",\"transcripts\":[{\"id\",\"started\",\"ended\",\"councils\",\"roles\",\"topics\",\"verdicts\",\"status\",…}]}.")
        var json = false

        func run() throws {
            var entries = try folder.all()
            if let council = global.council { entries = entries.filter { $0.summary.councils.contains(council) } }
            if let role = global.role { entries = entries.filter { $0.summary.roles.contains(role.rawValue) } }
            let directory = folder.library.directory
            if json {
                struct Listing: Encodable { var directory: String; var transcripts: [TranscriptSummary] }
                Output.write(JSONReports.encode(Listing(directory: directory, transcripts: entries.map(\.summary))))
                return
            }
            guard !entries.isEmpty else {
                Output.line("No transcripts in \(directory)\(global.council != nil || global.role != nil ? " for that council and role" : "").")
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
            Output.line(style.dim("\n\(entries.count) transcript\(entries.count == 1 ? "" : "s") in \(directory), newest first"
                + (tampered > 0 ? "; \(tampered) TAMPERED (run `probity transcripts verify`)" : "")
                + (unreadable > 0 ? "; \(unreadable) UNREADABLE" : "")
                + ". Read one with `probity transcripts show ID`."))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one conversation, readable in the terminal.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).") var id: String
        @Flag(help: "Leave out the free text the user typed.") var redact = false

        func run() throws {
            let entry = try folder.load(id)
            let names = global.namesIfAvailable
            let presentation = TranscriptPresentation(entry.document, verification: entry.verification, redact: redact,
                                                      topicTitles: names.topics, councilNames: names.councils)
            Output.line(TranscriptTextRenderer(style: Output.style).render(presentation))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that transcripts are unaltered: one, or all of them.",
            discussion: """
                Exit status 0 when every transcript checked is intact (sealed, or incomplete but intact because the chat \
                did not end cleanly); 1 when one was changed, or lines were removed, reordered or added, naming the first such line.
                """)

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id; all of them when left out.") var id: String?
        @Flag(help: "Print one JSON document: {\"transcripts\":[{\"id\",\"file\",\"status\",\"summary\",\"line\"}]}.") var json = false

        func run() throws {
            let entries = try id.map { [try folder.load($0)] } ?? folder.all()
            if json {
                struct Item: Encodable { var id: String; var file: String; var status: String; var intact: Bool; var summary: String; var line: Int? }
                struct Report: Encodable { var ok: Bool; var transcripts: [Item] }
                let items = entries.map { e -> Item in
                    var line: Int?
                    if case .tampered(let finding) = e.verification.status { line = finding.line }
                    return Item(id: e.document.id, file: e.document.path, status: e.verification.label.lowercased(),
                                intact: e.verification.isIntact, summary: e.verification.summary, line: line)
                }
                Output.write(JSONReports.encode(Report(ok: items.allSatisfy(\.intact), transcripts: items)))
                if !items.allSatisfy(\.intact) { throw ExitCode.failure }
                return
            }
            guard !entries.isEmpty else {
                Output.line("No transcripts in \(folder.library.directory).")
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
                Output.line(style.dim("\n\(entries.count) checked: \(sealed) sealed, \(incomplete) incomplete but intact, \(tampered.count - unreadable) tampered"
                                      + (unreadable > 0 ? ", \(unreadable) unreadable." : ".")))
            }
            if !tampered.isEmpty {
                Output.error(tampered.count == 1 && entries.count == 1
                             ? (entries[0].verification.label == "UNREADABLE"
                                ? "This transcript cannot be read, so it cannot be checked: \(entries[0].verification.summary.replacingOccurrences(of: "UNREADABLE: ", with: ""))."
                                : "This transcript has been altered since it was written: \(entries[0].verification.summary.replacingOccurrences(of: "TAMPERED: ", with: ""))."
                               )
                             : "\(tampered.count) transcript\(tampered.count == 1 ? " is" : "s are") altered or unreadable: \(tampered.prefix(5).map(\.document.id).joined(separator: ", "))\(tampered.count > 5 ? ", …" : "").")
                throw ExitCode.failure
            }
        }
    }

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case md, json, html
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export one conversation as Markdown, JSON or a printable HTML page.")

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).") var id: String
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
                text = TranscriptHTMLRenderer().render(TranscriptPresentation(entry.document, verification: entry.verification, redact: redact,
                                                                              topicTitles: names.topics, councilNames: names.councils))
            }
            guard let output else {
                Output.write(text)
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

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk a transcript's answers again against the current knowledge: would the advice now differ?",
            discussion: """
                For each piece of advice a transcript recorded, gives the same answers to the topic as it is now and \
                reports, clause by clause, whether the advice, the verdict or any quoted text would differ. With --all, \
                lists the past advice, in every transcript, that the current protocols would change.
                """)

        @OptionGroup var folder: TranscriptFolderOptions
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transcript's id (see `probity transcripts list`).") var id: String?
        @Flag(help: "Replay every transcript and list the advice that would now differ.") var all = false
        @Flag(help: "Print one JSON document: {\"knowledgeSHA256\",\"transcripts\":[{\"transcript\",\"findings\":[…]}]}.") var json = false

        func validate() throws {
            if all == (id != nil) { throw ValidationError("Give a transcript ID, or --all (not both).") }
        }

        func run() throws {
            let knowledge = try global.loadKnowledge()
            let replayer = TranscriptReplayer(knowledge: knowledge)
            let entries = try id.map { [try folder.load($0)] } ?? folder.all()
            for entry in entries where !entry.verification.isIntact {
                Output.error("Warning: \(entry.document.id) has been altered since it was written (\(entry.verification.summary)); replaying what it says now.")
            }
            let reports = entries.map { replayer.replay($0.document) }
            if json {
                struct Report: Encodable { var knowledgeSHA256: String; var transcripts: [ReplayReport] }
                let shown = all ? reports.filter(\.changed) : reports
                Output.write(JSONReports.encode(Report(knowledgeSHA256: knowledge.fingerprint, transcripts: shown)))
                return
            }
            let renderer = ReplayTextRenderer(style: Output.style, topicTitles: knowledge.topicTitles,
                                              councilNames: Dictionary(knowledge.councils.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
            if all {
                Output.line(renderer.renderChanges(reports, directory: folder.library.directory))
            } else if let entry = entries.first, let report = reports.first {
                Output.line(renderer.render(report, recordedKnowledge: entry.document.header?.knowledgeSHA256,
                                            currentKnowledge: knowledge.councilFingerprint(entry.document.header?.council)))
            }
        }
    }
}
