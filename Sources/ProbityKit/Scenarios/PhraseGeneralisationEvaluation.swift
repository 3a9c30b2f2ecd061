import Foundation

/// How far the phrases reach wording nobody wrote, on development scenarios only (`probity-bench --facts-unseen`):
/// for choosing the phrase matcher's generalisations without looking at the measuring halves.
///
/// Two readings of each scenario's first message, under a set of `PhraseRules`:
/// - *unseen*: every phrase that occurs in the message word for word (`PhraseRules.literal`) left out, the rest matched
///   under the rules: what the rules make of wording its authors never wrote;
/// - *combined*: every phrase, as the chat hears it; the facts the rules take that the literal matcher does not are
///   listed, so that each can be judged against what the scenario states (a fact taken that was not said is worse than a
///   question asked again).
public struct PhraseGeneralisationEvaluation: Sendable {
    struct Case {
        var id: String
        var says: String
        var facts: [Fact]
        var seen: Set<String>
        var stated: [String: Set<String>]
        var truth: [String: Set<String>]
    }

    /// The figures under one set of rules.
    public struct Figures: Sendable, CustomStringConvertible {
        /// Facts the scenarios state (among the facts the council's advice uses for that topic and role).
        public var stated = 0
        /// Unseen: stated facts heard rightly, heard wrongly; unstated facts taken against the truth, agreeing with it, unknown.
        public var unseenRight = 0, unseenWrong = 0, unseenUnsaidWrong = 0, unseenUnsaidAgreeing = 0, unseenUnsaidUnknown = 0
        /// Combined: facts taken that the literal matcher does not take; stated facts no longer heard.
        public var addedRight = 0, addedNotStated = 0, lost = 0

        public var description: String {
            "unseen: right \(unseenRight)/\(stated) wrong \(unseenWrong) unsaid-wrong \(unseenUnsaidWrong) unsaid-agreeing \(unseenUnsaidAgreeing)"
                + " unsaid-unknown \(unseenUnsaidUnknown) | combined: +right \(addedRight) +not-stated \(addedNotStated) lost \(lost)"
        }
    }

    let cases: [Case]
    let index: PhraseIndex

    public init(knowledge: KnowledgeBase, scenarios: [(council: String, scenario: Scenario)], strict: Bool = false) {
        var cases: [Case] = []
        let index = knowledge.phrases
        for (council, scenario) in scenarios {
            guard var session = try? Session(knowledge: knowledge, council: council, role: scenario.role),
                let topic = knowledge.topic(id: scenario.topic)
            else { continue }
            session.begin(topic: topic)
            let facts = session.relevantFacts
            let words = PhraseMatcher.stems(scenario.says)
            let seen = Set(
                index.entries(for: facts).filter { !PhraseMatcher.occurrences(of: $0.words, in: words, rules: .literal).isEmpty }.map(\.phrase))
            let stated = scenario.keyed(scenario.stated, in: knowledge)
            cases.append(
                Case(
                    id: "\(council)/\(scenario.id)", says: scenario.says, facts: facts, seen: seen, stated: stated,
                    truth: scenario.keyed(scenario.answers, in: knowledge).merging(stated) { _, s in s }))
        }
        if strict {
            let all = cases.reduce(into: Set<String>()) { $0.formUnion($1.seen) }
            for i in cases.indices { cases[i].seen = all }
        }
        self.cases = cases
        self.index = index
    }

    enum Judgement: String {
        case right, wrong
        case unsaidWrong = "unsaid-wrong"
        case unsaidAgreeing = "unsaid-agreeing"
        case unsaidUnknown = "unsaid-unknown"
    }

    func judge(_ c: Case, _ learnt: LearntFact) -> Judgement {
        let multiple = c.facts.first { $0.key == learnt.factKey }?.multiple ?? false
        let took = Set(learnt.optionIDs)
        func agrees(_ truth: Set<String>) -> Bool { multiple ? truth.isSubset(of: took) : took == truth }
        if let stated = c.stated[learnt.factKey] { return agrees(stated) ? .right : .wrong }
        if let truth = c.truth[learnt.factKey] { return agrees(truth) ? .unsaidAgreeing : .unsaidWrong }
        return .unsaidUnknown
    }

    func read(_ c: Case, rules: PhraseRules, leavingOutSeen: Bool) -> [LearntFact] {
        var entries = index.entries(for: c.facts)
        if leavingOutSeen { entries = entries.filter { !c.seen.contains($0.phrase) } }
        return FactExtractor.phraseFacts(
            words: PhraseMatcher.stems(c.says), tokens: PhraseMatcher.tokens(c.says), among: c.facts, entries: entries, rules: rules
        ).learnt
    }

    /// The phrases of `key`'s options (all, or `options` only) that `rules` find in a case's message and the literal
    /// matcher does not, with the option: what a loosening heard.
    func loosened(_ c: Case, key: String, options: [String]? = nil, rules: PhraseRules) -> String {
        let tokens = PhraseMatcher.tokens(c.says)
        let stems = PhraseMatcher.stems(c.says)
        let folded = zip(tokens, stems).map { FactVocabulary.fold(word: $0.word, stem: $1) }
        let all = index.entries(for: c.facts)
        let context = PhraseContext(breaks: tokens.map(\.afterBreak), common: PhraseIndex.common(of: all))
        let hits = all.filter { entry in
            entry.fact.key == key && (options?.contains(entry.option.id) ?? true)
                && PhraseMatcher.occurrences(of: entry.words, in: stems).isEmpty
                && !PhraseMatcher.occurrences(
                    of: rules.equivalents ? entry.folded : entry.words, in: rules.equivalents ? folded : stems, rules: rules, context: context
                ).isEmpty
        }
        return hits.prefix(4).map { "\($0.option.id): \"\($0.phrase)\"" }.joined(separator: ", ")
    }

    /// The figures under `rules`, and (with `lines`) every fact the unseen reading misses or takes wrongly, and every
    /// fact the combined reading adds or loses, in words.
    public func figures(_ rules: PhraseRules, lines: inout [String]) -> Figures {
        var f = Figures()
        for c in cases {
            let keys = Set(c.facts.map(\.key))
            f.stated += c.stated.keys.filter(keys.contains).count
            let unseen = read(c, rules: rules, leavingOutSeen: true)
            for learnt in unseen {
                let judgement = judge(c, learnt)
                switch judgement {
                case .right: f.unseenRight += 1
                case .wrong: f.unseenWrong += 1
                case .unsaidWrong: f.unseenUnsaidWrong += 1
                case .unsaidAgreeing: f.unseenUnsaidAgreeing += 1
                case .unsaidUnknown: f.unseenUnsaidUnknown += 1
                }
                if judgement != .right && judgement != .unsaidAgreeing {
                    lines.append(
                        "UNSEEN-\(judgement.rawValue) \(c.id) \(learnt.factKey)=\(learnt.optionIDs.joined(separator: ",")) | \(c.says)\n    by "
                            + loosened(c, key: learnt.factKey, options: learnt.optionIDs, rules: rules))
                }
            }
            for (key, options) in c.stated.sorted(by: { $0.key < $1.key }) where keys.contains(key) {
                guard !unseen.contains(where: { $0.factKey == key }) else { continue }
                lines.append("UNSEEN-missed \(c.id) \(key)=\(options.sorted().joined(separator: ",")) | \(c.says)")
            }
            let literal = read(c, rules: .literal, leavingOutSeen: false)
            let combined = read(c, rules: rules, leavingOutSeen: false)
            for learnt in combined where !literal.contains(learnt) {
                let judgement = judge(c, learnt)
                if judgement == .right { f.addedRight += 1 } else { f.addedNotStated += 1 }
                if judgement != .right {
                    lines.append(
                        "ADDED-\(judgement.rawValue) \(c.id) \(learnt.factKey)=\(learnt.optionIDs.joined(separator: ",")) | \(c.says)\n    by "
                            + loosened(c, key: learnt.factKey, rules: rules))
                }
            }
            for learnt in literal where !combined.contains(learnt) && judge(c, learnt) == .right {
                f.lost += 1
                lines.append(
                    "LOST \(c.id) \(learnt.factKey)=\(learnt.optionIDs.joined(separator: ",")) | \(c.says)\n    by "
                        + loosened(c, key: learnt.factKey, rules: rules))
            }
        }
        return f
    }

    /// The facts the chat's phrases take from `text` in `session`'s topic (`literal`: with the phrases as written only).
    public static func heard(_ text: String, session: Session, literal: Bool) -> [LearntFact] {
        let facts = session.relevantFacts
        let index = session.knowledge.phrases
        return FactExtractor.phraseFacts(
            words: PhraseMatcher.stems(text), tokens: PhraseMatcher.tokens(text), among: facts, entries: index.entries(for: facts),
            rules: literal ? .literal : .standard, common: index.common(for: facts)
        ).learnt
    }

    /// For a stated fact the phrases missed: the phrase of `option` whose words of meaning (folded stems, no stop words)
    /// the message holds the most of, with the share held and the words it lacks. All held: order or distance kept it
    /// from matching; some lacking: the wording differs (a synonym, a phrase missing, an implication).
    public static func nearest(_ text: String, session: Session, factID: String, option: String) -> (phrase: String, share: Double, lacking: [String])? {
        guard let fact = session.relevantFacts.first(where: { $0.localID == factID }) else { return nil }
        let held = Set(PhraseMatcher.foldedStems(text))
        var best: (String, Double, [String])?
        for entry in session.knowledge.phrases.entries(for: session.relevantFacts)
        where entry.fact.key == fact.key && entry.option.id == option {
            let meaning = entry.folded.filter { $0 != "*" && !StopWords.contains($0) && !$0.hasPrefix("#") }
            guard !meaning.isEmpty else { continue }
            let lacking = meaning.filter { !held.contains($0) }
            let share = Double(meaning.count - lacking.count) / Double(meaning.count)
            if best == nil || share > best!.1 || (share == best!.1 && meaning.count > 1 && lacking.count < best!.2.count) {
                best = (entry.phrase, share, lacking)
            }
        }
        return best.map { (phrase: $0.0, share: $0.1, lacking: $0.2) }
    }
}

extension PhraseGeneralisationEvaluation {
    /// Every case as one JSON line, for measuring another reader of facts outside Swift (`probity-bench
    /// --facts-encoder-dump`, read by `scripts/encoder-facts.py`): the message, the facts its council's advice uses
    /// with each option's label and phrases (and which of them occur in the message word for word), what the scenario
    /// states and what is true. Development scenarios only, as everything here. `groups`: the writer set of each case
    /// by id (`council/scenario`), written as `group` when known (for cross-validation that leaves one writer set out).
    public func jsonLines(groups: [String: String] = [:]) -> [String] {
        cases.map { c in
            let entries = index.entries(for: c.facts)
            let facts: [[String: Any]] = c.facts.map { fact in
                [
                    "key": fact.key, "multiple": fact.multiple, "prompt": fact.prompt.member,
                    "options": fact.options.map { option -> [String: Any] in
                        let phrases = entries.filter { $0.fact.key == fact.key && $0.option.id == option.id }.map(\.phrase)
                        return ["id": option.id, "label": option.label, "phrases": phrases, "seen": phrases.filter(c.seen.contains)]
                    },
                ]
            }
            // What the phrase matcher hears with the message's own phrases left out (the unseen reading), and with all.
            func heard(_ learnt: [LearntFact]) -> [String: [String]] {
                Dictionary(learnt.map { ($0.factKey, $0.optionIDs.sorted()) }, uniquingKeysWith: { a, _ in a })
            }
            var object: [String: Any] = [
                "id": c.id, "says": c.says, "facts": facts,
                "unseenHeard": heard(read(c, rules: .standard, leavingOutSeen: true)),
                "heard": heard(read(c, rules: .standard, leavingOutSeen: false)),
                "stated": c.stated.mapValues { $0.sorted() }, "truth": c.truth.mapValues { $0.sorted() },
            ]
            if let group = groups[c.id] { object["group"] = group }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
