/// Where a chat sends every event, in the order they happen: the transcript writer, or nowhere.
/// The chat calls `record` for each event before it shows the next prompt, and `finish` once,
/// after `.ended`, on every way a chat can end.
public protocol ConversationSink: AnyObject {
    /// For the greeting: where the conversation is recorded, or that it is not.
    var recordingNotice: String { get }
    /// Records one event. Returns something the user must be told at once (writing failed), or nil.
    func record(_ event: ConversationEvent) -> String?
    /// Makes what was recorded since the last commit durable (on the disk itself), before it is shown. Returns
    /// something the user must be told at once (it could not be), or nil.
    func commit() -> String?
    /// `save [FOLDER]` at a prompt: says where the record is, or carries it on in FOLDER. Returns what to tell the user.
    func save(to directory: String?) -> String
    /// Closes the record after `.ended`. Returns what to tell the user (where it was saved), or nil.
    func finish() -> String?
    /// After `finish`: the conversation was to be recorded but could not be saved anywhere (a runtime failure).
    var recordLost: Bool { get }
}

extension ConversationSink {
    public var recordLost: Bool { false }
    public func commit() -> String? { nil }
}

/// Records nothing: `--no-save`.
public final class DiscardingSink: ConversationSink {
    public init() {}
    public var recordingNotice: String { "This conversation is not being recorded (--no-save)." }
    public func record(_ event: ConversationEvent) -> String? { nil }
    public func save(to directory: String?) -> String {
        "This conversation is not being recorded (--no-save), so there is nothing to save."
    }
    public func finish() -> String? { nil }
}

/// Keeps every event in memory: for tests, and for anything that wants the whole conversation afterwards.
public final class CollectingSink: ConversationSink {
    public private(set) var events: [ConversationEvent] = []
    public private(set) var finished = false
    public init() {}
    public var recordingNotice: String { "This conversation is kept in memory only." }
    public func record(_ event: ConversationEvent) -> String? {
        events.append(event)
        return nil
    }
    public func save(to directory: String?) -> String { "Nothing is saved to disk here." }
    public func finish() -> String? {
        finished = true
        return nil
    }
}
