import Foundation
import Testing

@testable import ProbityKit

/// The shipped topics against the catalogue in shared/PRODUCT.md (as data in Tests/Fixtures/catalogue.json):
/// every topic for every council, citing at least the clauses the catalogue lists.
@Suite struct CatalogueTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge

    struct Catalogue: Decodable {
        var clauses: [String: [String: [String]]]
        var generalPrinciples: [String: [String]]
    }

    static let catalogue: Catalogue = {
        let data = FileManager.default.contents(atPath: Paths.fixtures + "/catalogue.json") ?? Data()
        return (try? JSONDecoder().decode(Catalogue.self, from: data)) ?? Catalogue(clauses: [:], generalPrinciples: [:])
    }()

    static let topicIDs = catalogue.clauses.keys.sorted()

    @Test func everyCatalogueTopicIsShipped() {
        #expect(Self.catalogue.clauses.count == 22)
        let shipped = Set(Self.knowledge.topics.map(\.id))
        for id in Self.topicIDs { #expect(shipped.contains(id), "topic \(id) is missing") }
    }

    /// Every clause of `council` quoted by some advice that a member or officer of that council can reach.
    private func quotedByReachableAdvice(_ topic: Topic, _ council: String) throws -> Set<String> {
        var quoted = Set<String>()
        for role in Role.allCases {
            var start = try Session(knowledge: Self.knowledge, council: council, role: role)
            start.begin(topic: topic)
            var stack = [start]
            while let session = stack.popLast() {
                switch session.step {
                case .question(let q)?:
                    for option in q.options {
                        var next = session
                        try next.answer(option.id)
                        stack.append(next)
                    }
                case .advice(let advice)?:
                    quoted.formUnion(advice.quotes.map(\.clause.id))
                default:
                    break
                }
            }
        }
        return quoted
    }

    /// Walks every path and collects the clauses the advice quotes: they must include the catalogue's.
    @Test(arguments: topicIDs)
    func adviceQuotesTheCatalogueClauses(topicID: String) throws {
        let topic = try #require(Self.knowledge.topic(id: topicID))
        for (councilID, required) in Self.catalogue.clauses[topicID] ?? [:] {
            let council = try #require(Self.knowledge.council(id: councilID))
            let ids = council.clauses.map(\.id)
            let have = try quotedByReachableAdvice(topic, councilID)
            for spec in required {
                if spec.hasSuffix("*") {
                    let prefix = String(spec.dropLast())
                    #expect(have.contains { $0.hasPrefix(prefix) }, "\(topicID) cites no \(councilID) clause \(spec)")
                } else if let range = spec.range(of: "..") {
                    let from = String(spec[..<range.lowerBound])
                    let to = String(spec[range.upperBound...])
                    let start = try #require(ids.firstIndex(of: from), "\(councilID) has no clause \(from)")
                    let end = try #require(ids.firstIndex(of: to), "\(councilID) has no clause \(to)")
                    for id in ids[start...end] where council.clause(id: id)?.isAdvisory == true {
                        #expect(have.contains(id), "\(topicID) does not cite \(councilID) \(id) (catalogue: \(spec))")
                    }
                } else {
                    #expect(have.contains(spec), "\(topicID) does not cite \(councilID) \(spec)")
                }
            }
        }
    }

    /// Walks every path of every topic for every council and role, and checks each advice reached:
    /// a verdict and steps, quotes only of that council, each quote the clause's own text.
    @Test(arguments: topicIDs)
    func everyPathEndsInAdviceQuotingOnlyThatCouncil(topicID: String) throws {
        let topic = try #require(Self.knowledge.topic(id: topicID))
        for council in Self.knowledge.councils {
            var silentSeen = false
            var advised = 0
            for role in Role.allCases {
                var start = try Session(knowledge: Self.knowledge, council: council.id, role: role)
                start.begin(topic: topic)
                var stack = [start]
                while var session = stack.popLast() {
                    switch session.step {
                    case .question(let q)?:
                        #expect(q.kind == .topic)
                        #expect(q.options.count >= 2)
                        #expect(!q.whyClauses.isEmpty, "\(topicID)/\(q.nodeID ?? "") gives \(council.id) no clause for why it asks")
                        for option in q.options {
                            var next = session
                            try next.answer(option.id)
                            stack.append(next)
                        }
                    case .advice(let advice)?:
                        advised += 1
                        silentSeen = silentSeen || advice.silent
                        #expect(!advice.quotes.isEmpty && !advice.steps.isEmpty, "\(topicID)/\(advice.nodeID)")
                        for quote in advice.quotes {
                            #expect(quote.councilID == council.id)
                            #expect(quote.clause.text == council.clause(id: quote.clause.id)?.text)
                        }
                        _ = session.back()
                    case .noRoute(let text)?:
                        Issue.record("\(topicID) for \(council.id)/\(role): \(text)")
                    case nil:
                        Issue.record("no topic")
                    }
                }
            }
            #expect(advised > 0)
            if Self.catalogue.generalPrinciples[topicID]?.contains(council.id) == true {
                #expect(
                    silentSeen, "\(topicID): the catalogue says \(council.id)'s protocol has only general principles here; some advice should say so (silent)")
            }
        }
    }

    @Test(arguments: topicIDs)
    func hasVariedExamplePhrasings(topicID: String) throws {
        let topic = try #require(Self.knowledge.topic(id: topicID))
        #expect(topic.examples.count >= 10)
        let folded = Set(topic.examples.map { $0.lowercased().filter(\.isLetter) })
        #expect(folded.count == topic.examples.count, "\(topicID) repeats an example")
    }
}
