import Foundation

/// A sentence encoder of the BERT family (all-MiniLM-L6-v2, exported by `scripts/export-encoder.py`) run in Swift:
/// WordPiece tokens; word, position and token-type embeddings and a LayerNorm; the transformer layers (12-head
/// self-attention, a GELU feed-forward block, each with a residual LayerNorm); the mean of the last layer's token
/// vectors, scaled to length 1 — what sentence-transformers computes for one text. A spike (issue 12): not used by
/// routing.
public struct SentenceEncoder: Sendable {
    public let weights: EncoderWeights
    let tokenizer: WordPieceTokenizer
    /// How many threads share each matrix product (its output rows split between them); 1 by default.
    public var threads = 1

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
        // The matrix products take four rows at a time: they run on n rounded up, the extra rows zeros whose
        // outputs nothing reads (attention, the residuals and the mean use the first n rows only).
        let padded = (n + 3) / 4 * 4
        let h = config.hidden
        let scratch = Scratch(rows: padded, hidden: h, intermediate: config.intermediate, threads: max(threads, 1))
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
            dense(x, rows: padded, layer.query, into: scratch.q, scratch: scratch)
            dense(x, rows: padded, layer.key, into: scratch.k, scratch: scratch)
            dense(x, rows: padded, layer.value, into: scratch.v, scratch: scratch)
            EncoderKernels.attention(
                q: scratch.q, k: scratch.k, v: scratch.v, rows: n, width: h, heads: config.heads, into: scratch.context,
                scores: scratch.scores)
            dense(scratch.context, rows: padded, layer.output, into: scratch.q, scratch: scratch)
            for i in 0..<n * h { x[i] += scratch.q[i] }
            EncoderKernels.layerNorm(x, rows: n, width: h, layer.attentionNorm, epsilon: epsilon)
            dense(x, rows: padded, layer.intermediate, into: scratch.inner, scratch: scratch)
            EncoderKernels.gelu(scratch.inner, count: padded * config.intermediate)
            dense(scratch.inner, rows: padded, layer.down, into: scratch.q, scratch: scratch)
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

    private func dense(
        _ x: UnsafeMutablePointer<Float>, rows n: Int, _ layer: DenseLayer, into out: UnsafeMutablePointer<Float>, scratch: Scratch
    ) {
        let rows = layer.weight.rows
        let parts = min(max(threads, 1), rows / 2)
        guard parts > 1 else {
            EncoderKernels.dense(x, rows: n, layer, outputs: 0..<rows, into: out, buffer: scratch.weights)
            return
        }
        // Each thread writes only its own outputs and its own part of the weights buffer.
        let shared = SharedRows(x: x, out: out, buffer: scratch.weights, stride: 2 * scratch.widest)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            // Even boundaries, so that each part's rows pair up as the kernel takes them.
            let range = (rows * part / parts) & ~1..<(part == parts - 1 ? rows : (rows * (part + 1) / parts) & ~1)
            EncoderKernels.dense(
                shared.x, rows: n, layer, outputs: range, into: shared.out, buffer: shared.buffer + part * shared.stride)
        }
    }
}

/// The rows one matrix product reads and writes, handed to the threads that share it.
private struct SharedRows: @unchecked Sendable {
    let x: UnsafeMutablePointer<Float>
    let out: UnsafeMutablePointer<Float>
    let buffer: UnsafeMutablePointer<Float>
    let stride: Int
}

/// The working rows of one encoding, in one allocation.
private struct Scratch {
    let x, q, k, v, context, inner, scores, weights: UnsafeMutablePointer<Float>
    /// The longest weight row: each thread's part of `weights` holds two.
    let widest: Int
    private let memory: UnsafeMutablePointer<Float>

    init(rows n: Int, hidden h: Int, intermediate: Int, threads: Int) {
        widest = max(h, intermediate)
        let count = 5 * n * h + n * intermediate + n + 2 * widest * threads
        memory = .allocate(capacity: count)
        memory.initialize(repeating: 0, count: count)
        x = memory
        q = x + n * h
        k = q + n * h
        v = k + n * h
        context = v + n * h
        inner = context + n * h
        scores = inner + n * intermediate
        weights = scores + n
    }

    func release() { memory.deallocate() }
}
