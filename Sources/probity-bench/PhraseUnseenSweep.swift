import Foundation
import ProbityKit

/// `probity-bench --facts-unseen`: how far the phrase matcher's rules reach wording nobody wrote, on the development
/// halves of both scenario folders (never the measuring halves). `--rules literal|standard|e,w,o` picks the rules
/// (equivalents, wide gaps, free order); `--lines` prints each miss and each fact added or lost, with the message.
func phraseUnseenSweep(_ knowledge: KnowledgeBase, directory: String) throws {
    let scenarios = try developmentScenarios(directory: directory)
    let evaluation = PhraseGeneralisationEvaluation(knowledge: knowledge, scenarios: scenarios, strict: arguments.contains("--strict"))
    var settings: [(String, PhraseRules)] = [
        ("literal", .literal), ("equivalents", PhraseRules(equivalents: true)), ("wide gaps", PhraseRules(wideGaps: true)),
        ("free order", PhraseRules(freeOrder: true)), ("standard", .standard),
    ]
    if let i = arguments.firstIndex(of: "--rules"), arguments.index(after: i) < arguments.endIndex {
        let spec = arguments[arguments.index(after: i)]
        let parts = Set(spec.split(separator: ","))
        settings = [
            (
                spec,
                spec == "literal"
                    ? .literal
                    : spec == "standard"
                        ? .standard : PhraseRules(equivalents: parts.contains("e"), wideGaps: parts.contains("w"), freeOrder: parts.contains("o"))
            )
        ]
    }
    print("\(scenarios.count) development scenarios")
    for (label, rules) in settings {
        var lines: [String] = []
        let figures = evaluation.figures(rules, lines: &lines)
        if arguments.contains("--lines") { for line in lines.sorted() { print(line) } }
        print("\(label): \(figures)")
    }
}

/// `probity-bench --facts-dump [--literal]`: every development message of both scenario folders with the facts the chat
/// takes from it, one line each, to compare two states of the knowledge or the matcher (`diff`): any fact newly taken
/// that the scenario does not state is to be looked at. `--literal` hears with the phrases as written only.
func factsDump(_ knowledge: KnowledgeBase, directory: String) throws {
    // --only PREFIX: the files whose names start with it (dev3, say).
    let only = arguments.firstIndex(of: "--only").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
    for (council, scenario) in try developmentScenarios(directory: directory, filePrefix: only ?? "") {
        var session = try Session(knowledge: knowledge, council: council, role: scenario.role)
        try session.begin(topicID: scenario.topic)
        let learnt = PhraseGeneralisationEvaluation.heard(scenario.says, session: session, literal: arguments.contains("--literal"))
        let stated = Set(scenario.stated.map { "\($0.key)=\($0.value.options.sorted().joined(separator: ","))" })
        let said = learnt.map { fact -> String in
            let local = "\(Fact.localID(ofKey: fact.factKey))=\(fact.optionIDs.sorted().joined(separator: ","))"
            return stated.contains(local) ? local : local + " (NOT STATED)"
        }
        let taken = Set(learnt.map { "\(Fact.localID(ofKey: $0.factKey))=\($0.optionIDs.sorted().joined(separator: ","))" })
        // A stated fact of the topic that was not taken (it would be asked, if the advice asks it).
        let topicFacts = Set(session.relevantFacts.map(\.localID))
        let missed = stated.filter { !taken.contains($0) && topicFacts.contains(String($0.split(separator: "=")[0])) }
        var all = said + missed.sorted().map { $0 + " (MISSED)" }
        // --nearest: for each fact missed, the phrase of its option nearest the message, by words held.
        if arguments.contains("--nearest") {
            for m in missed.sorted() {
                let parts = m.split(separator: "=").map(String.init)
                for option in parts[1].split(separator: ",").map(String.init) {
                    guard let n = PhraseGeneralisationEvaluation.nearest(scenario.says, session: session, factID: parts[0], option: option) else {
                        continue
                    }
                    all.append(
                        String(format: "NEAREST %@=%@ %.2f \"%@\" lacking %@", parts[0], option, n.share, n.phrase, n.lacking.joined(separator: " ")))
                }
            }
        }
        print("\(council)/\(scenario.id): \(all.joined(separator: "; ")) | \(scenario.says)")
    }
}
