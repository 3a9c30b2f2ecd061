extension KnowledgeBase {
    /// The clauses of `council`'s own current protocol that its folder declares as touching `subject`
    /// (`council.json` → `outOfScope`), verbatim; never another council's.
    public func clauses(touching subject: OutOfScopeSubject, council id: String) -> [QuotedClause] {
        guard let folder = folder(id: id), let current = folder.current else { return [] }
        return (folder.outOfScope[subject.id] ?? []).compactMap { clauseID in
            current.clause(id: clauseID).map { QuotedClause(council: current, clause: $0) }
        }
    }

    /// The same clauses as `--json` prints them, with their source.
    public func clauseReports(touching subject: OutOfScopeSubject, council id: String) -> [JSONReports.ClauseReport] {
        guard let current = folder(id: id)?.current else { return [] }
        return clauses(touching: subject, council: id).map { JSONReports.ClauseReport(council: current, clause: $0.clause) }
    }
}
