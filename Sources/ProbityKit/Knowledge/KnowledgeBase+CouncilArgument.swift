/// A council named on a command line: its id exactly, or the start of exactly one id.
extension KnowledgeBase {
    public enum CouncilArgument: Sendable, Equatable {
        /// The id as typed.
        case exact(String)
        /// The one id that begins with what was typed: say which ("carlisle (from 'car')").
        case prefix(String, typed: String)
        /// Not a council: the message says what was meant or what there is.
        case unknown(message: String)
    }

    public func councilArgument(_ text: String) -> CouncilArgument {
        let typed = text.lowercased()
        if councilIDs.contains(typed) { return .exact(typed) }
        let starting = typed.isEmpty ? [] : councilIDs.filter { $0.hasPrefix(typed) }
        if starting.count == 1 { return .prefix(starting[0], typed: text) }
        if starting.count > 1 {
            return .unknown(message: "\"\(text)\" is the start of more than one council's id: \(starting.joined(separator: ", ")). Type more of it.")
        }
        return .unknown(message: unknownCouncilMessage(text))
    }
}
