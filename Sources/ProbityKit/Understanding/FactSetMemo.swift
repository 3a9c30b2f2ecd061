import Foundation

/// Something built once per set of facts (a topic's facts and the shared ones), the first time a message is read
/// against them, and shared by every thread that reads messages: the phrase, meaning and near-word tables.
final class FactSetMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var byFacts: [String: Value] = [:]

    /// The value for `facts`, built by `build` (outside the lock) the first time they are asked for.
    func value(for facts: [Fact], build: () -> Value) -> Value {
        let key = facts.map(\.key).joined(separator: "|")
        if let known = lock.withLock({ byFacts[key] }) { return known }
        let built = build()
        return lock.withLock {
            if let raced = byFacts[key] { return raced }
            byFacts[key] = built
            return built
        }
    }
}
