/// The chat finds clauses through `ClauseFinder`; the clause search is what provides it.
extension ClauseSearch: ClauseFinder {
    public func find(_ query: String, council: String?, limit: Int) -> [ClauseHit] {
        search(query, council: council, limit: limit).map { hit in
            ClauseHit(clause: hit.quoted, score: hit.score, matched: hit.snippet.matchedWords, coverage: hit.coverage)
        }
    }
}
