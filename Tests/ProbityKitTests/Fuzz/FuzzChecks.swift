import Foundation

@testable import ProbityEncoder
@testable import ProbityKit

/// What each fuzz target does with one input, and what must hold afterwards. The libFuzzer targets in `Fuzz/`
/// call these (compiled with this file by `scripts/fuzz.sh`) and crash on a problem; `FuzzRegressionTests` runs
/// every kept input (`Tests/Fixtures/fuzz/<target>/`) through the same function. Nothing here uses `Testing`.
enum FuzzChecks {
    /// Runs one input; stops the process with the problem when a check fails (the fuzzer keeps the input).
    static func run(_ target: String, _ bytes: [UInt8]) {
        let problems: [String]
        switch target {
        case "json": problems = json(bytes)
        case "knowledge": problems = knowledge(bytes)
        case "conversation": problems = conversation(bytes)
        case "transcript": problems = transcript(bytes)
        case "encoder": problems = encoder(bytes)
        default: problems = ["no fuzz target \(target)"]
        }
        if let first = problems.first { fatalError("fuzz check failed (\(target)): \(first)") }
    }

    static let targets = ["json", "knowledge", "conversation", "transcript", "encoder"]

    // MARK: encoder

    /// The first byte picks the reader: even, the rest is an encoder file (`EncoderWeights`), which loads or is
    /// refused with an `EncoderFileError`, and when it loads encodes a short text to a unit vector or zeros; odd, the
    /// rest is a second-stage part (`EncoderRoutingPart`), which decodes or is refused with issues whose positions lie
    /// inside it.
    @discardableResult
    static func encoder(_ bytes: [UInt8]) -> [String] {
        guard let first = bytes.first else { return [] }
        let rest = Array(bytes.dropFirst())
        if first % 2 == 1 {
            switch EncoderRoutingPart.decode(rest, file: "catalogue/encoder-routing.json") {
            case .success(let part):
                let p = part.logProbabilities([Float](repeating: 1 / Float(part.dimensions).squareRoot(), count: part.dimensions))
                return p.allSatisfy { $0.isFinite || $0 == -.infinity } ? [] : ["log-probabilities that are not numbers: \(p.prefix(4))"]
            case .failure(let error):
                return error.issues.flatMap { issue in issue.position.map { positionProblems($0, in: rest, what: issue.message) } ?? [] }
            }
        }
        do {
            let weights = try EncoderWeights(bytes: rest, file: "fuzz.bin")
            // A loaded file's sizes are bounded (EncoderWeights checks them); encode only small models, quickly.
            guard weights.configuration.hidden * weights.configuration.layers <= 4096 else { return [] }
            let vector = SentenceEncoder(weights: weights).embedding("can I see the exempt report")
            let norm = vector.reduce(0) { $0 + $1 * $1 }
            return norm.isNaN || abs(norm - 1) < 1e-3 || norm == 0 ? [] : ["an embedding of length \(norm.squareRoot())"]
        } catch {
            return error.errorDescription?.contains("fuzz.bin") == true ? [] : ["an error that does not name the file: \(error)"]
        }
    }

    // MARK: json

    /// A value, or an error whose line and column lie inside the input.
    @discardableResult
    static func json(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try JSONParser.parse(bytes: bytes)
            return []
        } catch {
            return positionProblems(error.position, in: bytes, what: error.message)
        }
    }

    /// A position must name a line of the input and a column at most one past that line's last character.
    static func positionProblems(_ position: SourcePosition, in bytes: [UInt8], what: String) -> [String] {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else {
            return ["line \(position.line) is outside the input's \(lines.count) lines (\(what))"]
        }
        let characters = lines[position.line - 1].filter { $0 & 0xC0 != 0x80 }.count
        guard position.column >= 1, position.column <= characters + 1 else {
            return ["column \(position.column) is outside line \(position.line) of \(characters) characters (\(what))"]
        }
        return []
    }

    // MARK: knowledge

    /// A private copy of `Tests/Fixtures/knowledge/sound`, made once per process, and its files in a fixed order.
    static let knowledgeCopy: (directory: String, files: [String], originals: [[UInt8]]) = {
        let fm = FileManager.default
        // scripts/fuzz.sh names a scratch folder it clears afterwards (a crashed fuzzer runs no atexit).
        let base =
            ProcessInfo.processInfo.environment["PROBITY_FUZZ_SCRATCH"]
            ?? (fm.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        try? fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        let directory = "\(base)/probity-fuzz-knowledge-\(getpid())"
        try? fm.removeItem(atPath: directory)
        do {
            try fm.copyItem(atPath: Paths.fixtures + "/knowledge/sound", toPath: directory)
        } catch {
            fatalError("cannot copy the sound knowledge fixture to \(directory): \(error)")
        }
        let files = (fm.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        let originals = files.map { [UInt8](fm.contents(atPath: directory + "/" + $0) ?? Data()) }
        atexit { try? FileManager.default.removeItem(atPath: FuzzChecks.knowledgeCopy.directory) }
        return (directory, files, originals)
    }()

    /// The first byte picks a file, the rest replaces it; the folder is loaded, then validated as `probity
    /// validate` does (every clause against its source, every tree for both roles). Every issue must name a file
    /// and, where it has a position, one inside the file it names.
    @discardableResult
    static func knowledge(_ bytes: [UInt8]) -> [String] {
        let copy = knowledgeCopy
        guard let first = bytes.first, !copy.files.isEmpty else { return [] }
        let index = Int(first) % copy.files.count
        let file = copy.files[index]
        let content = Array(bytes.dropFirst())
        let path = copy.directory + "/" + file
        guard FileManager.default.createFile(atPath: path, contents: Data(content)) else { return ["cannot write \(path)"] }
        defer { _ = FileManager.default.createFile(atPath: path, contents: Data(copy.originals[index])) }

        let read = KnowledgeLoader.read(directory: copy.directory)
        var issues = read.issues
        if issues.isEmpty { issues = Validator.validate(read.knowledge) }
        if issues.isEmpty {
            // Sound after all: every command's way in must agree.
            do { _ = try KnowledgeLoader.load(directory: copy.directory, councils: .all) } catch {
                return ["validate found nothing but load refused: \(error)"]
            }
        }
        var problems: [String] = []
        for issue in issues {
            if issue.message.isEmpty { problems.append("an issue with no message in \(issue.file)") }
            guard let position = issue.position, issue.file == file else { continue }
            problems += positionProblems(position, in: content, what: issue.description)
        }
        return problems
    }

    // MARK: conversation

    /// The shipped knowledge, its router and clause search, built once per process.
    static let chat: (knowledge: KnowledgeBase, router: Router, search: LazyClauseSearch) = {
        do {
            let knowledge = try KnowledgeLoader.load(directory: Paths.knowledge, councils: .all)
            return (knowledge, Router(knowledge: knowledge), LazyClauseSearch(knowledge: knowledge))
        } catch {
            fatalError("the shipped knowledge does not load: \(error)")
        }
    }()

    /// Each line typed into a chat that knows neither council nor role. What is shown must carry no control
    /// characters the user typed; every event must make a transcript line that reads back as the same event;
    /// after the end nothing more happens.
    @discardableResult
    static func conversation(_ bytes: [UInt8]) -> [String] {
        let chat = chat
        guard let session = try? Session(knowledge: chat.knowledge, council: nil, role: nil) else { return ["no session"] }
        var conversation = Conversation(session: session, router: chat.router, search: chat.search)
        var problems: [String] = []
        var seq = 1
        func check(_ reply: ConversationReply, after line: String) {
            for style in [TextStyle.plain, TextStyle(colour: true, width: 40)] {
                let shown = ConversationRenderer(style: style).render(reply.blocks)
                let stray = shown.unicodeScalars.first { s in
                    (s.value < 0x20 && s != "\n" && !(style.colour && s.value == 0x1B)) || s.value == 0x7F || (0x80...0x9F).contains(s.value)
                }
                if let stray { problems.append("U+\(String(stray.value, radix: 16)) shown after \(line.debugDescription)") }
            }
            for event in reply.events {
                let line = RecordCoding.encode(TranscriptRecord(seq: seq, time: "2026-01-01T00:00:00Z", prev: "", body: .event(event)))
                seq += 1
                guard let back = try? RecordCoding.decode(line[...]) else {
                    problems.append("the event \(event) makes a transcript line that does not read back")
                    continue
                }
                if back.event != event { problems.append("the event \(event) reads back as \(back.body)") }
            }
        }
        check(conversation.start(recording: "Not recorded."), after: "start")
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for raw in lines {
            let wasEnded = conversation.mode == .ended
            let reply: ConversationReply
            switch raw.first {
            case 0x03 where raw.count <= 2: reply = conversation.interrupted(lineHadText: raw.count == 2)
            case 0x04 where raw.count == 1: reply = conversation.end(.eof)
            default: reply = conversation.handle(String(decoding: raw, as: UTF8.self))
            }
            let line = String(decoding: raw, as: UTF8.self)
            if wasEnded && (!reply.events.isEmpty || !reply.blocks.isEmpty) {
                problems.append("the conversation answered \(line.debugDescription) after it had ended")
            }
            check(reply, after: line)
            _ = conversation.completions
        }
        check(conversation.end(.eof), after: "end")
        if conversation.mode != .ended { problems.append("the conversation did not end") }
        return problems
    }

    // MARK: transcript

    /// Any bytes read as a transcript: verified, summarised, replayed and rendered every way `probity
    /// transcripts` does. A transcript that verifies as sealed must have a header.
    @discardableResult
    static func transcript(_ bytes: [UInt8]) -> [String] {
        let document = TranscriptReader.parse(bytes, path: "/fuzz/2026-01-01T000000Z-fuzz.jsonl")
        let verification = TranscriptVerifier.verify(document)
        var problems: [String] = []
        if verification.status == .sealed && document.header == nil { problems.append("sealed without a header") }
        _ = TranscriptSummary(document, verification: verification)
        for redact in [false, true] {
            let presentation = TranscriptPresentation(document, verification: verification, redact: redact)
            _ = TranscriptTextRenderer(style: .plain).render(presentation)
            _ = TranscriptTextRenderer(style: TextStyle(colour: true, width: 40)).render(presentation)
            let markdown = TranscriptMarkdownRenderer(redact: redact).render(presentation)
            _ = TranscriptMarkdownRenderer.sealDigest(in: markdown)
            _ = TranscriptHTMLRenderer().render(presentation)
            let export = TranscriptJSONExport(document, verification: verification, redact: redact)
            if (try? JSONEncoder().encode(export)) == nil { problems.append("the JSON export cannot be encoded") }
        }
        _ = TranscriptReplayer(knowledge: chat.knowledge).replay(document)
        return problems
    }
}
