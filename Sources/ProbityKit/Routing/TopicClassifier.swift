import Foundation

/// A multinomial logistic regression over the topics, trained when the index is built on each
/// topic's example phrasings, title and summary: it learns which words tell topics apart
/// ("rude" does, "ward" hardly) rather than only how often each topic uses them.
struct TopicClassifier: Sendable {
    private(set) var weights: [Double]  // class-major: weights[c * features + f]
    private(set) var bias: [Double]
    let classes: Int
    let features: Int

    struct Example {
        var features: [(Int, Double)]
        var label: Int
        var weight: Double = 1
    }

    /// A trained model read back from a router snapshot.
    init(weights: [Double], bias: [Double], classes: Int, features: Int) {
        self.weights = weights
        self.bias = bias
        self.classes = classes
        self.features = features
    }

    init(examples: [Example], classes: Int, features: Int, epochs: Int = 40, rate: Double = 0.3, l2: Double = 1e-3) {
        self.classes = classes
        self.features = features
        weights = [Double](repeating: 0, count: max(classes * features, 1))
        bias = [Double](repeating: 0, count: classes)
        guard classes > 1, !examples.isEmpty else { return }
        // A fixed shuffle, so that the same knowledge always trains the same model.
        var order = Array(examples.indices)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var probabilities = [Double](repeating: 0, count: classes)
        for epoch in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(i, Int(seed >> 33) % (i + 1))
            }
            let step = rate / (1 + Double(epoch) * 0.1)
            for index in order {
                let example = examples[index]
                scores(example.features, into: &probabilities)
                softmax(&probabilities)
                for c in 0..<classes {
                    let gradient = example.weight * (probabilities[c] - (c == example.label ? 1 : 0))
                    bias[c] -= step * gradient
                    let base = c * features
                    for (f, x) in example.features {
                        weights[base + f] -= step * (gradient * x + l2 * weights[base + f])
                    }
                }
            }
        }
    }

    func scores(_ x: [(Int, Double)], into result: inout [Double]) {
        for c in 0..<classes {
            var z = bias[c]
            let base = c * features
            for (f, value) in x where f < features { z += weights[base + f] * value }
            result[c] = z
        }
    }

    /// The probability of each topic given the features.
    func probabilities(_ x: [(Int, Double)]) -> [Double] {
        var result = [Double](repeating: 0, count: classes)
        scores(x, into: &result)
        softmax(&result)
        return result
    }

    private func softmax(_ z: inout [Double]) {
        let top = z.max() ?? 0
        var sum = 0.0
        for i in z.indices {
            z[i] = exp(z[i] - top)
            sum += z[i]
        }
        for i in z.indices { z[i] /= sum }
    }
}
