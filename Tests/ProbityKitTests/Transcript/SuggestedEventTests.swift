import Foundation
import Testing

@testable import ProbityKit

/// An answer proposed from the user's words, in the record: data (fact, option, label, the user's sentence), written
/// and read back; `--redact` leaves the sentence out and keeps the rest; older records without `accepted` still read.
@Suite struct SuggestedEventTests {
    static let suggested = ConversationEvent.suggested(
        topic: "officer-reports", fact: "officer-reports.wilts-aim", option: "change", label: "Get the advice changed or the report withheld",
        said: "She wants me to alter my recommendation.")

    @Test func aProposalIsRecordedAsDataAndReadBack() throws {
        let data = try JSONEncoder().encode(Self.suggested)
        #expect(try JSONDecoder().decode(ConversationEvent.self, from: data) == Self.suggested)
        let accepted = ConversationEvent.answered(topic: "officer-reports", fact: "officer-reports.wilts-aim", option: "change", label: "x", accepted: true)
        #expect(try JSONDecoder().decode(ConversationEvent.self, from: JSONEncoder().encode(accepted)) == accepted)
        let old = #"{"answered":{"topic":"t","fact":"t.f","option":"o","label":"l"}}"#
        #expect(try JSONDecoder().decode(ConversationEvent.self, from: Data(old.utf8)) == .answered(topic: "t", fact: "t.f", option: "o", label: "l"))
    }

    @Test func redactionLeavesOutTheUsersSentenceOnly() {
        #expect(
            TranscriptRedactor.redact(Self.suggested)
                == .suggested(
                    topic: "officer-reports", fact: "officer-reports.wilts-aim", option: "change", label: "Get the advice changed or the report withheld",
                    said: TranscriptRedactor.marker))
    }
}
