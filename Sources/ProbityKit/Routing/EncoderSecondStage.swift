import Foundation
import ProbityBytes
import ProbityEncoder

/// The routing's second stage (issue 12): when the hand-set order is unsure (its first topic leads the second by less
/// than `RoutingWeights.secondStageMargin`), the question is read by the sentence encoder and its topics ordered by the six-part
/// combination (`EncoderRoutingPart`). Only the order changes: whether any topic answers the question is decided as
/// before. Nothing is read until a question first needs it, so a clear question costs nothing more; when the part or
/// the encoder file is missing or unusable, routing goes on with the hand-set order (`validate` says why).
public final class EncoderSecondStage: @unchecked Sendable {
    /// What the stage runs with once read.
    struct Loaded {
        let part: EncoderRoutingPart
        let encoder: SentenceEncoder
    }

    /// Why the stage cannot run, for `validate`.
    public enum Problem: LocalizedError, Sendable, Equatable {
        /// The knowledge has no `catalogue/encoder-routing.json`: routing is hand-set only, as designed.
        case noPart
        /// The part's file is not one the stage can use.
        case badPart([KnowledgeIssue])
        /// The part's classes are not the catalogue's topics and background.
        case otherClasses
        /// The encoder file is not there (`scripts/fetch-encoder.sh` makes it).
        case noEncoder(path: String)
        /// The encoder file is there but cannot be used.
        case badEncoder(EncoderFileError)
    }

    private let directory: String
    private let topicIDs: [String]
    private let lock = NSLock()
    private var state: Result<Loaded, Problem>?
    /// The class log-probabilities of the texts read so far (23 numbers each, forgotten all at once past the limit):
    /// the chat routes a message, its parts and its rest without a subject's words, often the same text twice, and
    /// the measures route the same development messages in several ways.
    private var remembered: [String: [Double]] = [:]
    static let rememberedLimit = 4096

    /// The stage for the knowledge in `directory`, whose catalogue has these topics (in its order).
    init(directory: String, topicIDs: [String]) {
        self.directory = directory
        self.topicIDs = topicIDs
    }

    /// The part and encoder, read the first time they are asked for.
    var loaded: Loaded? {
        if case .success(let loaded) = load() { return loaded }
        return nil
    }

    /// Why the stage cannot run, or nil when it can.
    public var problem: Problem? {
        if case .failure(let problem) = load() { return problem }
        return nil
    }

    /// Whether the part and the encoder have been looked for yet.
    var hasRead: Bool {
        lock.lock()
        defer { lock.unlock() }
        return state != nil
    }

    private func load() -> Result<Loaded, Problem> {
        lock.lock()
        defer { lock.unlock() }
        if let state { return state }
        let read = Self.read(directory: directory, topicIDs: topicIDs)
        state = read
        return read
    }

    static func read(directory: String, topicIDs: [String]) -> Result<Loaded, Problem> {
        let partPath = directory + "/" + EncoderRoutingPart.file
        guard FileManager.default.fileExists(atPath: partPath) else { return .failure(.noPart) }
        let bytes: [UInt8]
        switch KnowledgeFileReader.read(partPath, file: EncoderRoutingPart.file) {
        case .success(let read): bytes = read
        case .failure(let error):
            return .failure(.badPart([KnowledgeIssue(file: EncoderRoutingPart.file, path: nil, message: error.localizedDescription)]))
        }
        let part: EncoderRoutingPart
        switch EncoderRoutingPart.decode(bytes) {
        case .success(let decoded): part = decoded
        case .failure(let error): return .failure(.badPart(error.issues))
        }
        guard part.classes == topicIDs + [EncoderRoutingPart.backgroundClass] else { return .failure(.otherClasses) }
        let encoderPath = directory + "/" + EncoderRoutingPart.encoderFile
        guard FileManager.default.fileExists(atPath: encoderPath) else { return .failure(.noEncoder(path: encoderPath)) }
        let encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder(path: encoderPath)
        } catch {
            return .failure(.badEncoder(error))
        }
        guard encoder.weights.configuration.hidden == part.dimensions else {
            return .failure(
                .badEncoder(
                    .badConfiguration(
                        file: encoderPath,
                        detail: "embeddings of \(encoder.weights.configuration.hidden) values, but \(EncoderRoutingPart.file) expects \(part.dimensions)")))
        }
        return .success(Loaded(part: part, encoder: encoder))
    }

    /// Each class's log-probability for `text` (the topics, then the background), or nil when the stage cannot run.
    func logProbabilities(_ text: String) -> [Double]? {
        guard let loaded else { return nil }
        return logProbabilities(text, loaded)
    }

    private func logProbabilities(_ text: String, _ loaded: Loaded) -> [Double] {
        lock.lock()
        let known = remembered[text]
        lock.unlock()
        if let known { return known }
        let found = loaded.part.logProbabilities(loaded.encoder.embedding(text))
        lock.lock()
        if remembered.count >= Self.rememberedLimit { remembered.removeAll(keepingCapacity: true) }
        remembered[text] = found
        lock.unlock()
        return found
    }

    /// Every document's six-part combined score for `text` (the topics, then the background), or nil when the stage
    /// cannot run.
    func combined(_ text: String, parts: RankingParts) -> [Double]? {
        guard let loaded else { return nil }
        let logProbabilities = logProbabilities(text, loaded)
        let w = loaded.part.ranking
        return parts.matched.indices.map { t in
            let encoded = t < logProbabilities.count ? max(-20, min(0, logProbabilities[t])) : -20
            let five = LearnedRouting.rankingFeatures(parts, t)
            return zip(w, five + [encoded]).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }
}

extension EncoderSecondStage.Problem {
    public var errorDescription: String? { message }

    /// What `validate` says, in words a knowledge author can act on.
    public var message: String {
        switch self {
        case .noPart: "\(EncoderRoutingPart.file) is not there: routing uses the hand-set order only"
        case .badPart(let issues): issues.map(\.description).joined(separator: "; ")
        case .otherClasses:
            "\(EncoderRoutingPart.file) was trained on other topics than the catalogue's: routing uses the hand-set order until scripts/encoder-routing-part.py --write trains it again"
        case .noEncoder(let path): "\(path) is not there: run scripts/fetch-encoder.sh (routing uses the hand-set order until then)"
        case .badEncoder(let error): error.localizedDescription
        }
    }
}

extension EncoderSecondStage {
    /// `validate`'s check of the second stage of the knowledge in `directory`: problems with the part or the encoder
    /// file are issues (the part read with positions, the encoder file's SHA-256 compared with the one the part was
    /// trained with); a missing encoder file, or a part trained on other topics, is only a note, since routing goes on
    /// without the stage.
    public static func validate(directory: String, topicIDs: [String]) -> (issues: [KnowledgeIssue], note: String?) {
        switch read(directory: directory, topicIDs: topicIDs) {
        case .failure(.noPart): return ([], nil)
        case .failure(.badPart(let issues)): return (issues, nil)
        case .failure(.noEncoder(let path)): return ([], EncoderSecondStage.Problem.noEncoder(path: path).message)
        // A topic added or taken out: the part is out of date, and routing goes on without it until it is trained again.
        case .failure(.otherClasses): return ([], EncoderSecondStage.Problem.otherClasses.message)
        case .failure(let problem): return ([KnowledgeIssue(file: EncoderRoutingPart.encoderFile, path: nil, message: problem.message)], nil)
        case .success(let loaded):
            guard let storage = ByteStorage(mapping: directory + "/" + EncoderRoutingPart.encoderFile) else { return ([], nil) }
            var hash = SHA256()
            hash.update(buffer: storage.buffer)
            let found = hash.finalize().hexString
            guard found == loaded.part.encoderSHA256 else {
                return (
                    [
                        KnowledgeIssue(
                            file: EncoderRoutingPart.encoderFile, path: nil,
                            message:
                                "its SHA-256 is \(found), but \(EncoderRoutingPart.file) was trained with \(loaded.part.encoderSHA256): run scripts/fetch-encoder.sh (or train the part again)"
                        )
                    ], nil
                )
            }
            return ([], nil)
        }
    }
}
