import Testing

@testable import ProbityKit

/// A council's rules repeat a step on other councils' parallel facts, so that the rule applies however the user's
/// words were heard. When the walk itself followed that option, the advice reached already says it: the copy carried
/// by the parallel fact is not shown a second time, and its clauses are still quoted.
@Suite struct ParallelRuleTests {
    @Test func aStepTheFollowedOptionSaysIsNotRepeatedByAParallelFact() throws {
        let message =
            "The Labour group asked me directly to brief them on the market review. I'm a head of service, not on CLT, and two party activists who aren't councillors will be there."
        let advised = try ShippedChat.advice("tower-hamlets", .officer, message).advised
        let steps = advised.steps ?? []
        // The walk followed "a councillor or group asked me directly"; Blackburn's "a councillor asked you directly",
        // heard from the same words, carries the same step in Tower Hamlets' rules.
        let repeated = steps.filter { ($0.because ?? "").contains("asked you directly") }
        #expect(repeated.isEmpty, "\(repeated.map(\.text))")
        #expect(steps.contains { $0.text.contains("Corporate Leadership Team") })
        #expect(advised.quotes.contains { $0.clause == "7.4" })
    }
}
