/// Finds clauses by their words: `search WORDS` in the chat, and the clauses offered when a
/// question matches no topic. The clause search of `probity search` provides it.
public protocol ClauseFinder: Sendable {
    /// The best clauses for `query`, best first; only `council`'s current protocol when given.
    func find(_ query: String, council: String?, limit: Int) -> [ClauseHit]
}
