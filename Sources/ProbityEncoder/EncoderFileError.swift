import Foundation

/// Why a sentence encoder's weights file (written by `scripts/export-encoder.py`) cannot be used.
public enum EncoderFileError: LocalizedError, Sendable, Equatable {
    /// Missing, a folder, empty, or not readable by this user.
    case unreadable(file: String)
    /// Shorter than its header, or than the sections its header names.
    case truncated(file: String, detail: String)
    /// Not an encoder file at all.
    case badMagic(file: String)
    /// An encoder file of a format version this binary does not read.
    case unsupportedVersion(file: String, version: Int)
    /// The header's sizes are not ones the encoder can run (zero, too large, or not fitting together).
    case badConfiguration(file: String, detail: String)
    /// A section the encoder needs is not in the file.
    case missingSection(file: String, name: String)
    /// A section has another type or shape than the header's sizes call for.
    case wrongShape(file: String, name: String, expected: String, found: String)
    /// The vocabulary's sections do not describe a vocabulary (offsets out of order, ids out of range, unsorted).
    case badVocabulary(file: String, detail: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file): "\(file) cannot be read as an encoder file (check that it exists and its permissions)"
        case .truncated(let file, let detail): "\(file) is truncated: \(detail)"
        case .badMagic(let file): "\(file) is not a Probity encoder file (made by scripts/export-encoder.py)"
        case .unsupportedVersion(let file, let version):
            "\(file) is an encoder file of format version \(version); this binary reads version \(EncoderWeights.version)"
        case .badConfiguration(let file, let detail): "\(file) has sizes the encoder cannot run: \(detail)"
        case .missingSection(let file, let name): "\(file) has no section \"\(name)\""
        case .wrongShape(let file, let name, let expected, let found):
            "\(file): section \"\(name)\" is \(found), expected \(expected)"
        case .badVocabulary(let file, let detail): "\(file) has a broken vocabulary: \(detail)"
        }
    }
}
