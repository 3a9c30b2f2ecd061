/// A second copy of every transcript line, kept somewhere else as it is written (the council-wide store).
/// It receives each line exactly as the file holds it (its bytes, without the newline) and never changes it.
/// Sending must not hold up or stop the chat: a mirror that cannot send says so once (`takeNotice`) and the
/// local file remains the record until the rest is sent.
public protocol TranscriptMirror: AnyObject, Sendable {
    /// A new transcript file was opened in `directory`.
    func began(transcript: String, directory: String)
    /// One line, once it is in the local file.
    func send(transcript: String, seq: Int, line: [UInt8])
    /// The transcript was sealed: nothing more will be written to it.
    func ended(transcript: String)
    /// Where the copy goes, in words for the user (without any password).
    var destination: String { get }
    /// What to tell the user, the first time sending fails; nil otherwise.
    func takeNotice() -> String?
}
