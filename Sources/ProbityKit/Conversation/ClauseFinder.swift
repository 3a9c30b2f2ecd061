import Foundation

/// Finds clauses by their words: `search WORDS` in the chat, and the clauses offered when a
/// question matches no topic. The clause search of `probity search` provides it.
public protocol ClauseFinder: Sendable {
    /// The best clauses for `query`, best first; only `council`'s current protocol when given.
    func find(_ query: String, council: String?, limit: Int) -> [ClauseHit]
}

/// A `ClauseSearch` built the first time it is asked: its index is not needed to greet the user.
public final class LazyClauseSearch: ClauseFinder, @unchecked Sendable {
    private let knowledge: KnowledgeBase
    private let lock = NSLock()
    private var search: ClauseSearch?

    public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

    public func find(_ query: String, council: String?, limit: Int) -> [ClauseHit] {
        let built = lock.withLock {
            if search == nil { search = ClauseSearch(knowledge: knowledge) }
            return search!
        }
        return built.find(query, council: council, limit: limit)
    }
}
