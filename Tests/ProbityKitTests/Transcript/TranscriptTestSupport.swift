import Foundation
import ProbityBytes

@testable import ProbityKit

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        path = base + "probity-transcript-tests-" + UUID().uuidString.lowercased()
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// A clock that moves one second on every reading, from a fixed start.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next: Date

    init(start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { next = start }

    func now() -> Date {
        lock.withLock {
            defer { next = next.addingTimeInterval(1) }
            return next
        }
    }

    var closure: @Sendable () -> Date { { self.now() } }
}

/// A small knowledge base made in code, so that tests do not depend on the shipped knowledge:
/// one council (`testshire`) and one topic (`printing`) with one question and two pieces of advice.
enum TinyKnowledge {
    /// A second fact of the `printing` topic, for rules: whether an election is coming (its "yes" says so back).
    static let electionFact = Fact(
        key: "printing.election", localID: "election", prompt: RoleText("Is an election coming?"), help: "", multiple: false,
        options: [
            FactOption(id: "yes", label: "Yes", says: RoleText("an election is coming"), phrases: []),
            FactOption(id: "no", label: "No", says: nil, phrases: []),
        ],
        file: "catalogue/topics/printing.json", position: nil)

    static func make(
        version: String = "1", clauseText: String = "Council printers are for council business only.",
        campaignVerdict: Verdict = .no, extraCitation: Bool = false, campaignOptionID: String = "campaign",
        moreFacts: [Fact] = [], rules: [Rule] = [], moreCampaignSteps: [AdviceStep] = []
    ) -> KnowledgeBase {
        let clauses = [
            Clause(id: "1", number: "1", heading: "Resources", text: clauseText),
            Clause(id: "2", number: "2", heading: "Ward work", text: "Members may use council facilities for ward work."),
            Clause(id: "3", number: "3", heading: "Elections", text: "Take care in the run-up to an election."),
        ]
        let council = Council(
            id: "testshire", name: "Testshire County Council", shortName: "Testshire",
            document: "Member/Officer Protocol", version: version, date: nil, status: .adopted,
            isCurrent: true, source: "sources/testshire.txt", numbering: nil, reading: nil,
            clauses: clauses, file: "councils/testshire.json")
        let fact = Fact(
            key: "printing.purpose", localID: "purpose", prompt: RoleText("What is the printing for?"), help: "Choose what the leaflets are for.",
            multiple: false,
            options: [
                FactOption(id: campaignOptionID, label: "My election campaign", says: nil, phrases: []),
                FactOption(id: "ward", label: "A ward newsletter", says: nil, phrases: []),
            ],
            file: "catalogue/topics/printing.json", position: nil)
        let question = Question(
            id: "purpose", fact: fact.key, isSharedFact: false, prompt: fact.prompt,
            why: Why(text: "Council resources are for council business.", cites: [Citation(council: "testshire", clause: "1")]),
            help: fact.help, multiple: false,
            options: [
                AnswerOption(id: campaignOptionID, label: "My election campaign", next: "no-campaign"),
                AnswerOption(id: "ward", label: "A ward newsletter", next: "yes-ward"),
            ], defaultNext: nil)
        var campaignCites = [Citation(council: "testshire", clause: "1")]
        if extraCitation { campaignCites.append(Citation(council: "testshire", clause: "3")) }
        let no = Advice(
            id: "no-campaign", verdict: campaignVerdict, headline: RoleText("Not for your campaign"),
            summary: "Campaign material may not be printed on council printers.",
            steps: [
                AdviceStep(text: "Use a commercial printer.", isPractical: true),
                AdviceStep(text: "Pay for it from campaign funds.", isPractical: true),
            ] + moreCampaignSteps,
            citations: campaignCites, silent: false)
        let yes = Advice(
            id: "yes-ward", verdict: .yes, headline: RoleText("Yes, for ward work"), summary: "Ward work is council business.",
            steps: [AdviceStep(text: "Keep it non-political.", citations: [Citation(council: "testshire", clause: "2")])],
            citations: [Citation(council: "testshire", clause: "2")], silent: false)
        let topic = Topic(
            id: "printing", title: "Using council printers", summary: "Printing with council equipment.",
            audience: .member, examples: [], facts: [fact] + moreFacts, file: "catalogue/topics/printing.json")
        let tree = AdviceTree(
            topicID: "printing", councilID: "testshire", start: "purpose",
            nodes: [.question(question), .advice(no), .advice(yes)], rules: rules, file: "councils/testshire/advice/printing.json")
        return KnowledgeBase(councils: [folder(council, trees: [tree])], topics: [topic], fingerprint: SHA256.hex("tiny-\(version)-\(clauseText)"))
    }

    /// A council folder holding `versions` (the current one last) and `trees`.
    static func folder(_ versions: Council..., trees: [AdviceTree]) -> CouncilFolder {
        let current = versions.last!
        return CouncilFolder(
            id: current.id, name: current.name, shortName: current.shortName, generalPrinciples: ["1"],
            versions: versions, trees: trees, folder: "councils/\(current.id)")
    }

    /// The events of a chat that walks `printing` for a member of Testshire, answering `answer`.
    static func conversation(_ knowledge: KnowledgeBase, answer: String = "campaign", typed: String = "can I print my leaflets at the council?")
        -> [ConversationEvent]
    {
        var session = try! Session(knowledge: knowledge, council: "testshire", role: .member)
        try! session.begin(topicID: "printing")
        var events: [ConversationEvent] = [
            .started(council: "testshire", role: "member"), .userInput(text: typed),
            .routed(question: typed, candidates: [.init(topic: "printing", score: 0.91)], outcome: .chosen),
            .topicStarted(topic: "printing"),
        ]
        guard case .question(let q)? = session.step else { fatalError("the tiny topic starts with a question") }
        events.append(.asked(topic: "printing", fact: q.factKey, node: q.nodeID, prompt: q.prompt, options: q.options.map(\.label)))
        events.append(.userInput(text: "1"))
        let option = try! session.answer(answer)[0]
        events.append(.answered(topic: "printing", fact: q.factKey, option: option.id, label: option.label))
        guard case .advice(let advice)? = session.step else { fatalError("one answer reaches advice") }
        events.append(.advised(.init(advice)))
        return events
    }
}

/// Writes a whole transcript with a recorder and returns its path.
func writeTranscript(
    in directory: String, knowledge: KnowledgeBase = TinyKnowledge.make(), events: [ConversationEvent]? = nil,
    end: String? = "quit", clock: SteppingClock = SteppingClock(), identity: TranscriptIdentity? = nil
) -> (path: String, recorder: TranscriptRecorder) {
    let recorder = TranscriptRecorder(
        location: .init(path: directory, isDefault: false), knowledge: knowledge,
        council: "testshire", role: "member", probityVersion: "9.9.9", durable: false,
        fallbackDirectory: nil, identity: identity, clock: clock.closure)
    guard case .recording(let path) = recorder.status else { fatalError("could not open a transcript in \(directory): \(recorder.status)") }
    for event in events ?? TinyKnowledge.conversation(knowledge) { recorder.record(event) }
    if let end { recorder.record(.ended(reason: end)) }
    return (path, recorder)
}

/// The file's lines (without newlines).
func lines(of path: String) -> [String] {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

func write(lines: [String], to path: String, trailingNewline: Bool = true) {
    let text = lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func verify(_ path: String) -> TranscriptVerification {
    TranscriptVerifier.verify(TranscriptReader.parse(Array(FileManager.default.contents(atPath: path) ?? Data()), path: path))
}

/// A sealed-looking transcript's bytes: each event a record, chained by digest.
func transcriptBytes(_ events: [ConversationEvent]) -> [UInt8] {
    var previous = RecordCoding.genesisDigest
    var out: [UInt8] = []
    for (i, event) in events.enumerated() {
        let line = RecordCoding.encode(TranscriptRecord(seq: i + 1, time: "2026-11-18T11:06:4\(i % 10).000Z", prev: previous, body: .event(event)))
        previous = SHA256.hex(line)
        out += line + [0x0A]
    }
    return out
}
