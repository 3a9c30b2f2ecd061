import Foundation
import Testing

/// `scripts/install.sh` into an empty folder, then probity used as an installed tool: from another folder, with only
/// PREFIX/bin on PATH; its man page; its bash completion; and `--uninstall` leaving the folder as it was.
@Suite(.serialized) struct InstallTests {
    struct Installed {
        let prefix: String
        let elsewhere: String

        init() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("probity-install-\(UUID().uuidString)").path
            prefix = root + "/prefix"
            elsewhere = root + "/home"
            try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            let result = try Installed.shell(
                "bash \(Paths.repository)/scripts/install.sh --prefix '\(prefix)' --binary '\(Binary.path)'",
                path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", directory: elsewhere)
            guard result.status == 0 else { throw InstallFailed(message: result.stderr + result.stdout) }
        }

        /// Runs a command with bash in the folder given (by default the other folder), PATH only PREFIX/bin (and
        /// what bash itself needs when asked), with no knowledge or transcript folder named in the environment.
        static func shell(_ command: String, path: String, directory: String, home: String? = nil) throws -> Binary.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", command]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            var env = ProcessInfo.processInfo.environment
            for name in ["PROBITY_KNOWLEDGE", "PROBITY_TRANSCRIPTS", "PROBITY_BIN"] { env.removeValue(forKey: name) }
            env["PATH"] = path
            env["NO_COLOR"] = "1"
            if let home {
                env["HOME"] = home
                env["XDG_CONFIG_HOME"] = home + "/.config"
                env["XDG_DATA_HOME"] = home + "/.local/share"
                env["PROBITY_SYSTEM_CONFIG"] = home + "/no-system-config"
            }
            process.environment = env
            return try Binary.capture(process)
        }

        func run(_ command: String) throws -> Binary.Result {
            try Installed.shell(command, path: prefix + "/bin", directory: elsewhere, home: elsewhere)
        }

        func remove() { try? FileManager.default.removeItem(atPath: (prefix as NSString).deletingLastPathComponent) }
    }

    struct InstallFailed: Error { let message: String }

    static let knowledge = try? KnowledgeFacts()
    /// What the checkout's knowledge says, to compare the installed tool against.
    struct KnowledgeFacts {
        let topicCount: Int
        init() throws {
            topicCount = try FileManager.default.contentsOfDirectory(atPath: Paths.repository + "/Knowledge/catalogue/topics")
                .filter { $0.hasSuffix(".json") }.count
        }
    }

    @Test func installedProbityWorksFromAnotherFolderWithOnlyItsBinOnPath() throws {
        let installed = try Installed()
        defer { installed.remove() }
        let topics = try installed.run("probity topics")
        #expect(topics.status == 0, "\(topics.stderr)")
        #expect(topics.stdout.contains("\(Self.knowledge?.topicCount ?? -1) topics"), "\(topics.stdout)")
        let clause = try installed.run("probity clause carlisle 116")
        #expect(clause.status == 0, "\(clause.stderr)")
        #expect(clause.stdout.contains("116"))
        let version = try installed.run("probity --version")
        #expect(version.stdout.contains(installed.prefix + "/share/probity"), "\(version.stdout)")
        // Transcripts of the installed binary go to the user's own data folder.
        let chat = try installed.run("printf 'quit\\n' | probity chat --council carlisle --role member")
        #expect(chat.status == 0, "\(chat.stderr)")
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: installed.elsewhere + "/.local/share/probity/transcripts")) ?? []
        #expect(saved.contains { $0.hasSuffix(".jsonl") }, "\(chat.stdout)")
    }

    @Test func manPageRendersAndBashCompletesCouncilIds() throws {
        let installed = try Installed()
        defer { installed.remove() }
        let page = installed.prefix + "/share/man/man1/probity.1"
        #expect(FileManager.default.fileExists(atPath: page))
        let system = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        if (try Installed.shell("command -v man", path: system, directory: installed.elsewhere)).status == 0 {
            let man = try Installed.shell("MANWIDTH=80 man -l '\(page)' | cat", path: system, directory: installed.elsewhere)
            #expect(man.status == 0, "\(man.stderr)")
            for section in ["EXAMPLES", "FILES", "ENVIRONMENT", "EXIT STATUS"] { #expect(man.stdout.contains(section)) }
        } else {
            print("man is not installed here: the man page's rendering is not checked.")
        }
        #expect(FileManager.default.fileExists(atPath: installed.prefix + "/share/zsh/site-functions/_probity"))
        #expect(FileManager.default.fileExists(atPath: installed.prefix + "/share/fish/vendor_completions.d/probity.fish"))
        // Bash completion of `probity clause <Tab>` offers the council ids, found by the installed binary.
        let councils = try FileManager.default.contentsOfDirectory(atPath: Paths.repository + "/Knowledge/councils")
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
        let completion = try installed.run(
            """
            source '\(installed.prefix)/share/bash-completion/completions/probity'
            COMP_WORDS=(probity clause ''); COMP_CWORD=2; COMP_LINE='probity clause '; COMP_POINT=${#COMP_LINE}
            _probity probity '' clause
            printf '%s\\n' "${COMPREPLY[@]}"
            """)
        #expect(completion.status == 0, "\(completion.stderr)")
        #expect(completion.stdout.split(separator: "\n").map(String.init).sorted() == councils, "\(completion.stdout)")
    }

    @Test func uninstallRemovesExactlyWhatWasInstalled() throws {
        let installed = try Installed()
        defer { installed.remove() }
        let mine = installed.prefix + "/share/mine.txt"
        FileManager.default.createFile(atPath: mine, contents: Data("kept".utf8))
        let system = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let result = try Installed.shell(
            "bash \(Paths.repository)/scripts/install.sh --uninstall --prefix '\(installed.prefix)'",
            path: system, directory: installed.elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        let left = FileManager.default.enumerator(atPath: installed.prefix)?.allObjects as? [String] ?? []
        #expect(left.sorted() == ["share", "share/mine.txt"], "\(left)")
    }
}
