import Foundation
import ProbityKit

/// The development halves of both scenario folders (`Tests/Fixtures/scenarios`, `scenarios-blind`), never the measuring
/// halves: what the fact-hearing sweeps measure on. `filePrefix`: only the files whose names start with it.
/// `folders`: the scenario folders to read (both, unless told).
func developmentScenarios(
    directory: String, filePrefix: String = "", folders: [String] = ["scenarios", "scenarios-blind"]
) throws -> [(council: String, scenario: Scenario)] {
    try developmentScenariosByWriter(directory: directory, filePrefix: filePrefix, folders: folders).map { ($0.council, $0.scenario) }
}

/// The same, each with the writer set it came from: `blind` for the blind folder, `original` for a file named after its
/// council alone, else the file name's first word (`dev` for `dev-a-carlisle.json`, `dev3`, `dev4` …), so a new
/// set of files is a new writer set without a change here.
func developmentScenariosByWriter(
    directory: String, filePrefix: String = "", folders: [String] = ["scenarios", "scenarios-blind"]
) throws -> [(council: String, scenario: Scenario, writerSet: String)] {
    let fixtures = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Tests/Fixtures").path
    var scenarios: [(council: String, scenario: Scenario, writerSet: String)] = []
    for folder in folders {
        let path = fixtures + "/" + folder
        for name in try FileManager.default.contentsOfDirectory(atPath: path).filter({ $0.hasSuffix(".json") && $0.hasPrefix(filePrefix) }).sorted() {
            let file = try ScenarioFile.load(path + "/" + name)
            let stem = String(name.dropLast(".json".count))
            let writerSet =
                folder == "scenarios-blind" ? "blind" : stem == file.council ? "original" : String(stem.prefix { $0 != "-" })
            scenarios += file.scenarios.filter(\.isDevelopment).map { (file.council, $0, writerSet) }
        }
    }
    return scenarios
}
