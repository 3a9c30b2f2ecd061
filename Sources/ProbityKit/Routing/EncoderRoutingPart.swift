import Foundation

/// The routing's second stage as `catalogue/encoder-routing.json` holds it (issue 12; written by
/// `scripts/encoder-routing-part.py --write` on development data only): a logistic regression over the sentence
/// encoder's embeddings of the topics' routing text and the background, and the six-part order used instead of the
/// hand-set one when that order's first topic leads the second by less than `RoutingWeights.secondStageMargin`.
public struct EncoderRoutingPart: Sendable, Equatable {
    /// The catalogue's topic ids in its order, then the background class.
    public let classes: [String]
    /// Coefficients over the language model, the classifier, the similarity, BM25F, the confidence and the
    /// regression's log-probability (cut to [−20, 0]).
    public let ranking: [Double]
    /// The SHA-256 of the encoder file the regression was trained with (`validate` checks it).
    public let encoderSHA256: String
    let intercepts: [Double]
    /// One row of `dimensions` weights per class.
    let weights: [Float]
    let dimensions: Int

    public static let file = "catalogue/encoder-routing.json"
    /// Made by `scripts/fetch-encoder.sh`, never committed.
    public static let encoderFile = "catalogue/encoder.bin"
    static let backgroundClass = "(background)"

    /// The part in `bytes`, named `file` in its issues; the issues instead when it cannot be used.
    static func decode(_ bytes: [UInt8], file: String = Self.file) -> Result<EncoderRoutingPart, KnowledgeError> {
        let issues = IssueCollector(file: file)
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes: bytes)
        } catch {
            return .failure(KnowledgeError(issues: [KnowledgeIssue(file: file, path: nil, message: error.message, position: error.position)]))
        }
        guard let object = JSONObjectReader(root, path: JSONPath(), issues: issues) else { return .failure(KnowledgeError(issues: issues.issues)) }
        object.rejectUnknownKeys(allowed: ["about", "encoderSHA256", "classes", "ranking", "intercepts", "weights"])
        let sha = object.string("encoderSHA256")
        let classes = object.stringArray("classes")
        let ranking = object.numberArray("ranking")
        let intercepts = object.numberArray("intercepts")
        let rows = object.array("weights") { value, path in JSONObjectReader.numbers(value, at: path, issues: issues) }
        guard let sha, let classes, let ranking, let intercepts, let rows else { return .failure(KnowledgeError(issues: issues.issues)) }
        if ranking.count != 6 {
            issues.report(JSONPath().appending("ranking"), "expected 6 coefficients, found \(ranking.count)", at: object["ranking"]?.position)
        }
        if classes.last != backgroundClass {
            issues.report(JSONPath().appending("classes"), "the last class must be \"\(backgroundClass)\"", at: object["classes"]?.position)
        }
        if intercepts.count != classes.count || rows.count != classes.count {
            issues.report(
                JSONPath().appending("weights"),
                "\(classes.count) classes but \(intercepts.count) intercepts and \(rows.count) rows of weights", at: object["weights"]?.position)
        }
        let dimensions = rows.first?.count ?? 0
        if dimensions == 0 || rows.contains(where: { $0.count != dimensions }) {
            issues.report(
                JSONPath().appending("weights"), "every row of weights must have the same number of values, at least one", at: object["weights"]?.position)
        }
        guard issues.issues.isEmpty else { return .failure(KnowledgeError(issues: issues.issues)) }
        return .success(
            EncoderRoutingPart(
                classes: classes, ranking: ranking, encoderSHA256: sha, intercepts: intercepts,
                weights: rows.flatMap { $0.map(Float.init) }, dimensions: dimensions))
    }

    /// Each class's log-probability for a unit-length embedding (`dimensions` values).
    func logProbabilities(_ embedding: [Float]) -> [Double] {
        precondition(embedding.count == dimensions, "an embedding of \(embedding.count) values, expected \(dimensions)")
        var logits = intercepts
        weights.withUnsafeBufferPointer { w in
            for c in logits.indices {
                var sum: Float = 0
                let row = c * dimensions
                for i in 0..<dimensions { sum += w[row + i] * embedding[i] }
                logits[c] += Double(sum)
            }
        }
        let top = logits.max() ?? 0
        let total = log(logits.reduce(0) { $0 + exp($1 - top) }) + top
        return logits.map { $0 - total }
    }
}
