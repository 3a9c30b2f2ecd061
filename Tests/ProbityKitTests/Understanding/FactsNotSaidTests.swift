import Foundation
import Testing

@testable import ProbityKit

/// Messages in which a fact must not be taken (Tests/Fixtures/facts-not-said.tsv): each was found by trying the chat,
/// where a phrase named something (a panel, a board) without stating the fact. A fact taken that the user never said
/// is worse than a question asked again.
@Suite struct FactsNotSaidTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge

    struct Case: Sendable, CustomTestStringConvertible {
        let line: Int
        let topic: String
        let fact: String
        let option: String
        let message: String
        var testDescription: String { "facts-not-said.tsv:\(line)" }
    }

    static let cases: [Case] = {
        let text = (try? String(contentsOfFile: Paths.fixtures + "/facts-not-said.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { n, line in
            let fields = line.split(separator: "\t").map(String.init)
            guard !line.hasPrefix("#"), fields.count == 3, let eq = fields[1].firstIndex(of: "=") else { return nil }
            return Case(
                line: n + 1, topic: fields[0], fact: String(fields[1][..<eq]), option: String(fields[1][fields[1].index(after: eq)...]),
                message: fields[2])
        }
    }()

    @Test func theFileHasCases() {
        #expect(!Self.cases.isEmpty)
    }

    @Test(arguments: cases) func theFactIsNotTaken(_ c: Case) throws {
        let topic = try #require(Self.knowledge.topic(id: c.topic), "no topic \(c.topic)")
        let facts = Self.knowledge.facts(of: topic)
        let fact = try #require(facts.first { $0.localID == c.fact || $0.key == c.fact }, "no fact \(c.fact) in \(c.topic)")
        #expect(fact.option(id: c.option) != nil, "no option \(c.option) of \(c.fact)")
        let learnt = FactExtractor.facts(in: c.message, among: facts).filter { $0.factKey == fact.key }
        #expect(!learnt.contains { $0.optionIDs.contains(c.option) }, "took \(c.fact)=\(c.option) from: \(c.message)")
    }
}
