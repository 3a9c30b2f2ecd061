import Foundation
import ProbityKit

/// The development halves of both scenario folders (`Tests/Fixtures/scenarios`, `scenarios-blind`), never the measuring
/// halves: what the fact-hearing sweeps measure on. `filePrefix`: only the files whose names start with it.
/// `folders`: the scenario folders to read (both, unless told).
func developmentScenarios(
    directory: String, filePrefix: String = "", folders: [String] = ["scenarios", "scenarios-blind"]
) throws -> [(council: String, scenario: Scenario)] {
    let fixtures = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Tests/Fixtures").path
    var scenarios: [(council: String, scenario: Scenario)] = []
    for folder in folders {
        let path = fixtures + "/" + folder
        for name in try FileManager.default.contentsOfDirectory(atPath: path).filter({ $0.hasSuffix(".json") && $0.hasPrefix(filePrefix) }).sorted() {
            let file = try ScenarioFile.load(path + "/" + name)
            scenarios += file.scenarios.filter(\.isDevelopment).map { (file.council, $0) }
        }
    }
    return scenarios
}
