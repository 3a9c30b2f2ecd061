import Foundation
import ProbityKit
import Testing

/// A real PostgreSQL server for the store's tests: `$PROBITY_TEST_STORE`, a superuser's URL
/// (`postgresql://postgres@/postgres?host=DIR&port=N`), which `scripts/test.sh` sets after starting a throwaway
/// cluster. Without it the store's tests are skipped, saying why; under CI (`$CI` set) they fail instead.
enum TestStore {
    static let base = ProcessInfo.processInfo.environment["PROBITY_TEST_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    static var configured: Bool { base != nil }
    static let skipReason: Comment = "no PostgreSQL server configured: set PROBITY_TEST_STORE (scripts/test.sh starts a throwaway cluster)"

    private static let setupLock = NSLock()

    /// A new database with the store's schema (made by `probity store init`, the binary) and the logins
    /// alice, bob, carol, dave (users) and mo (the Monitoring Officer).
    static func database() throws -> TestDatabase {
        guard let base else { throw StoreError.failed(reason: String(describing: skipReason)) }
        let name = "probity_" + UUID().uuidString.prefix(8).lowercased()
        let database = TestDatabase(base: base, name: name)
        // Roles belong to the whole cluster: make them one test at a time.
        try setupLock.withLock {
            let admin = try PostgresConnection(StoreAddress(base))
            try admin.query("CREATE DATABASE \(name)")
            let result = try Binary.run(["store", "init", database.url(user: database.superuser)], knowledge: nil)
            guard result.status == 0 else { throw StoreError.failed(reason: "store init failed: \(result.stderr)") }
            for user in ["alice", "bob", "carol", "dave", "erin", "frank"] {
                try admin.query(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(user)') THEN CREATE ROLE \(user) LOGIN IN ROLE probity_user; END IF; END $$"
                )
            }
            try admin.query(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mo') THEN CREATE ROLE mo LOGIN IN ROLE probity_mo; END IF; END $$")
        }
        return database
    }
}

struct TestDatabase {
    let base: String
    let name: String

    /// The superuser in the base URL.
    var superuser: String {
        let afterScheme = base.range(of: "://")!.upperBound
        return String(base[afterScheme..<base.firstIndex(of: "@")!])
    }

    /// This database, logged in as `user`.
    func url(user: String) -> String {
        let query = base.firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        return "postgresql://\(user)@/\(name)\(query)"
    }

    func connect(_ user: String) throws -> PostgresConnection {
        try PostgresConnection(StoreAddress(url(user: user)))
    }

    /// How many lines the server holds of a transcript, and whether it is sealed.
    func progress(_ id: String) throws -> (lines: Int, sealed: Bool)? {
        let rows = try connect(superuser).query("SELECT lines, sealed FROM probity.transcripts WHERE id = $1", [.text(id)])
        guard let row = rows.values.first else { return nil }
        return (Int(row[0] ?? "") ?? -1, row[1] == "t")
    }

    /// Waits until the server holds at least `lines` lines of some transcript sent by `user`; its id.
    func waitForLines(_ lines: Int, user: String, seconds: Double = 30) throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let rows = try connect(superuser).query(
                "SELECT id FROM probity.transcripts WHERE db_user = $1 AND lines >= $2", [.text(user), .text(String(lines))])
            if let id = rows.values.first?[0] { return id }
            usleep(50_000)
        }
        return nil
    }
}
