import ArgumentParser
import Foundation
import ProbityKit

/// The options every command takes. The council and role default to the settings files
/// (`/etc/probity/config`, then the user's own); see `ConfigFiles`.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The knowledge directory (default: ../share/probity beside an installed probity, else $PROBITY_KNOWLEDGE, else Knowledge/ of the checkout).",
            valueName: "dir"),
        completion: .directory)
    var knowledge: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Your council's id, or the start of it (default: the settings file's). Commands about every council (search, compare, coverage, transcripts list) narrow to one only when it is given here.",
            valueName: "id"),
        completion: .custom(Completions.councils))
    var council: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Whether you are a member (a councillor) or an officer (a council employee) (default: the settings file's).", valueName: "member|officer"))
    var role: Role?

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColourChoice?

    @Flag(name: .long, help: "Print straight to the terminal, never through $PAGER.")
    var noPager = false

    /// Located once per run (it resolves the executable's path and looks at the disk), however often it is asked for.
    var knowledgeDirectory: String { Self.located.directory(explicit: knowledge) }
    private static let located = LocatedKnowledge()

    /// The settings files, read once per run.
    var settings: ConfigFiles.Loaded { Self.loadedSettings }
    private static let loadedSettings = ConfigFiles().load()

    /// The council a command about one council uses: --council, else the settings file's.
    var defaultCouncil: String? { council ?? settings.council?.value }
    /// The role: --role, else the settings file's.
    var defaultRole: Role? { role ?? settings.role?.value }

    /// Loads the catalogue and the councils a command needs through the knowledge gate: nothing is used until
    /// everything `probity validate` checks in it has passed (remembered per state of the catalogue and of each
    /// council), else it fails with validate's messages (exit 1). Other councils are read, and pass the gate, only if
    /// the command turns to them. The knowledge is read and its catalogue passed through the gate once per run:
    /// resolving `--council` before the command runs and the command itself share it.
    func loadKnowledge(councils: KnowledgeLoader.Councils = .all) throws -> KnowledgeBase {
        let directory = knowledgeDirectory
        if let loaded = Self.loaded.knowledge(directory: directory) {
            do { try KnowledgeGate.admit(councils, in: loaded) } catch { throw RuntimeFailure(error.description) }
            return loaded
        }
        do {
            let knowledge = try KnowledgeGate.load(directory: directory, councils: councils, cache: VerdictCache.standard())
            Self.loaded.keep(knowledge, directory: directory)
            return knowledge
        } catch {
            throw RuntimeFailure(error.description)
        }
    }

    private static let loaded = LoadedKnowledge()

    /// The gate alone, for a command that may not need to read the knowledge (`ask` with a router snapshot):
    /// the knowledge fully read when it was validated now (nil when a remembered verdict let it through), and the
    /// knowledge's signature (nil without a cache folder).
    func checkKnowledge() throws -> (validated: KnowledgeBase?, signature: KnowledgeSignature?) {
        do {
            return try KnowledgeGate.pass(directory: knowledgeDirectory, cache: VerdictCache.standard())
        } catch {
            throw RuntimeFailure(error.description)
        }
    }

    /// The knowledge and the one council a command is about (named on the command line as typed), checked before use.
    func loadKnowledge(council text: String) throws -> (KnowledgeBase, Council) {
        let knowledge = try loadKnowledge(councils: .none)
        return (knowledge, try checkedCouncil(text, in: knowledge))
    }

    /// The council `text` names (a usage error if none), its folder checked before use (a runtime failure if unsound).
    func checkedCouncil(_ text: String, in knowledge: KnowledgeBase) throws -> Council {
        let id = try CouncilNames.resolve(text, in: knowledge)
        let issues = knowledge.issues(council: id)
        if !issues.isEmpty { throw RuntimeFailure(KnowledgeError(issues: issues, directory: knowledge.directory).description) }
        return try CouncilNames.council(id, in: knowledge)
    }

    /// The council named with --council (already resolved to an id before the command runs), or the settings file's.
    var councilSelection: KnowledgeLoader.Councils {
        defaultCouncil.map { .only([$0.lowercased()]) } ?? .none
    }

    /// A session with the council and role given on the command line or in the settings files, if any.
    func session(_ knowledge: KnowledgeBase) throws -> Session {
        var session = try Session(knowledge: knowledge, council: nil, role: defaultRole)
        if let council {
            do { try session.setCouncil(council) } catch { throw Self.failure(error, usage: { ValidationError(error.description) }) }
        } else if let configured = settings.council {
            do {
                try session.setCouncil(configured.value)
            } catch {
                throw Self.failure(error, usage: { RuntimeFailure(CouncilNames.unknownInSettings(configured, knowledge: knowledge)) })
            }
        }
        return session
    }

    /// A council that fails the knowledge gate is a runtime failure with validate's messages (exit 1); any other
    /// problem choosing a council is `usage`'s.
    static func failure(_ problem: Session.Problem, usage: () -> any Error) -> any Error {
        if case .unsoundCouncil = problem { return RuntimeFailure(problem.description) }
        return usage()
    }
}

/// `--role` takes `member`, `officer` or the plain words for them (`councillor`, `employee` …), as the chat does.
extension Role: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ColourChoice: ExpressibleByArgument {}

/// Commands that take the global options: the launcher resolves `--council` and sets up colour and the pager
/// before they run.
protocol TakesGlobalOptions: ParsableCommand {
    var global: GlobalOptions { get set }
    /// Whether long output may go through the pager (not for the chat).
    static var pages: Bool { get }
}

extension TakesGlobalOptions {
    static var pages: Bool { true }
}

/// A failure at run time (not a usage error): printed to stderr, exit status 1.
struct RuntimeFailure: LocalizedError, CustomStringConvertible {
    var description: String
    var errorDescription: String? { description }
    init(_ description: String) { self.description = description }
}

/// The knowledge this run has read, by directory (see `GlobalOptions.loadKnowledge`).
private final class LoadedKnowledge: @unchecked Sendable {
    private let lock = NSLock()
    private var byDirectory: [String: KnowledgeBase] = [:]

    func knowledge(directory: String) -> KnowledgeBase? {
        lock.lock()
        defer { lock.unlock() }
        return byDirectory[directory]
    }

    func keep(_ knowledge: KnowledgeBase, directory: String) {
        lock.lock()
        defer { lock.unlock() }
        byDirectory[directory] = knowledge
    }
}

/// The knowledge directory found for each `--knowledge` given (or none), once per run.
private final class LocatedKnowledge: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [String: String] = [:]

    func directory(explicit: String?) -> String {
        lock.lock()
        defer { lock.unlock() }
        let key = explicit.map { "=" + $0 } ?? ""
        if let known = found[key] { return known }
        let directory = KnowledgeLocator.locate(explicit: explicit)
        found[key] = directory
        return directory
    }
}
