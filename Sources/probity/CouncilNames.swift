import ArgumentParser
import ProbityKit

/// Councils named on the command line or in a settings file, resolved the same way by every command.
enum CouncilNames {
    /// The id of the council `text` names: exact, or an unambiguous prefix (said back on stderr); else a usage error.
    static func resolve(_ text: String, in knowledge: KnowledgeBase) throws -> String {
        switch knowledge.councilArgument(text) {
        case .exact(let id):
            return id
        case .prefix(let id, let typed):
            Output.error("Using \(id) (from '\(typed)').")
            return id
        case .unknown(let message):
            throw ValidationError(message)
        }
    }

    /// The council itself, for commands that take one as an argument.
    static func council(_ text: String, in knowledge: KnowledgeBase) throws -> Council {
        let id = try resolve(text, in: knowledge)
        guard let council = knowledge.council(id: id) else { throw ValidationError(knowledge.unknownCouncilMessage(text)) }
        return council
    }

    /// A settings file names a council that is not in the knowledge.
    static func unknownInSettings(_ setting: ConfigFiles.Setting<String>, knowledge: KnowledgeBase) -> String {
        "Your settings file \(setting.file) says council = \(setting.value), but \(knowledge.unknownCouncilMessage(setting.value)) "
            + "Correct the file, or give --council."
    }
}
