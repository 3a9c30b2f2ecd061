/// A subject the member/officer protocols do not cover (gifts and hospitality, declaring interests…), from
/// `catalogue/out-of-scope.json`: the words that signal it, and a plain reply naming where its rules live
/// and pointing to the Monitoring Officer.
public struct OutOfScopeSubject: Sendable, Equatable {
    /// Lower-case letters, digits and `-`; what a council's `council.json` names under `outOfScope`.
    public var id: String
    /// "Gifts and hospitality".
    public var title: String
    /// Where the rules on it live, as a phrase: "the Code of Conduct and the register of gifts and hospitality".
    public var ruleLivesIn: String
    /// The reply, in plain words: that the protocol does not cover it, where the rule lives, ask the Monitoring Officer.
    public var reply: String
    /// Phrases that signal the subject, matched as fact phrases are (whole words in order, `*` up to three words).
    public var signals: [String]
    var file: String = "catalogue/out-of-scope.json"
    var position: SourcePosition? = nil

    public init(id: String, title: String, ruleLivesIn: String, reply: String, signals: [String]) {
        self.id = id
        self.title = title
        self.ruleLivesIn = ruleLivesIn
        self.reply = reply
        self.signals = signals
    }

    public static func == (a: OutOfScopeSubject, b: OutOfScopeSubject) -> Bool {
        a.id == b.id && a.title == b.title && a.ruleLivesIn == b.ruleLivesIn && a.reply == b.reply && a.signals == b.signals
    }
}
