/// What Probity decides to do with a question typed in plain words: go into one topic, ask which of a few
/// was meant, or say it has no advice (with where the rule lives when the subject is one the protocols do not
/// cover). One model for `probity ask` and the chat.
public struct QuestionDecision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A clear topic: go straight into it.
        case topic(RouteScore)
        /// Close topics: ask which was meant.
        case choose([RouteScore])
        /// No topic: the nearest ones only where they are plausibly what was meant, and the referral when the
        /// question is about a subject the protocols do not cover.
        case none(nearest: [RouteScore], referral: OutOfScopeSubject?)
        /// Not a question: a chat command, or a slip for one (`topcis` is `topics`), as the chat would take it. Never
        /// routed.
        case command(String)
    }

    public var outcome: Outcome
    /// Every topic ranked against the whole question, best first (what `probity ask` lists).
    public var ranked: [RouteScore]
    /// A message that asks about two topics: its two parts. The outcome is then the first part's topic.
    public var split: QuestionSplit?
    /// A subject the protocols do not cover that the question mentions on the way to a topic it still routes to
    /// ("does the code of conduct apply on the outside body I sit on?"): said in passing, where its rule lives.
    public var aside: OutOfScopeSubject? = nil

    /// `topic`, `choose` or `none`, as `probity ask --json` says it.
    public var name: String {
        switch outcome {
        case .topic: "topic"
        case .choose: "choose"
        case .none, .command: "none"
        }
    }

    /// The chat command the text is (or nearly is), if that is why nothing was routed.
    public var command: String? {
        if case .command(let command) = outcome { return command }
        return nil
    }

    /// The subject outside the protocols the question is about, if that is why no topic was chosen.
    public var referral: OutOfScopeSubject? {
        if case .none(_, let referral) = outcome { return referral }
        return nil
    }
}

/// One message, two questions: each part routes clearly, to different topics.
public struct QuestionSplit: Sendable, Equatable {
    public var first: String
    public var firstTopic: RouteScore
    public var second: String
    public var secondTopic: RouteScore
    /// When the second part alone is close between topics: the choice (`secondTopic` is its first); empty when clear.
    public var secondChoices: [RouteScore] = []

    /// The second part's subject in words: its topic, or for a close choice the first two ("seeing a document or
    /// information, or perhaps changing or rejecting an officer's report"), each starting lower case.
    public var secondSubject: String {
        secondTopics.prefix(2).map { $0.title.lowercasedFirst() }.joined(separator: ", or perhaps ")
    }

    /// The topics the second part may be about: its one clear topic, or the close choice.
    public var secondTopics: [RouteScore] { secondChoices.isEmpty ? [secondTopic] : secondChoices }
}
