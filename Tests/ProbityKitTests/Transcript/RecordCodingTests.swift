import Foundation
import ProbityBytes
import Testing

@testable import ProbityKit

@Suite struct RecordCodingTests {
    static let advice: ConversationEvent.Advised = {
        let knowledge = TinyKnowledge.make()
        guard case .advised(let a) = TinyKnowledge.conversation(knowledge).last! else { fatalError("the conversation ends with advice") }
        return a
    }()

    static let events: [ConversationEvent] = [
        .started(council: nil, role: "officer"),
        .userInput(text: "line one\nline two \"quoted\" \\ / ünïcödé ✓"),
        .routed(question: "q", candidates: [.init(topic: "printing", score: 0.123456789)], outcome: .askedWhichOne),
        .topicStarted(topic: "printing"),
        .councilSet(council: "testshire", version: "1"),
        .roleSet(role: "member"),
        .asked(topic: "printing", fact: "printing.purpose", node: nil, prompt: "What?", options: ["a", "b"]),
        .answered(topic: "printing", fact: "printing.purpose", option: "campaign", label: "My election campaign"),
        .wentBack(topic: "printing", fact: nil),
        .restarted(topic: "printing"),
        .advised(advice),
        .explained(topic: "printing", reasons: ["x → y"]),
        .shown(kind: "help", text: "Type `help`."),
        .asked(
            topic: "printing", fact: "printing.purpose", node: "purpose", prompt: "What?", options: ["a", "b"], optionIDs: ["x", "y"],
            why: "Because.", whyClauses: ["1"], multiple: true),
        .displayed(kind: "rejected", shown: .message(tone: .text, words: "\(Echo("purple")) isn't one of the answers.")),
        .displayed(kind: "routed", shown: .topic(route: .init(topic: "printing", title: "Using council printers", score: 0.9))),
        .displayed(kind: "choices", shown: .topicChoices(heading: "Did you mean one of these?", choices: [.init(topic: "printing", title: "Printers")])),
        .displayed(kind: "topics", shown: .topics(list: [.init(topic: "printing", title: "Printers")])),
        .displayed(kind: "help", shown: .help(fact: "printing.purpose", prompt: "What?", questionHelp: "Choose one.")),
        .displayed(kind: "clause", shown: .clauses(quotes: advice.quotes)),
        .displayed(kind: "why", shown: .whyAsked(fact: "printing.purpose", prompt: "What?", why: "Because.", quotes: advice.quotes)),
        .displayed(
            kind: "search",
            shown: .searchResults(
                query: "gerald printer", council: "testshire",
                hits: [
                    .init(council: "testshire", clause: "1", reference: "1", label: "Testshire, paragraph 1 — Resources", score: 2.5, matched: ["printers"])
                ])),
        .displayed(
            kind: "compare",
            shown: .comparison(topic: "printing", role: "member", councils: [.init(council: "testshire", verdicts: ["no", "yes"], clauses: ["1", "2"])])),
        .ended(reason: "eof"),
    ]

    @Test(arguments: RecordCodingTests.events)
    func everyEventComesBackAsItWent(event: ConversationEvent) throws {
        let record = TranscriptRecord(seq: 7, time: "2026-11-25T03:47:12.345Z", prev: RecordCoding.genesisDigest, body: .event(event))
        let line = RecordCoding.encode(record)
        #expect(!line.contains(0x0A), "one record, one line")
        #expect(try RecordCoding.decode(ArraySlice(line)) == record)
        #expect(RecordCoding.carriedDigest(ArraySlice(line)) == RecordCoding.computedDigest(ArraySlice(line)))
    }

    @Test func aLineEndsWithTheDigestOfEverythingBeforeIt() throws {
        let record = TranscriptRecord(seq: 1, time: "t", prev: "p", body: .event(.roleSet(role: "member")))
        let text = String(decoding: RecordCoding.encode(record), as: UTF8.self)
        #expect(text.hasPrefix(#"{"event":{"roleSet":{"role":"member"}},"prev":"p","seq":1,"time":"t","sha256":""#))
        let body = String(text.prefix(text.count - #","sha256":""#.count - 64 - 2)) + "}"
        #expect(text.hasSuffix(#","sha256":"\#(SHA256.hex(body))"}"#))
    }

    @Test func adviceIsWrittenUnderItsCaseNameWithEveryQuoteInFull() throws {
        let record = TranscriptRecord(seq: 2, time: "t", prev: "p", body: .event(.advised(Self.advice)))
        let text = String(decoding: RecordCoding.encode(record), as: UTF8.self)
        #expect(text.hasPrefix(#"{"event":{"advised":{"council":"testshire","#))
        #expect(!text.contains("\"_0\""))
        #expect(text.contains(#""text":"Council printers are for council business only.""#))
        // Each step records what it rests on: here, guidance that is not in the protocol.
        #expect(
            text.contains(
                #""steps":[{"practical":true,"references":[],"text":"Use a commercial printer."},{"practical":true,"references":[],"text":"Pay for it from campaign funds."}]"#
            ))
    }

    @Test func controlCharactersReadFromAFileAreStrippedAndOnlyLinesThatMayHoldThemAreParsedTwice() throws {
        func line(_ text: String) -> [UInt8] {
            RecordCoding.encode(TranscriptRecord(seq: 1, time: "t", prev: "p", body: .event(.userInput(text: text))))
        }
        for text in ["plain", "ünïcödé ✓ “quoted” Yes, if…", "line one\nline two\t\"q\" \\ /"] {
            #expect(!RecordCoding.mayHoldControlCharacters(Data(line(text))), "\(text)")
        }
        for text in ["\u{1B}[2J", "a\u{07}b", "\u{9B}31m", "x\u{202E}y", "x\u{2066}y", "\r", "\u{7F}"] {
            #expect(RecordCoding.mayHoldControlCharacters(Data(line(text))), "\(text.unicodeScalars.map(\.value))")
            let record = try RecordCoding.decode(ArraySlice(line("a" + text + "b")))
            guard case .userInput(let read) = record.event else {
                Issue.record("not read back")
                continue
            }
            #expect(read == TerminalSafe.strip("a" + text + "b"))
            #expect(read.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
        }
    }

    @Test func anEventFromALaterVersionIsKeptUnread() throws {
        let line = Array(#"{"event":{"somethingNew":{"x":1}},"prev":"p","seq":3,"time":"t","sha256":"00"}"#.utf8)
        let record = try RecordCoding.decode(ArraySlice(line))
        guard case .unrecognised(let text) = record.body else {
            Issue.record("should be kept as unrecognised")
            return
        }
        #expect(text.contains("somethingNew"))
        #expect(record.seq == 3)
    }

    @Test func utcTimesAreIso8601ToTheMillisecond() {
        #expect(UTCTime.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(UTCTime.string(from: Date(timeIntervalSince1970: 1_795_000_000.678)) == "2026-11-18T11:06:40.678Z")
        #expect(UTCTime.readable("2026-11-18T11:06:40.678Z") == "2026-11-18 11:06:40 UTC")
    }
}
