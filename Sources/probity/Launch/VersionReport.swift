import ProbityKit

/// `probity --version`: Probity's version, then what it knows: the knowledge's fingerprint and each council's protocol.
enum VersionReport {
    static func text(knowledgeDirectory: String) -> String {
        var lines = ["probity \(Probity.version)"]
        guard let knowledge = try? KnowledgeLoader.load(directory: knowledgeDirectory, councils: .all) else {
            lines.append("knowledge: none usable in \(knowledgeDirectory) (run `probity validate` to see why)")
            return lines.joined(separator: "\n")
        }
        lines.append("knowledge: \(knowledgeDirectory)")
        lines.append("fingerprint: sha256:\(knowledge.fingerprint)")
        for council in knowledge.councils {
            let others = knowledge.versions(of: council.id).filter { $0.version != council.version }.map(\.version)
            let older = others.isEmpty ? "" : " (also \(others.joined(separator: ", ")))"
            lines.append("  \(council.id): \(council.versionLabel)\(older)")
        }
        return lines.joined(separator: "\n")
    }
}
