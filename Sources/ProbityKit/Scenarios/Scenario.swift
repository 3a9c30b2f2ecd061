import Foundation
import ProbityBytes

/// A situation as a councillor or officer would type it, with the truth about it and what correct advice must say:
/// written from a council's protocol, apart from the advice trees, to measure the chat against.
public struct Scenario: Sendable, Decodable {
    public var id: String
    public var role: Role
    public var topic: String
    /// What the user types first.
    public var says: String
    /// Facts `says` states unambiguously (fact id → option id, or several): the chat must never ask these.
    public var stated: [String: FactAnswer]
    /// Truthful answers to the other questions the situation settles.
    public var answers: [String: FactAnswer]
    /// Verdicts a correct answer may give.
    public var verdicts: [String]
    /// Clause ids that must be quoted.
    public var mustQuote: [String]
    public var basis: String?
    /// Set for every scenario of a file written as development data (`"purpose": "development"`).
    public var inDevelopmentFile = false

    /// One option id, or several for a fact that takes several.
    public struct FactAnswer: Sendable, Decodable, Equatable {
        public var options: [String]
        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            // "a,b" (as `FactValue` joins several answers) is two answers, as ["a", "b"] is.
            let written = try (try? container.decode(String.self)).map { [$0] } ?? container.decode([String].self)
            options = written.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
    }

    /// Half the suite, chosen by the id's digest, is for development: knowledge authors may look at how it fares.
    /// The other half is for measuring only, so the figures show how Probity does on situations nobody tuned it for.
    public var isDevelopment: Bool {
        inDevelopmentFile || (Int(SHA256.hex(id).prefix(2), radix: 16) ?? 0) % 2 == 0
    }

    enum CodingKeys: String, CodingKey { case id, role, topic, says, stated, answers, verdicts, mustQuote, basis }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let roleText = try c.decode(String.self, forKey: .role)
        guard let role = Role(rawValue: roleText) else {
            throw DecodingError.dataCorruptedError(forKey: .role, in: c, debugDescription: "a role is member or officer, not \(roleText)")
        }
        self.role = role
        topic = try c.decode(String.self, forKey: .topic)
        says = try c.decode(String.self, forKey: .says)
        stated = try c.decodeIfPresent([String: FactAnswer].self, forKey: .stated) ?? [:]
        answers = try c.decodeIfPresent([String: FactAnswer].self, forKey: .answers) ?? [:]
        verdicts = try c.decode([String].self, forKey: .verdicts)
        mustQuote = try c.decode([String].self, forKey: .mustQuote)
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
    }
}

/// One council's scenarios (`Tests/Fixtures/scenarios/<council>.json`), or development data (`"purpose": "development"`:
/// situations written to improve the knowledge against, all of them in the development half).
public struct ScenarioFile: Sendable, Decodable {
    public var council: String
    public var purpose: String?
    public var scenarios: [Scenario]

    public static func load(_ path: String) throws -> ScenarioFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var file = try JSONDecoder().decode(ScenarioFile.self, from: data)
        if file.purpose == "development" {
            for i in file.scenarios.indices { file.scenarios[i].inDevelopmentFile = true }
        }
        return file
    }
}

extension Scenario {
    /// The key of one of this scenario's facts (named by its local id): a shared fact's own key, else the topic's.
    public func factKey(_ local: String, in knowledge: KnowledgeBase) -> String {
        knowledge.sharedFacts.contains { $0.key == local } ? local : "\(topic).\(local)"
    }

    /// Answers named by local id, keyed by fact key, each with its options.
    public func keyed(_ answers: [String: FactAnswer], in knowledge: KnowledgeBase) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: answers.map { local, answer in (factKey(local, in: knowledge), Set(answer.options)) })
    }
}
