/// How loosely a fact option's phrase may meet the words of a message, beyond the same stems in the same order with a
/// word or two between them (`literal`). Each loosening was chosen on development scenarios only, and checked against
/// every development message for facts taken that the message does not state (`probity-bench --facts-unseen`).
public struct PhraseRules: Sendable, Equatable {
    /// Words of council vocabulary that say the same thing are one word on both sides ("reporter" meets "journalist").
    public var equivalents: Bool
    /// A phrase word that few phrases use may stand further from the one before it than an everyday word may.
    public var wideGaps: Bool
    /// A phrase of two words of meaning meets them either way round ("the group's briefing", "a briefing for the group").
    public var freeOrder: Bool

    public init(equivalents: Bool = false, wideGaps: Bool = false, freeOrder: Bool = false) {
        self.equivalents = equivalents
        self.wideGaps = wideGaps
        self.freeOrder = freeOrder
    }

    /// The same stems in the same order, as the phrases were first matched.
    public static let literal = PhraseRules()
    /// What the chat uses.
    public static let standard = PhraseRules(equivalents: true, wideGaps: true, freeOrder: true)
}
