extension ConversationEvent {
    /// Advice as recorded: the verdict, headline, summary, each step with what it rests on, and the full text
    /// of every clause quoted. Fields added after the first format are optional, so older records still read.
    public struct Advised: Sendable, Equatable, Codable {
        public var topic: String
        public var node: String
        public var council: String
        public var protocolVersion: String
        public var verdict: String
        public var headline: String
        public var quotes: [Quote]
        public var summary: String? = nil
        public var steps: [Step]? = nil
        public var silent: Bool? = nil
        /// The names shown with it, so that a record reads without the knowledge.
        public var topicTitle: String? = nil
        public var councilName: String? = nil

        /// A clause quoted in full: its id, reference, heading and words, the label shown, the notes shown
        /// beside it, and why the topic quotes it.
        public struct Quote: Sendable, Equatable, Codable {
            public var clause: String
            public var reference: String
            public var heading: String
            public var text: String
            public var label: String? = nil
            public var notes: [String]? = nil
            public var note: String? = nil

            public init(_ quote: QuotedClause) {
                clause = quote.clause.id
                reference = quote.clause.fullReference
                heading = quote.clause.heading
                text = quote.clause.text
                label = quote.label
                notes = quote.clause.notes.isEmpty ? nil : quote.clause.notes
                note = quote.note
            }
        }

        /// One thing to do: its words, the clauses it rests on (as cited), or that it is practical guidance the
        /// protocol does not contain; and the fact the user gave that brought it in. Records of the first format
        /// hold each step as one string with its provenance at the end: read as `text` alone.
        public struct Step: Sendable, Equatable, Codable {
            public var text: String
            public var references: [String]? = nil
            public var practical: Bool? = nil
            public var because: String? = nil
            /// True when it rules out part of what the user said they would do; absent otherwise.
            public var caution: Bool? = nil

            public init(text: String, references: [String]? = nil, practical: Bool? = nil, because: String? = nil, caution: Bool? = nil) {
                self.text = text
                self.references = references
                self.practical = practical
                self.because = because
                self.caution = caution
            }

            public init(_ step: AdviceStepResult) {
                self.init(
                    text: step.text, references: step.references, practical: step.isPractical, because: step.because,
                    caution: step.isCaution ? true : nil)
            }

            private enum Keys: String, CodingKey { case text, references, practical, because, caution }

            public init(from decoder: any Decoder) throws {
                if let legacy = try? decoder.singleValueContainer().decode(String.self) {
                    self.init(text: legacy)
                    return
                }
                let c = try decoder.container(keyedBy: Keys.self)
                self.init(
                    text: try c.decode(String.self, forKey: .text), references: try c.decodeIfPresent([String].self, forKey: .references),
                    practical: try c.decodeIfPresent(Bool.self, forKey: .practical), because: try c.decodeIfPresent(String.self, forKey: .because),
                    caution: try c.decodeIfPresent(Bool.self, forKey: .caution))
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(text, forKey: .text)
                try c.encodeIfPresent(references, forKey: .references)
                try c.encodeIfPresent(practical, forKey: .practical)
                try c.encodeIfPresent(because, forKey: .because)
                try c.encodeIfPresent(caution, forKey: .caution)
            }

            var isCaution: Bool { caution ?? false }

            /// The step with what it rests on, as the chat prints it.
            public var withProvenance: String {
                guard let practical else { return text }  // a first-format record: already in the text
                return AdviceStepResult(
                    text: text, references: references ?? [], isPractical: practical, because: because, isCaution: caution ?? false
                ).withProvenance
            }
        }

        public init(_ advice: AdviceResult) {
            topic = advice.topicID
            node = advice.nodeID
            council = advice.councilID
            protocolVersion = advice.protocolVersion
            verdict = advice.verdict.rawValue
            headline = advice.headline
            quotes = advice.quotes.map(Quote.init)
            summary = advice.summary
            steps = advice.steps.map(Step.init)
            silent = advice.silent
            topicTitle = advice.topicTitle
            councilName = advice.councilName
        }
    }
}
