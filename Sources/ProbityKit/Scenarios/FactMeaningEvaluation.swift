import Foundation

/// How hearing facts by meaning would fare at a set of thresholds, on development scenarios only: for choosing the
/// thresholds without looking at the measuring halves (`probity-bench --facts-meaning`).
///
/// Two readings of each scenario's first message:
/// - *unseen*: the meaning layer alone, with every phrase that occurs in the message left out of the options, as if
///   its authors had never written the wording the user typed: how well meaning generalises, and how often it errs;
/// - *combined*: as the chat hears it, phrases first and meaning for the facts no phrase spoke of: what meaning adds
///   on the development data, which must stay free of facts taken wrongly.
public struct FactMeaningEvaluation: Sendable {
    /// One scenario's candidates, computed once and judged at every setting.
    struct Case {
        var id: String
        var says: String
        var clauses: [MessageClause]
        var table: MeaningIndex.Table
        var skipped: Set<Int>
        var seen: Set<String>
        var phraseTaken: Set<String>
        var stated: [String: Set<String>]
        var truth: [String: Set<String>]
    }

    /// The figures at one setting.
    public struct Figures: Sendable, CustomStringConvertible {
        public var thresholds: MeaningThresholds
        /// Facts the scenarios state (that the council's advice uses).
        public var stated = 0
        /// Unseen: stated facts heard rightly, heard wrongly; unstated facts taken against the truth, or agreeing with it.
        public var unseenRight = 0, unseenWrong = 0, unseenUnsaidWrong = 0, unseenUnsaidAgreeing = 0, unseenUnsaidUnknown = 0
        /// Combined: facts meaning adds to the phrases' that are right, wrong (against a stated or true answer), or unsaid.
        public var addedRight = 0, addedWrong = 0, addedUnsaidAgreeing = 0, addedUnsaidUnknown = 0

        public var description: String {
            let t = thresholds
            return String(
                format: "sim %.2f margin %.2f %@ cover-from %.2f | unseen: right %d/%d wrong %d unsaid-wrong %d unsaid-agreeing %d unsaid-unknown %d"
                    + " | combined: +right %d +wrong %d +unsaid-agreeing %d +unsaid-unknown %d",
                t.similarity, t.margin, t.eitherPolarity ? "either" : "same  ", t.coverFrom, unseenRight, stated, unseenWrong, unseenUnsaidWrong,
                unseenUnsaidAgreeing, unseenUnsaidUnknown, addedRight, addedWrong, addedUnsaidAgreeing, addedUnsaidUnknown)
        }
    }

    let cases: [Case]
    let strictSeen: Bool
    let vectors: WordVectors?
    /// Milliseconds: building the tables (once per topic and council), and reading one message by meaning afterwards.
    public let buildMilliseconds: Double
    public let perMessageMilliseconds: Double
    /// How many tables were built (one per set of facts: a topic, a council, a role).
    public let tables: Int

    /// - Parameter strict: the unseen reading leaves out every phrase that occurs in any of the scenarios, not just in
    ///   the scenario's own message: nearer to wording the phrases' authors never saw (they wrote many phrases from
    ///   this development data, and near copies of a phrase stay behind when only the one that occurs is left out).
    public init(knowledge: KnowledgeBase, scenarios: [(council: String, scenario: Scenario)], strict: Bool = false) {
        var cases: [Case] = []
        var build = 0.0
        var read = 0.0
        var reads = 0
        var keys = Set<String>()
        for (council, scenario) in scenarios {
            guard let vectors = knowledge.wordVectors, var session = try? Session(knowledge: knowledge, council: council, role: scenario.role),
                let topic = knowledge.topic(id: scenario.topic)
            else { continue }
            session.begin(topic: topic)
            let facts = session.relevantFacts
            keys.insert(facts.map(\.key).joined(separator: "|"))
            let index = knowledge.phrases
            let heard = FactExtractor.phraseFacts(in: scenario.says, among: facts, index: index)
            let words = PhraseMatcher.stems(scenario.says)
            let seen = Set(index.entries(for: facts).filter { !PhraseMatcher.occurrences(of: $0.words, in: words).isEmpty }.map(\.phrase))
            var start = DispatchTime.now().uptimeNanoseconds
            let table = knowledge.meanings.table(for: facts, vectors: vectors)
            build += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            start = DispatchTime.now().uptimeNanoseconds
            let clauses = ClauseSplitter.clauses(scenario.says)
            let skipped = Set(facts.indices.filter { heard.touched.contains(facts[$0].key) })
            _ = MeaningMatcher.candidates(clauses, vectors: vectors, table: table, coverFrom: 1, skipping: skipped)
            read += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            reads += 1
            let stated = scenario.keyed(scenario.stated, in: knowledge)
            cases.append(
                Case(
                    id: "\(council)/\(scenario.id)", says: scenario.says, clauses: clauses, table: table, skipped: skipped, seen: seen,
                    phraseTaken: Set(heard.learnt.map(\.factKey)),
                    stated: stated, truth: scenario.keyed(scenario.answers, in: knowledge).merging(stated) { _, s in s }))
        }
        strictSeen = strict
        if strict {
            let all = cases.reduce(into: Set<String>()) { $0.formUnion($1.seen) }
            for i in cases.indices { cases[i].seen = all }
        }
        self.cases = cases
        vectors = knowledge.wordVectors
        tables = keys.count
        buildMilliseconds = build
        perMessageMilliseconds = reads == 0 ? 0 : read / Double(reads)
    }

    /// The figures at `thresholds`.
    public func figures(_ thresholds: MeaningThresholds) -> Figures {
        var f = Figures(thresholds: thresholds)
        for c in cases {
            f.stated += c.stated.keys.filter { key in c.table.facts.contains { $0.key == key } }.count
            let (unseen, combined) = candidates(c, thresholds)
            for (fact, options) in MeaningMatcher.taken(unseen, table: c.table, thresholds: thresholds) {
                switch judge(c, fact: fact, options: options) {
                case .right: f.unseenRight += 1
                case .wrong: f.unseenWrong += 1
                case .unsaidWrong: f.unseenUnsaidWrong += 1
                case .unsaidAgreeing: f.unseenUnsaidAgreeing += 1
                case .unsaidUnknown: f.unseenUnsaidUnknown += 1
                }
            }
            for (fact, options) in MeaningMatcher.taken(combined, table: c.table, thresholds: thresholds) {
                switch judge(c, fact: fact, options: options) {
                case .right: f.addedRight += 1
                case .wrong, .unsaidWrong: f.addedWrong += 1
                case .unsaidAgreeing: f.addedUnsaidAgreeing += 1
                case .unsaidUnknown: f.addedUnsaidUnknown += 1
                }
            }
        }
        return f
    }

    /// Every fact taken against the truth at `thresholds`, in words, for looking at the development data.
    public func mistakes(_ thresholds: MeaningThresholds) -> [String] {
        var out: [String] = []
        for c in cases {
            let (unseen, combined) = candidates(c, thresholds)
            for (mode, candidates) in [("unseen", unseen), ("combined", combined)] {
                for (fact, options) in MeaningMatcher.taken(candidates, table: c.table, thresholds: thresholds) {
                    let judgement = judge(c, fact: fact, options: options)
                    guard judgement != .right, judgement != .unsaidAgreeing else { continue }
                    let f = c.table.facts[fact]
                    let truth = c.truth[f.key].map { $0.sorted().joined(separator: ",") } ?? "?"
                    out.append("\(mode) \(c.id) \(judgement) \(f.key)=\(options.map { f.options[$0].id }.joined(separator: ",")) (truth \(truth))")
                    for cand in candidates where cand.fact == fact && thresholds.accepts(cand) {
                        out.append(
                            String(
                                format: "    %.2f (next %.2f / %.2f) \"%@\" ~ \"%@\"", cand.score, cand.runnerUp, cand.runnerUpEitherPolarity,
                                c.clauses[cand.clause].text, c.table.entries[cand.phrase].phrase))
                    }
                }
            }
        }
        return out
    }

    /// Every stated fact the unseen reading did not hear at `thresholds`, with its nearest candidate: whether the right
    /// option came first (a threshold too high) or another (the vectors do not tell them apart).
    public func misses(_ thresholds: MeaningThresholds) -> [String] {
        var out: [String] = []
        for c in cases {
            let (unseen, _) = candidates(c, thresholds)
            let taken = Set(MeaningMatcher.taken(unseen, table: c.table, thresholds: thresholds).map { c.table.facts[$0.fact].key })
            for (f, fact) in c.table.facts.enumerated() where c.stated[fact.key] != nil && !taken.contains(fact.key) {
                guard let best = unseen.filter({ $0.fact == f }).max(by: { $0.score < $1.score }) else { continue }
                let right = c.stated[fact.key]!.contains(fact.options[best.option].id)
                out.append(
                    String(
                        format: "%@ %@ %@=%@ %.2f (next %.2f / %.2f) \"%@\" ~ \"%@\"", right ? "RIGHT-FIRST" : "WRONG-FIRST", c.id, fact.key,
                        fact.options[best.option].id, best.score, best.runnerUp, best.runnerUpEitherPolarity, c.clauses[best.clause].text,
                        best.phrase >= 0 ? c.table.entries[best.phrase].phrase : "-"))
            }
        }
        return out
    }

    /// The unseen reading through near words at `nearness`: the phrases that occur left out (as `strict` says), the
    /// rest matched again with each word no remaining phrase uses replaced by the nearest word they use.
    /// Heard rightly, and taken against the truth (stated or answered).
    public func synonymFigures(_ nearness: Float, phrases: PhraseIndexHandle) -> (right: Int, wrong: Int, unsaidUnknown: Int) {
        guard let vectors else { return (0, 0, 0) }
        var right = 0
        var wrong = 0
        var unknown = 0
        var vocabularies: [String: (entries: [PhraseIndex.Entry], vocabulary: SynonymIndex.Vocabulary)] = [:]
        for c in cases {
            let key = c.table.facts.map(\.key).joined(separator: "|") + (strictSeen ? "" : "#" + c.id)
            if vocabularies[key] == nil {
                let entries = phrases.index.entries(for: c.table.facts).filter { !c.seen.contains($0.phrase) }
                vocabularies[key] = (entries, SynonymIndex.vocabulary(of: entries, vectors: vectors))
            }
            let (entries, vocabulary) = vocabularies[key]!
            let learnt = SynonymLayer.facts(in: c.says, among: c.table.facts, entries: entries, vocabulary: vocabulary, vectors: vectors, nearness: nearness)
            for l in learnt {
                guard let f = c.table.facts.firstIndex(where: { $0.key == l.factKey }) else { continue }
                let options = l.optionIDs.compactMap { id in c.table.facts[f].options.firstIndex { $0.id == id } }
                switch judge(c, fact: f, options: options) {
                case .right: right += 1
                case .wrong, .unsaidWrong: wrong += 1
                case .unsaidUnknown: unknown += 1
                case .unsaidAgreeing: break
                }
            }
        }
        return (right, wrong, unknown)
    }

    /// A case's candidates at `thresholds`: with the phrases it uses left out, and as the chat reads it.
    func candidates(_ c: Case, _ thresholds: MeaningThresholds) -> (unseen: [MeaningCandidate], combined: [MeaningCandidate]) {
        guard let vectors else { return ([], []) }
        return (
            MeaningMatcher.candidates(c.clauses, vectors: vectors, table: c.table, coverFrom: thresholds.coverFrom, excluding: c.seen),
            MeaningMatcher.candidates(c.clauses, vectors: vectors, table: c.table, coverFrom: thresholds.coverFrom, skipping: c.skipped)
        )
    }

    enum Judgement { case right, wrong, unsaidWrong, unsaidAgreeing, unsaidUnknown }

    /// As the scenario runner judges a fact taken: a fact that takes several answers must hold every true one.
    func judge(_ c: Case, fact: Int, options: [Int]) -> Judgement {
        let f = c.table.facts[fact]
        let took = Set(options.map { f.options[$0].id })
        func agrees(_ truth: Set<String>) -> Bool { f.multiple ? truth.isSubset(of: took) : took == truth }
        if let stated = c.stated[f.key] { return agrees(stated) ? .right : .wrong }
        if let truth = c.truth[f.key] { return agrees(truth) ? .unsaidAgreeing : .unsaidWrong }
        return .unsaidUnknown
    }
}

/// The phrase index of a knowledge base, for evaluations outside the module.
public struct PhraseIndexHandle: Sendable {
    let index: PhraseIndex
    public init(_ knowledge: KnowledgeBase) { index = knowledge.phrases }
}
