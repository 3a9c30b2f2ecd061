import ProbityBytes

/// `probity transcripts report --store URL`: the report's figures counted by the server, so that reading a
/// hundred thousand transcripts does not mean sending them all. These queries read the event payload (the
/// `advised`, `routed` and `roleSet` events of transcripts/README.md); the store's schema does not.
public struct StoreReport: Sendable {
    public let reader: StoreReader

    public init(reader: StoreReader) { self.reader = reader }

    public func build(from: String?, to: String?, knowledge: KnowledgeBase) throws(StoreError) -> TranscriptReport {
        var report = TranscriptReport(source: "the store " + reader.store.address.description, from: from, to: to)
        let connection = try reader.store.connected()
        // $1, $2: the dates. Every query counts transcripts started within them.
        let dates: [PostgresConnection.Parameter] = [from.map { .text($0) } ?? .null, to.map { .text($0) } ?? .null]
        let within = """
            ($1::text IS NULL OR coalesce(t.header ->> 'started', '') >= $1)
            AND ($2::text IS NULL OR left(coalesce(t.header ->> 'started', ''), length($2)) <= $2)
            """
        func tally(_ sql: String) throws(StoreError) -> [TranscriptReport.Count] {
            try connection.query(sql, dates).values.map { row throws(StoreError) in
                guard row.count == 2, let count = row[1].flatMap({ Int($0) }) else { throw .unexpectedAnswer("a count without its number") }
                return TranscriptReport.Count(key: row[0] ?? "not given", count: count)
            }
        }
        let totals = try tally(
            "SELECT 'all', count(*) FROM probity.transcripts t WHERE \(within) UNION ALL SELECT 'sealed', count(*) FROM probity.transcripts t WHERE t.sealed AND \(within)"
        )
        report.transcripts = totals.first { $0.key == "all" }?.count ?? 0
        report.sealed = totals.first { $0.key == "sealed" }?.count ?? 0
        report.unsealedCount = report.transcripts - report.sealed
        report.byUser = try tally("SELECT t.db_user::text, count(*) FROM probity.transcripts t WHERE \(within) GROUP BY 1 ORDER BY 2 DESC, 1")
        report.byRole = try tally(
            """
            SELECT coalesce(t.header ->> 'role',
                            (SELECT l.doc -> 'event' -> 'roleSet' ->> 'role' FROM probity.lines l
                              WHERE l.transcript = t.id AND l.kind = 'roleSet' ORDER BY l.seq LIMIT 1),
                            'not given'), count(*)
              FROM probity.transcripts t WHERE \(within) GROUP BY 1 ORDER BY 2 DESC, 1
            """)
        // One pass over the advice lines (the largest: they hold every clause quoted) for the counts and for
        // which transcripts were advised under other knowledge.
        let advice = try connection.query(
            """
            SELECT l.transcript, l.doc -> 'event' -> 'advised' ->> 'topic', l.doc -> 'event' -> 'advised' ->> 'verdict',
                   l.doc -> 'event' -> 'advised' ->> 'council', l.doc -> 'event' -> 'advised' ->> 'protocolVersion',
                   t.header ->> 'council', t.header ->> 'knowledgeSHA256'
              FROM probity.lines l JOIN probity.transcripts t ON t.id = l.transcript
             WHERE l.kind = 'advised' AND \(within)
            """, dates)
        var topics: [String: Int] = [:]
        var verdicts: [String: Int] = [:]
        for row in advice.values {
            guard row.count == 7 else { throw .unexpectedAnswer("an advice row without its fields") }
            topics[row[1] ?? "unknown", default: 0] += 1
            verdicts[row[2] ?? "unknown", default: 0] += 1
        }
        report.byTopic = TranscriptReport.counts(topics)
        report.byVerdict = TranscriptReport.counts(verdicts)
        report.unrouted = try tally(
            """
            SELECT l.doc -> 'event' -> 'routed' ->> 'question', count(*)
              FROM probity.lines l JOIN probity.transcripts t ON t.id = l.transcript
             WHERE l.kind = 'routed' AND l.doc -> 'event' -> 'routed' ->> 'outcome' IN ('no-match', 'out-of-scope') AND \(within)
             GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT \(TranscriptReport.listLimit)
            """)
        report.unsealed = try connection.query(
            """
            SELECT t.id, t.db_user::text, coalesce(t.header ->> 'started', '') FROM probity.transcripts t
             WHERE NOT t.sealed AND \(within) ORDER BY 3 DESC, 1 LIMIT \(TranscriptReport.listLimit)
            """, dates
        ).values.map { TranscriptReport.Unsealed(id: $0[0] ?? "", user: $0[1] ?? "", started: $0[2] ?? "") }
        try replay(&report, advice: advice, knowledge: knowledge)
        return report
    }

    /// Only advice recorded under another protocol version, or other knowledge, can differ now: those
    /// transcripts are read and replayed; the rest are not sent at all.
    private func replay(_ report: inout TranscriptReport, advice rows: PostgresConnection.Rows, knowledge: KnowledgeBase) throws(StoreError) {
        var fingerprints: [String: String] = [:]
        var candidates: [String] = []
        var seen: Set<String> = []
        for row in rows.values {
            guard let id = row[0] else { continue }
            let council = row[3] ?? ""
            let current = knowledge.council(id: council)?.version
            let headerCouncil = row[5]
            let key = headerCouncil ?? ""
            let fingerprint = fingerprints[key] ?? knowledge.councilFingerprint(headerCouncil)
            fingerprints[key] = fingerprint
            if current != row[4] || row[6] != fingerprint, seen.insert(id).inserted { candidates.append(id) }
        }
        report.replayed = candidates.count
        let replayer = TranscriptReplayer(knowledge: knowledge)
        for start in stride(from: 0, to: candidates.count, by: 200) {
            let documents = try reader.documents(Array(candidates[start..<min(start + 200, candidates.count)]))
            for id in candidates[start..<min(start + 200, candidates.count)] {
                guard let document = documents[id] else { continue }
                report.changedByRevision += TranscriptReport.changes(replayer.replay(document))
            }
        }
    }
}
