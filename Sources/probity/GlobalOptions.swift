import ArgumentParser
import ProbityKit

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The knowledge directory (default: $PROBITY_KNOWLEDGE, else Knowledge/ of the checkout).", valueName: "dir"))
    var knowledge: String?

    @Option(name: .long, help: ArgumentHelp("Your council's id (e.g. carlisle, wiltshire, tower-hamlets, blackburn-with-darwen).", valueName: "id"))
    var council: String?

    @Option(name: .long, help: ArgumentHelp("Whether you are a member (councillor) or an officer (employee).", valueName: "member|officer"))
    var role: Role?

    var knowledgeDirectory: String { KnowledgeLocator.locate(explicit: knowledge) }

    /// Loads the catalogue and the councils a command needs through the knowledge gate: nothing is used until
    /// everything `probity validate` checks has passed (remembered per state of the knowledge), else it fails with
    /// validate's messages (exit 1). Other councils are read only if the command turns to them.
    func loadKnowledge(councils: KnowledgeLoader.Councils = .all) throws -> KnowledgeBase {
        do {
            return try KnowledgeGate.load(directory: knowledgeDirectory, councils: councils, cache: VerdictCache.standard())
        } catch {
            throw RuntimeFailure(error.description)
        }
    }

    /// The gate alone, for a command that may not need to read the knowledge (`ask` with a router snapshot):
    /// the knowledge fully read when it was validated now, nil when a remembered verdict let it through.
    func checkKnowledge() throws -> KnowledgeBase? {
        do {
            return try KnowledgeGate.check(directory: knowledgeDirectory, cache: VerdictCache.standard())
        } catch {
            throw RuntimeFailure(error.description)
        }
    }

    /// The council named with --council, if it is a council folder's id (names are resolved after loading).
    var councilSelection: KnowledgeLoader.Councils {
        council.map { .only([$0.lowercased()]) } ?? .none
    }

    /// A session with the council and role given on the command line, if any.
    func session(_ knowledge: KnowledgeBase) throws -> Session {
        do {
            return try Session(knowledge: knowledge, council: council, role: role)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension Role: ExpressibleByArgument {}

extension KnowledgeBase {
    /// The council a user named on the command line, or a usage error listing the councils.
    func council(named text: String) throws -> Council {
        guard let council = resolveCouncil(text) else {
            throw ValidationError(unknownCouncilMessage(text))
        }
        return council
    }
}

/// A failure at run time (not a usage error): printed to stderr, exit status 1.
struct RuntimeFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
