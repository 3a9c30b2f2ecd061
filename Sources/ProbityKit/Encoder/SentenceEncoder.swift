import Foundation

/// A sentence encoder of the BERT family (all-MiniLM-L6-v2, exported by `scripts/export-encoder.py`) run in Swift:
/// WordPiece tokens; word, position and token-type embeddings and a LayerNorm; the transformer layers (12-head
/// self-attention, a GELU feed-forward block, each with a residual LayerNorm); the mean of the last layer's token
/// vectors, scaled to length 1 — what sentence-transformers computes for one text. A spike (issue 12): not used by
/// routing.
public struct SentenceEncoder: Sendable {
    public let weights: EncoderWeights
    let tokenizer: WordPieceTokenizer

    public init(weights: EncoderWeights) {
        self.weights = weights
        tokenizer = WordPieceTokenizer(vocabulary: weights.vocabulary, maxTokens: weights.configuration.maxTokens)
    }

    /// The encoder whose weights are in the file at `path`.
    public init(path: String) throws(EncoderFileError) {
        self.init(weights: try EncoderWeights(path: path))
    }

    /// The ids of `text`'s tokens, [CLS] and [SEP] included, cut to the most tokens the encoder reads.
    public func tokenIDs(_ text: String) -> [Int32] { tokenizer.ids(text) }

    /// The unit-length embedding of `text`.
    public func embedding(_ text: String) -> [Float] { embedding(ids: tokenIDs(text)) }

    /// The unit-length embedding of a text already tokenised: 1 to `maxTokens` ids, each in the vocabulary.
    public func embedding(ids: [Int32]) -> [Float] {
        let config = weights.configuration
        precondition(!ids.isEmpty && ids.count <= config.maxTokens, "\(ids.count) tokens, at most \(config.maxTokens)")
        precondition(ids.allSatisfy { $0 >= 0 && Int($0) < config.vocabularySize }, "a token id outside the vocabulary")
        let n = ids.count
        let h = config.hidden
        let scratch = Scratch(rows: n, hidden: h, intermediate: config.intermediate)
        defer { scratch.release() }
        let x = scratch.x
        for (t, id) in ids.enumerated() {
            let row = x + t * h
            let position = weights.positionEmbeddings.row(t)
            let type = weights.typeEmbeddings.row(0)
            for i in 0..<h { row[i] = position[i] + type[i] }
            weights.wordEmbeddings.add(row: Int(id), to: row)
        }
        let epsilon = config.layerNormEpsilon
        EncoderKernels.layerNorm(x, rows: n, width: h, weights.embeddingNorm, epsilon: epsilon)
        for layer in weights.layers {
            dense(x, rows: n, layer.query, into: scratch.q)
            dense(x, rows: n, layer.key, into: scratch.k)
            dense(x, rows: n, layer.value, into: scratch.v)
            EncoderKernels.attention(
                q: scratch.q, k: scratch.k, v: scratch.v, rows: n, width: h, heads: config.heads, into: scratch.context,
                scores: scratch.scores)
            dense(scratch.context, rows: n, layer.output, into: scratch.q)
            for i in 0..<n * h { x[i] += scratch.q[i] }
            EncoderKernels.layerNorm(x, rows: n, width: h, layer.attentionNorm, epsilon: epsilon)
            dense(x, rows: n, layer.intermediate, into: scratch.inner)
            EncoderKernels.gelu(scratch.inner, count: n * config.intermediate)
            dense(scratch.inner, rows: n, layer.down, into: scratch.q)
            for i in 0..<n * h { x[i] += scratch.q[i] }
            EncoderKernels.layerNorm(x, rows: n, width: h, layer.outputNorm, epsilon: epsilon)
        }
        var pooled = [Float](repeating: 0, count: h)
        for t in 0..<n {
            for i in 0..<h { pooled[i] += x[t * h + i] }
        }
        let norm = pooled.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? pooled.map { $0 / norm } : pooled
    }

    private func dense(_ x: UnsafeMutablePointer<Float>, rows n: Int, _ layer: DenseLayer, into out: UnsafeMutablePointer<Float>) {
        EncoderKernels.dense(x, rows: n, layer, outputs: 0..<layer.weight.rows, into: out)
    }
}

/// The working rows of one encoding, in one allocation.
private struct Scratch {
    let x, q, k, v, context, inner, scores: UnsafeMutablePointer<Float>
    private let memory: UnsafeMutablePointer<Float>

    init(rows n: Int, hidden h: Int, intermediate: Int) {
        memory = .allocate(capacity: 5 * n * h + n * intermediate + n)
        x = memory
        q = x + n * h
        k = q + n * h
        v = k + n * h
        context = v + n * h
        inner = context + n * h
        scores = inner + n * intermediate
    }

    func release() { memory.deallocate() }
}
