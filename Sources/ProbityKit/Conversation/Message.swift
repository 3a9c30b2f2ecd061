/// Something Probity says in its own words, with any words of the user's it repeats kept apart, so that a
/// record can be redacted by leaving those parts out and nothing else.
///
/// Written as a string literal: `"\(Conversation.quoted(text)) isn't one of the answers."`; an interpolated
/// `Echo` is the user's words, anything else is Probity's.
public struct Message: Sendable, Equatable, Codable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Sendable, Equatable, Codable {
        /// Probity's own words.
        case say(String)
        /// Words the user typed, repeated back in quotes (shortened when shown).
        case typed(String)

        private enum Keys: String, CodingKey { case say, typed }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            if let text = try container.decodeIfPresent(String.self, forKey: .typed) {
                self = .typed(text)
            } else {
                self = .say(try container.decode(String.self, forKey: .say))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .say(let text): try container.encode(text, forKey: .say)
            case .typed(let text): try container.encode(text, forKey: .typed)
            }
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// Recorded as its parts: `[{"say":"…"},{"typed":"…"}]`.
    public init(from decoder: any Decoder) throws {
        parts = try decoder.singleValueContainer().decode([Part].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(parts)
    }

    /// Probity's own words, whole.
    public init(_ text: String) { parts = text.isEmpty ? [] : [.say(text)] }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { say(literal) }

        public mutating func appendInterpolation(_ echo: Echo) { parts.append(.typed(echo.text)) }

        public mutating func appendInterpolation(_ message: Message) {
            for part in message.parts {
                if case .say(let text) = part { say(text) } else { parts.append(part) }
            }
        }

        public mutating func appendInterpolation<T>(_ value: T) { say("\(value)") }

        private mutating func say(_ text: String) {
            guard !text.isEmpty else { return }
            if case .say(let previous)? = parts.last {
                parts[parts.count - 1] = .say(previous + text)
            } else {
                parts.append(.say(text))
            }
        }
    }

    /// The message as shown: each echo in quotes, shortened to `echoLimit` characters.
    public func text(echoLimit: Int = 60) -> String {
        parts.map { part in
            switch part {
            case .say(let text): text
            case .typed(let text): Echo.quote(text, limit: echoLimit)
            }
        }.joined()
    }

    public var description: String { text() }

    /// The user's words it repeats.
    public var echoes: [String] {
        parts.compactMap { if case .typed(let text) = $0 { text } else { nil } }
    }

    /// The same message with the user's words replaced by `marker`.
    public func redacted(_ marker: String) -> Message {
        Message(parts: parts.map { if case .typed = $0 { .say(marker) } else { $0 } })
    }
}

/// Words the user typed, repeated back in a message. Interpolated into a plain `String` rather than a `Message`,
/// it reads as it is shown (in quotes, kept short), but is then no longer kept apart from Probity's words.
public struct Echo: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }

    public var description: String { Self.quote(text, limit: 60) }

    /// In quotes, and kept short: `"my neighbour Gerald…"`.
    static func quote(_ text: String, limit: Int) -> String {
        let short = text.count > limit ? String(text.prefix(max(limit - 3, 1))) + "..." : text
        return "\"\(short)\""
    }
}
