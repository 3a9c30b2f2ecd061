import ArgumentParser
import ProbityKit

/// `probity store …`: for council IT, who runs the PostgreSQL server transcripts are sent to.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up the council-wide transcript store (for council IT).",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the store's schema and roles in a PostgreSQL database: users may only add lines, the Monitoring Officer reads all.",
            discussion: """
                Runs store/schema.sql (print it with --print-sql) as the role in URL, which must be able to create \
                schemas and roles. Running it again is safe. Then give people their roles, e.g. \
                CREATE ROLE alice LOGIN IN ROLE probity_user; CREATE ROLE jane LOGIN IN ROLE probity_mo.
                """)

        @Argument(help: ArgumentHelp("The database, as a URL: postgresql://admin@host/probity.", valueName: "url")) var url: String?
        @Flag(help: "Print the SQL that init runs, and do nothing else.") var printSQL = false

        func validate() throws {
            if !printSQL && url == nil { throw ValidationError("Give the database's URL, e.g. probity store init postgresql://admin@localhost/probity.") }
            if let url, !StoreAddress(url).isValid { throw ValidationError("\"\(url)\" is not a PostgreSQL URL (postgresql://user@host/database).") }
        }

        func run() throws {
            if printSQL {
                Output.write(StoreSchema.sql)
                return
            }
            guard let url else { return }
            let address = StoreAddress(url)
            try storeFailure { try TranscriptStore(address).initialise() }
            Output.line(
                "The transcript store in \(address) is ready: schema probity, roles probity_user (may only add lines) and probity_mo (reads everything).")
            Output.line(
                "Give each person a login in one of them, e.g. CREATE ROLE alice LOGIN IN ROLE probity_user; and set `store = \(address)` in /etc/probity/config."
            )
        }
    }
}
