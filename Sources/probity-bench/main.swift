// probity-bench: routing accuracy on the held-out set, and in-process timings for routing and
// search on the shipped knowledge. Run it from the checkout, release build:
//   swift run -c release probity-bench [--misses]
import Foundation
import ProbityKit

let arguments = CommandLine.arguments.dropFirst()
// Without a flag it measures the older held-out set: asking for help must never do that by accident.
if arguments.contains(where: { ["--help", "-h", "help"].contains($0) }) {
    print(
        """
        usage: probity-bench [FLAGS]   (run from the checkout; see BENCHMARKS.md for each measure and its command)
          no flags            the older held-out routing set (aggregate figures) and in-process timings
          --dev …             development routing data only: cross-validation, dev, dev2, scenario messages
          --scenarios …       the scenario suite (--half dev for the development halves; --folder NAME)
                              --unknown: facts taken that a development scenario neither states nor answers;
                              --unknown-phrases: with the phrases that stated each one
          --heldout v2|v3     a blind held-out set, aggregate figures only (each run is a look: say so)
          --no-second-stage   with --dev or --heldout: without the sentence encoder's second opinion
          --facts, --facts-dump, --facts-meaning, --facts-unseen, --why, --triage, --tune, --parse-scaling, --store-latency
          --encode TEXT, --encode-reference FILE, --encode-lines IN OUT   the sentence-encoder spike (--encoder PATH, --threads N)
        """)
    exit(0)
}
if let i = arguments.firstIndex(of: "--store-latency") {
    let rest = Array(arguments[arguments.index(after: i)...])
    guard rest.count >= 3, let copies = Int(rest[2]) else {
        print("usage: probity-bench --store-latency URL TRANSCRIPT.jsonl COPIES")
        exit(64)
    }
    storeLatency(url: rest[0], template: rest[1], copies: copies)
    exit(0)
}
if arguments.contains(where: { ["--encode", "--encode-reference", "--encode-lines"].contains($0) }) {
    EncoderBench.run(arguments)
    exit(0)
}
let showMisses = arguments.contains("--misses")

/// `--set NAME=VALUE` (repeatable): a routing weight or threshold other than the standard one, for measuring an idea
/// without rebuilding (`--set background=0` measures without the background class).
func overridden() -> (RoutingWeights, RoutingThresholds) {
    var w = RoutingWeights.standard
    var t = RoutingThresholds.standard
    var i = arguments.startIndex
    while i < arguments.endIndex {
        defer { i = arguments.index(after: i) }
        guard arguments[i] == "--set", arguments.index(after: i) < arguments.endIndex else { continue }
        let pair = arguments[arguments.index(after: i)].split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2, let v = Double(pair[1]) else {
            print("bad --set \(pair)")
            exit(64)
        }
        switch pair[0] {
        case "minimumScore": t.minimumScore = v
        case "closeRatio": t.closeRatio = v
        case "background": w.background = v
        case "backgroundMargin": w.backgroundMargin = v
        case "backgroundTraining": w.backgroundTraining = v
        case "classifier": w.classifier = v
        case "classifierConcepts": w.classifierConcepts = v
        case "classifierEpochs": w.classifierEpochs = Int(v)
        case "classifierRate": w.classifierRate = v
        case "classifierL2": w.classifierL2 = v
        case "concepts": w.concepts = v
        case "conceptConfidence": w.conceptConfidence = v
        case "languageModel": w.languageModel = v
        case "clauses": w.clauses = v
        case "title": w.title = v
        case "summary": w.summary = v
        case "examples": w.examples = v
        case "scopeBonus": w.scopeBonus = v
        case "confidenceCap": w.confidenceCap = v
        case "temperature": w.temperature = v
        case "correction": w.correction = v
        case "vectors": w.vectors = v
        case "vectorNeighbours": w.vectorNeighbours = Int(v)
        case "vectorTemperature": w.vectorTemperature = v
        case "vectorConfidence": w.vectorConfidence = v
        case "vectorConfidenceFrom": w.vectorConfidenceFrom = v
        case "learned": w.learned = v == 1 ? .standard : v == 2 ? .refusalOnly : nil
        case "learnedShift": w.learnedShift = v
        case "secondStageMargin": w.secondStageMargin = v
        case "secondStageDoubtBelow": w.secondStageDoubtBelow = v
        case "secondStageBackground": w.secondStageBackground = v
        case "secondStageRescueFrom": w.secondStageRescueFrom = v
        case "secondStageRescue": w.secondStageRescue = v
        default:
            print("unknown weight \(pair[0])")
            exit(64)
        }
    }
    return (w, t)
}

/// --no-second-stage: the router without the sentence encoder's second opinion on unsure questions.
func secondStageChosen(_ router: Router) -> Router {
    if arguments.contains("--no-second-stage") { return router.withoutSecondStage() }
    if let problem = router.secondStage?.problem { print("second stage off: \(problem.message)") }
    return router
}

/// The development figures for one setting: cross-validation on the topics' examples, the development sets.
func developmentFigures(_ knowledge: KnowledgeBase, weights: RoutingWeights, thresholds: RoutingThresholds, label: String) {
    let folder = URL(fileURLWithPath: fixture).deletingLastPathComponent().path
    func read(_ name: String) -> String { (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
    let off = read("dev-off-topic.txt").split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        .map { RoutingEvaluation.Case(question: $0, expected: nil) }
    let dev = ((try? RoutingEvaluation.parse(read("dev.tsv"))) ?? []) + off
    let dev2 = (try? RoutingEvaluation.parse(read("dev2.tsv"))) ?? []
    // The development scenario files' first messages (Tests/Fixtures/scenarios/dev*.json, wholly development data),
    // each with the topic it is about.
    let scenarioFolder = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("scenarios").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarioFolder).filter { $0.hasPrefix("dev") && $0.hasSuffix(".json") }.sorted()) ?? []
    let dev3 = names.flatMap { name in
        ((try? ScenarioFile.load(scenarioFolder + "/" + name))?.scenarios ?? []).map { RoutingEvaluation.Case(question: $0.says, expected: $0.topic) }
    }
    let known = Set(knowledge.topics.map(\.id))
    // --fold-vectors DIR: DIR/fold-K.bin, vectors distilled without fold K's examples (distil-vectors.py --folds DIR).
    let foldVectors = option("--fold-vectors").map { dir in (0..<5).compactMap { readVectors(dir + "/fold-\($0).bin") } }
    // --unscoped: the router alone, without the scope catalogue's referrals (`ScopeReferral`).
    let scoped = !arguments.contains("--unscoped")
    let subjects = scoped ? knowledge.outOfScope : []
    let cv = RoutingEvaluation.crossValidate(
        knowledge: knowledge, folds: 5, thresholds: thresholds, weights: weights, foldVectors: foldVectors, scoped: scoped)
    let router = secondStageChosen(Router(knowledge: knowledge, thresholds: thresholds, weights: weights))
    let e1 = RoutingEvaluation(router: router, cases: dev, knownTopics: known, outOfScope: subjects)
    let e2 = RoutingEvaluation(router: router, cases: dev2, knownTopics: known, outOfScope: subjects)
    let e3 = RoutingEvaluation(router: router, cases: dev3, knownTopics: known, outOfScope: subjects)
    func f(_ e: RoutingEvaluation) -> String {
        String(
            format: "top-1 %.1f%% (%d) top-3 %.1f%% (%d) refused %d/%d, off %d/%d", e.topOneAccuracy * 100, e.topOne, e.topThreeAccuracy * 100, e.topThree,
            e.falseRejections, e.onTopic, e.offTopicRejected, e.offTopic)
    }
    print("\(label) | CV \(f(cv)) | dev \(f(e1)) | dev2 \(f(e2)) | scenarios \(f(e3))")
    // The background split by kind (CV holds out every fifth background question), and dev3's off-topic and out-of-scope
    // questions, set aside from the background text written for them and never trained on.
    let offTopicBackground = Set(backgroundOffTopic())
    let offTopicMissed = cv.misses.filter { $0.expected == nil && offTopicBackground.contains($0.question) }.count
    let heldOffTopic = knowledge.background.filter(offTopicBackground.contains).count
    let offTopicRefused = heldOffTopic - offTopicMissed
    let outOfScopeRefused = cv.offTopicRejected - offTopicRefused
    let dev3Off = RoutingEvaluation(
        router: router,
        cases: read("dev3-off-topic.txt").split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { RoutingEvaluation.Case(question: $0, expected: nil) }, knownTopics: known, outOfScope: subjects)
    let dev3Scope = RoutingEvaluation(
        router: router,
        cases: read("dev3-out-of-scope.tsv").split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .compactMap { $0.split(separator: "\t", maxSplits: 1).last.map { RoutingEvaluation.Case(question: String($0), expected: nil) } },
        knownTopics: known, outOfScope: subjects)
    print(
        "  CV background refused: off-topic \(offTopicRefused)/\(heldOffTopic), out of scope \(outOfScopeRefused)/\(cv.offTopic - heldOffTopic)"
            + " | dev3 off-topic refused \(dev3Off.offTopicRejected)/\(dev3Off.offTopic), out of scope not routed \(dev3Scope.offTopicRejected)/\(dev3Scope.offTopic)"
    )
    // --refused: the on-topic development messages refused (dev, dev2, scenarios), to compare two settings.
    if arguments.contains("--refused") {
        for miss in (e1.misses + e2.misses + e3.misses) where miss.expected != nil && miss.decision == "no match" {
            print("  refused [\(miss.expected ?? "")]: \(miss.question)")
        }
    }
    if arguments.contains("--dev3-misses") {
        for miss in dev3Off.misses + dev3Scope.misses { print("  dev3 routed: \(miss.question) → \(miss.decision)") }
    }
    if arguments.contains("--dev-misses") {
        print(e1.summary())
        print(e2.summary())
    }
    // --cv-confusion: the cross-validation's misses counted by (expected, routed) pair, most frequent first.
    if arguments.contains("--cv-confusion") {
        var pairs: [String: Int] = [:]
        for miss in cv.misses { pairs["\(miss.expected ?? "none") → \(miss.decision)", default: 0] += 1 }
        for (pair, n) in pairs.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) { print("\(n)\t\(pair)") }
    }
    if arguments.contains("--cv-misses") { print(cv.summary()) }
    if let path = option("--dump-features") {
        dumpFeatures(knowledge, weights: weights, foldVectors: foldVectors, cases: ["dev": dev, "dev2": dev2, "scenarios": dev3], to: path)
    }
}

/// The background's off-topic questions (`catalogue/background.json` → `offTopic`), to split the background by kind.
func backgroundOffTopic() -> [String] {
    guard let data = FileManager.default.contents(atPath: directory + "/catalogue/background.json"),
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [] }
    return json["offTopic"] as? [String] ?? []
}

/// `--dump-features FILE`: one JSON line per cross-validation case (with its fold) and per development case (fold −1,
/// the full router): its text, its expected topic's index (−1: none) and its ranking parts, for `scripts/fit-routing.py`.
func dumpFeatures(_ knowledge: KnowledgeBase, weights: RoutingWeights, foldVectors: [WordVectors]?, cases: [String: [RoutingEvaluation.Case]], to path: String)
{
    let ids = knowledge.topics.map(\.id)
    var lines: [String] = []
    func line(_ set: String, _ fold: Int, _ c: RoutingEvaluation.Case, _ p: RankingParts?) {
        let expected = c.expected.flatMap { ids.firstIndex(of: $0) } ?? -1
        guard let p else {
            lines.append("{\"set\":\"\(set)\",\"fold\":\(fold),\"expected\":\(expected),\"empty\":true}")
            return
        }
        func list(_ xs: [Double]) -> String { "[" + xs.map { $0.isFinite ? String($0) : "0" }.joined(separator: ",") + "]" }
        let text = (try? JSONEncoder().encode(c.question)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        lines.append(
            "{\"set\":\"\(set)\",\"fold\":\(fold),\"expected\":\(expected),\"text\":\(text),\"lm\":\(list(p.languageModel)),\"cls\":\(list(p.classifier)),"
                + "\"sim\":\(list(p.similarity)),\"bm25\":\(list(p.bm25)),\"conf\":\(list(p.confidence)),"
                + "\"matched\":\(list(p.matched.map { $0 ? 1 : 0 })),\"inScope\":\(p.inScope ? 1 : 0),\"unknown\":\(p.unknownShare),\"weight\":\(p.weight)}")
    }
    for (fold, c, p) in RoutingEvaluation.crossValidatedParts(knowledge: knowledge, weights: weights, foldVectors: foldVectors) { line("cv", fold, c, p) }
    let router = Router(knowledge: knowledge, weights: weights)
    for (set, list) in cases.sorted(by: { $0.key < $1.key }) { for c in list { line(set, -1, c, router.parts(c.question)) } }
    try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    print("wrote \(lines.count) cases to \(path)")
}
let directory = KnowledgeLocator.locate(explicit: nil)

/// The value after `name` on the command line.
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
}

/// A vectors file other than the shipped one (for measuring a distillation before shipping it).
func readVectors(_ path: String) -> WordVectors? {
    guard let data = FileManager.default.contents(atPath: path), let vectors = WordVectors(bytes: Array(data)) else {
        print("cannot read vectors \(path)")
        exit(64)
    }
    return vectors
}
let fixture = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/routing/held-out.tsv").path

func measure(_ label: String, repetitions: Int, _ body: () -> Void) -> Duration {
    let clock = ContinuousClock()
    var samples: [Duration] = []
    for _ in 0..<repetitions {
        samples.append(clock.measure(body))
    }
    samples.sort()
    let median = samples[samples.count / 2]
    print("\(label): median \(microseconds(median)) µs, best \(microseconds(samples[0])) µs (\(repetitions) runs)")
    return median
}

func microseconds(_ d: Duration) -> String {
    let us = Double(d.components.seconds) * 1_000_000 + Double(d.components.attoseconds) / 1_000_000_000_000
    return String(format: "%.1f", us)
}

/// Cross-validates routing weights on the topics' examples and sets the no-match threshold on the
/// development off-topic questions: never the held-out set.
func tune(_ knowledge: KnowledgeBase) {
    let devFile = URL(fileURLWithPath: fixture).deletingLastPathComponent().appendingPathComponent("dev-off-topic.txt").path
    let devQuestions = ((try? String(contentsOfFile: devFile, encoding: .utf8)) ?? "").split(separator: "\n")
        .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    let devOnTopic =
        (try? RoutingEvaluation.parse(
            String(
                contentsOfFile: URL(fileURLWithPath: devFile).deletingLastPathComponent()
                    .appendingPathComponent("dev.tsv").path, encoding: .utf8))) ?? []
    let devCases = devQuestions.map { RoutingEvaluation.Case(question: $0, expected: nil, line: 0) } + devOnTopic
    let known = Set(knowledge.topics.map(\.id))
    func run(_ label: String, _ weights: RoutingWeights, _ thresholds: RoutingThresholds = .standard) {
        let e = RoutingEvaluation.crossValidate(knowledge: knowledge, folds: 5, thresholds: thresholds, weights: weights)
        let router = Router(knowledge: knowledge, thresholds: thresholds, weights: weights)
        let dev = RoutingEvaluation(router: router, cases: devCases, knownTopics: known)
        print(
            String(
                format: "%@  CV top-1 %.1f%% top-3 %.1f%% rejected %d/%d | dev top-1 %.1f%% top-3 %.1f%% rejected %d/%d, off-topic rejected %d/%d", label,
                e.topOneAccuracy * 100, e.topThreeAccuracy * 100, e.falseRejections, e.onTopic,
                dev.topOneAccuracy * 100, dev.topThreeAccuracy * 100, dev.falseRejections, dev.onTopic,
                dev.offTopicRejected, dev.offTopic))
        if arguments.contains("--dev-misses") { print(dev.summary()) }
    }
    run("standard", .standard)
    if arguments.contains("--misses") {
        print(RoutingEvaluation.crossValidate(knowledge: knowledge, folds: 5).summary())
        let router = Router(knowledge: knowledge)
        for q in devQuestions {
            let ranked = router.rank(q, limit: 2)
            print("dev: \(ranked.first.map { "\($0.score) \($0.topicID)" } ?? "-")  \(q)")
        }
        return
    }
    if arguments.contains("--thresholds") {
        for bonus in [0.2, 0.3, 0.4, 0.5] {
            for m in [0.3, 0.35, 0.4, 0.45, 0.5] {
                var w = RoutingWeights.standard
                w.scopeBonus = bonus
                run("scopeBonus \(bonus) minimumScore \(m)", w, RoutingThresholds(minimumScore: m, closeRatio: 0.85))
            }
        }
        return
    }
    for epochs in [5, 10, 20] {
        for rate in [0.1, 0.3] {
            for l2 in [1e-4] {
                var w = RoutingWeights.standard
                w.classifierEpochs = epochs
                w.classifierRate = rate
                w.classifierL2 = l2
                run("epochs \(epochs) rate \(rate) l2 \(l2)", w)
            }
        }
    }
    for cl in [0.1, 0.3, 1.0] {
        var w = RoutingWeights.standard
        w.classifierClauses = cl
        run("classifierClauses \(cl)", w)
    }
    for mix in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
        for cc in [0.5, 1.0] {
            var w = RoutingWeights.standard
            w.classifier = mix
            w.classifierConcepts = cc
            run("classifier \(mix) concepts \(cc)", w)
        }
    }
    if arguments.contains("--classifier") { return }
    for c in [0.0, 1.0, 2.0, 3.0, 4.0] {
        var w = RoutingWeights.standard
        w.concepts = c
        run("concepts \(c)", w)
    }
    for mu in [0.0, 400.0, 1600.0, 6400.0] {
        var w = RoutingWeights.standard
        w.languageModel = mu
        run("languageModel \(mu)", w)
    }
    for c in [0.0, 0.1, 0.2, 0.4] {
        var w = RoutingWeights.standard
        w.clauses = c
        run("clauses \(c)", w)
    }
    for t in [1.0, 3.0, 6.0] {
        var w = RoutingWeights.standard
        w.title = t
        run("title \(t)", w)
    }
    for s in [0.5, 1.5, 3.0] {
        var w = RoutingWeights.standard
        w.summary = s
        run("summary \(s)", w)
    }
    for p in [0.0, 0.5] {
        var w = RoutingWeights.standard
        w.pairs = p
        run("pairs \(p)", w)
    }
}

if let i = arguments.firstIndex(of: "--parse-scaling") {
    // --parse-scaling [MB …]: the JSON parser's time against size (BENCHMARKS.md, issue 13); default 1, 10 and 100 MB.
    let sizes = arguments[arguments.index(after: i)...].compactMap { Int($0) }
    ParseScaling.run(knowledgeDirectory: directory, sizes: sizes.isEmpty ? [1, 10, 100] : sizes)
    exit(0)
}

do {
    var knowledge = try KnowledgeLoader.load(directory: directory)
    // --vectors FILE: route with these word vectors instead of the shipped catalogue/vectors.bin.
    if let path = option("--vectors") { knowledge = knowledge.with(topics: knowledge.topics, wordVectors: readVectors(path)) }
    print("knowledge: \(directory) — \(knowledge.topics.count) topics, \(knowledge.councils.count) councils")

    if let i = arguments.firstIndex(of: "--why"), arguments.index(after: i) < arguments.endIndex {
        let (w, t) = overridden()
        print(Router(knowledge: knowledge, thresholds: t, weights: w).explain(arguments[arguments.index(after: i)]))
        exit(0)
    }
    if arguments.contains("--dev") {
        let (w, t) = overridden()
        developmentFigures(knowledge, weights: w, thresholds: t, label: arguments.filter { $0.contains("=") }.joined(separator: " "))
        exit(0)
    }
    // --heldout v2 | v3 (--heldout-v2 is the same as --heldout v2): a blind held-out set, aggregate figures only.
    if let name = arguments.contains("--heldout-v2") ? "v2" : option("--heldout") {
        let folder = URL(fileURLWithPath: fixture).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("routing-heldout-" + name).path
        guard FileManager.default.fileExists(atPath: folder + "/on-topic.tsv") else {
            print("no held-out set at \(folder) (on-topic.tsv missing)")
            exit(1)
        }
        let set = try HeldOutSet(folder: folder)
        let (w, t) = overridden()
        let router = secondStageChosen(Router(knowledge: knowledge, thresholds: t, weights: w))
        let known = Set(knowledge.topics.map(\.id))
        print("held-out \(name), the router alone: " + set.figures(router, knownTopics: known).summary)
        print("held-out \(name), with the scope catalogue's referrals: " + set.figures(router, knownTopics: known, outOfScope: knowledge.outOfScope).summary)
        exit(0)
    }

    if arguments.contains("--profile-router") {
        for _ in 0..<200 { _ = Router(knowledge: knowledge) }
        exit(0)
    }
    if arguments.contains("--facts-meaning") {
        // Thresholds for hearing facts by meaning, chosen on the development halves only (both scenario folders).
        try factMeaningSweep(knowledge, directory: directory)
        exit(0)
    }
    if arguments.contains("--suggest") {
        // Answers proposed from the user's words: thresholds chosen on the development halves only (both scenario folders).
        try suggestionSweep(knowledge, directory: directory)
        exit(0)
    }
    if arguments.contains("--facts-dump") {
        try factsDump(knowledge, directory: directory)
        exit(0)
    }
    if let i = arguments.firstIndex(of: "--facts-encoder-dump"), arguments.index(after: i) < arguments.endIndex {
        // Every development scenario's message, facts, options, phrases and truth as JSON lines (scripts/encoder-facts.py).
        // Each line names its writer set (`group`: original, dev, dev2, dev3, dev4 …, blind), read once with the files.
        let byWriter = try developmentScenariosByWriter(directory: directory)
        let groups = Dictionary(byWriter.map { ("\($0.council)/\($0.scenario.id)", $0.writerSet) }, uniquingKeysWith: { first, _ in first })
        let evaluation = PhraseGeneralisationEvaluation(knowledge: knowledge, scenarios: byWriter.map { ($0.council, $0.scenario) })
        let path = arguments[arguments.index(after: i)]
        let lines = evaluation.jsonLines(groups: groups)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        print("wrote \(lines.count) development scenarios to \(path)")
        exit(0)
    }
    if arguments.contains("--facts-unseen") {
        // The phrase matcher's rules on wording nobody wrote, development halves only (both scenario folders).
        try phraseUnseenSweep(knowledge, directory: directory)
        exit(0)
    }
    if arguments.contains("--scenarios") {
        // --meaning standard, or --meaning SIM,MARGIN[,same[,COVER-FROM]]: facts heard by meaning as well as by phrase.
        var knowledge = knowledge
        // --synonyms COSINE: facts heard through near words (a word no phrase uses stands for the nearest phrase word).
        if let i = arguments.firstIndex(of: "--synonyms"), arguments.index(after: i) < arguments.endIndex {
            knowledge = knowledge.with(synonymNearness: Float(arguments[arguments.index(after: i)]))
        }
        if let i = arguments.firstIndex(of: "--meaning"), arguments.index(after: i) < arguments.endIndex {
            let parts = arguments[arguments.index(after: i)].split(separator: ",")
            knowledge = knowledge.with(
                factMeaning: parts.first == "standard"
                    ? .standard
                    : MeaningThresholds(
                        similarity: Float(parts[0]) ?? 1, margin: Float(parts.count > 1 ? parts[1] : "1") ?? 1,
                        eitherPolarity: parts.count < 3 || parts[2] != "same", coverFrom: parts.count > 3 ? Float(parts[3]) ?? 1 : 1))
        }
        // The scenario suite (Tests/Fixtures/scenarios), played through the conversation: the figures issue 9 asks for.
        // --folder NAME: another folder of Tests/Fixtures, such as scenarios-blind (written without seeing the trees or phrases).
        let folderName =
            arguments.firstIndex(of: "--folder").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
            ?? "scenarios"
        let folder = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/" + folderName).path
        let runner = ScenarioRunner(knowledge: knowledge)
        // --half dev: only the development half, with what was typed, for knowledge authors; --half test: the other half.
        let half = arguments.firstIndex(of: "--half").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
        var outcomes: [ScenarioOutcome] = []
        // --only PREFIX: the files whose names start with it (dev3, say: the history reading runs each set against its own knowledge).
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".json") && $0.hasPrefix(only ?? "") }).sorted() {
            let file = try ScenarioFile.load(folder + "/" + name)
            for scenario in file.scenarios where half == nil || (half == "dev") == scenario.isDevelopment {
                outcomes.append(runner.run(scenario, council: file.council))
            }
        }
        let report = ScenarioReport(outcomes: outcomes)
        // --asked FILE (development half only): every question asked, one a line: council/scenario, topic.fact, and
        // whether the scenario states it (for reading another proposer at the questions the chat puts: scripts/fact-model.py).
        if half == "dev", let i = arguments.firstIndex(of: "--asked"), arguments.index(after: i) < arguments.endIndex {
            let lines = outcomes.flatMap { o in
                o.asked.map { "\(o.council)/\(o.scenario.id)\t\(o.scenario.topic).\($0)\t\(o.scenario.stated[$0] == nil ? "unstated" : "stated")" }
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: arguments[arguments.index(after: i)], atomically: true, encoding: .utf8)
        }
        // Answers proposed at questions the scenario does not state (development half only, with what was typed).
        for o in outcomes where half == "dev" && !o.suggestedUnstated.isEmpty {
            print("\(o.council)/\(o.scenario.id): proposed an answer to what the user did not say: \(o.suggestedUnstated.joined(separator: ", "))")
            print("    typed: \(o.scenario.says)")
        }
        // --unknown (development half only): facts taken that the scenario neither states nor answers, to read by hand.
        for o in outcomes where half == "dev" && arguments.contains("--unknown") && !o.takenUnknown.isEmpty {
            print("\(o.council)/\(o.scenario.id): took what the scenario does not know: \(o.takenUnknown.joined(separator: ", "))")
            print("    typed: \(o.scenario.says)")
            // --unknown-phrases: with the phrases that state each one, to find the one to narrow.
            if arguments.contains("--unknown-phrases") {
                for line in UnknownFactPhrases.lines(o.takenUnknown, scenario: o.scenario, knowledge: knowledge) { print("      " + line) }
            }
        }
        for o in outcomes where !o.isRight || (showMisses && !o.routed) {
            print("\(o.council)/\(o.scenario.id) [\(o.scenario.role.rawValue), \(o.scenario.topic)]: \(o.problems.joined(separator: "; "))")
            if half == "dev" { print("    typed: \(o.scenario.says)") }
            // --answers (development half only): what the scenario states, answers and expects, to judge a wrong verdict.
            if half == "dev", arguments.contains("--answers") {
                func show(_ facts: [String: Scenario.FactAnswer]) -> String {
                    facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.options.joined(separator: ","))" }.joined(separator: " ")
                }
                print("    stated: \(show(o.scenario.stated)); answers: \(show(o.scenario.answers)); quoted: \(o.quoted.joined(separator: " "))")
                if let basis = o.scenario.basis { print("    basis: \(basis)") }
            }
        }
        let dev = ScenarioReport(outcomes: outcomes.filter(\.scenario.isDevelopment))
        let test = ScenarioReport(outcomes: outcomes.filter { !$0.scenario.isDevelopment })
        if half == nil { print("development half: \(dev.summary)\nmeasuring half: \(test.summary)") }
        print(report.summary)
        exit(0)
    }
    if arguments.contains("--triage") {
        // The decision model on development data only (dev.tsv, dev-off-topic.txt and the dev*-*.json scenario files):
        // single questions split or referred wrongly, off-topic ones offered a topic, pairs of questions split.
        let fixtures = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Tests/Fixtures").path
        let dev = try RoutingEvaluation.parse(String(contentsOfFile: fixtures + "/routing/dev.tsv", encoding: .utf8))
        let off = try String(contentsOfFile: fixtures + "/routing/dev-off-topic.txt", encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var scenarios: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures + "/scenarios").sorted() where name.hasPrefix("dev") {
            scenarios += try ScenarioFile.load(fixtures + "/scenarios/" + name).scenarios.map { ($0.says, $0.topic) }
        }
        let triage = QuestionTriage(router: Router(knowledge: knowledge), outOfScope: knowledge.outOfScope)
        for (label, onTopic) in [("dev.tsv", dev.compactMap { c in c.expected.map { (c.question, $0) } }), ("dev scenarios", scenarios)] {
            let e = TriageEvaluation(triage: triage, onTopic: onTopic, offTopic: label == "dev.tsv" ? off : [])
            print("\(label):\n" + e.summary)
            if showMisses {
                for q in e.falseSplits { print("  split: \(q)") }
                for q in e.falseReferrals { print("  referred: \(q)") }
                for q in e.offTopicChosen + e.offTopicShownNearest { print("  off-topic offered: \(q)") }
                for q in e.pairMisses.prefix(40) { print("  pair missed: \(q)") }
            }
        }
        exit(0)
    }
    if let i = arguments.firstIndex(of: "--facts") {
        // --facts TOPIC COUNCIL ROLE "TEXT": the facts the chat would take from TEXT, for knowledge authors.
        let rest = Array(arguments[arguments.index(after: i)...])
        guard rest.count >= 4, let role = Role(rawValue: rest[2]) else {
            print("usage: probity-bench --facts TOPIC COUNCIL member|officer \"TEXT\"")
            exit(64)
        }
        var session = try Session(knowledge: knowledge, council: rest[1], role: role)
        try session.begin(topicID: rest[0])
        for fact in session.learn(from: rest[3]) { print("\(fact.factKey) = \(FactValue.joined(fact.optionIDs))    (You said \(fact.says).)") }
        exit(0)
    }
    if arguments.contains("--tune") {
        tune(knowledge)
        exit(0)
    }

    var router: Router?
    _ = measure("build Router (index topics and cited clauses)", repetitions: 20) { router = Router(knowledge: knowledge) }
    var withoutClassifier = RoutingWeights.standard
    withoutClassifier.classifier = 0
    _ = measure("build Router without its classifier", repetitions: 20) { _ = Router(knowledge: knowledge, weights: withoutClassifier) }
    _ = measure("load the knowledge", repetitions: 10) { _ = try? KnowledgeLoader.load(directory: directory) }
    var search: ClauseSearch?
    _ = measure("build ClauseSearch (index every current clause)", repetitions: 20) { search = ClauseSearch(knowledge: knowledge) }

    let cases = try RoutingEvaluation.parse(String(contentsOfFile: fixture, encoding: .utf8))
    let evaluation = RoutingEvaluation(router: router!, cases: cases, knownTopics: Set(knowledge.topics.map(\.id)))
    print("\nrouting, held-out set \(fixture) (\(cases.count) questions):")
    print(evaluation.summary(showMisses: showMisses))

    print("")
    let questions = cases.map(\.question)
    let perQuestion = measure("route all \(questions.count) held-out questions", repetitions: 50) {
        for q in questions { _ = router!.route(q) }
    }
    print("  → \(microseconds(perQuestion / questions.count)) µs per question")

    let queries = [
        "blind copies", "need to know", "non-members", "\"need to know\"", "party group briefing confidential",
        "press release", "out of hours", "political assistant", "pre-election period", "monitoring officer",
    ]
    let perQueries = measure("search \(queries.count) queries", repetitions: 50) {
        for q in queries { _ = search!.search(q) }
    }
    print("  → \(microseconds(perQueries / queries.count)) µs per search")
} catch {
    FileHandle.standardError.write(Data("probity-bench: \(error)\n".utf8))
    exit(1)
}
