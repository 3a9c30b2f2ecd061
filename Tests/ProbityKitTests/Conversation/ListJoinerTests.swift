import Testing

@testable import ProbityKit

/// What Probity says back joins several things the user said into one sentence, the words they share said once.
@Suite struct ListJoinerTests {
    @Test func wordsEveryItemStartsWithAreSaidOnce() {
        #expect(
            ListJoiner.andSharing([
                "your question is about contact outside working hours", "your question is about how quickly enquiries should be answered",
            ]) == "your question is about contact outside working hours and how quickly enquiries should be answered")
        #expect(ListJoiner.andSharing(["it is an emergency", "it is late", "it is Sunday"]) == "it is an emergency, late and Sunday")
    }

    @Test func itemsSharingOneWordOrNothingAreJoinedWhole() {
        #expect(
            ListJoiner.andSharing(["the meeting is not in council premises", "the briefing is about council business"])
                == "the meeting is not in council premises and the briefing is about council business")
        #expect(ListJoiner.andSharing(["a", "b"]) == "a and b")
        #expect(ListJoiner.andSharing(["one thing"]) == "one thing")
        #expect(ListJoiner.andSharing([]) == "")
        // An item that is all shared words is never left empty.
        #expect(ListJoiner.andSharing(["it is", "it is late"]) == "it is and it is late")
    }
}
