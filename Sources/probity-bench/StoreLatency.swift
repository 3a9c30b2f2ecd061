import Foundation
import ProbityBytes
import ProbityKit

/// `probity-bench --store-latency URL FILE.jsonl N`: sends the lines of a real transcript to the store N times over,
/// each copy re-chained under a new id, one INSERT per line as the chat sends them, and prints the per-line
/// latency (median, 99th percentile): how long the chat waits for the store before showing the next prompt.
func storeLatency(url: String, template: String, copies: Int) {
    let text = (try? String(contentsOfFile: template, encoding: .utf8)) ?? ""
    let bodies = text.split(separator: "\n").map { line -> String in
        String(line[..<line.range(of: ",\"sha256\":\"", options: .backwards)!.lowerBound])
    }
    guard !bodies.isEmpty else {
        print("no lines in \(template)")
        return
    }
    let store = TranscriptStore(StoreAddress(url))
    let clock = ContinuousClock()
    var samples: [Duration] = []
    for copy in 0..<copies {
        let id = String(format: "20260101T000000Z-%08x", copy + Int.random(in: 0..<0x7000_0000))
        var previous = RecordCoding.genesisDigest
        for (index, original) in bodies.enumerated() {
            var body = original
            if index == 0 {
                body = body.replacingOccurrences(of: #""id":"[^"]*""#, with: "\"id\":\"\(id)\"", options: .regularExpression)
            }
            if let range = body.range(of: #""prev":"[0-9a-f]{64}""#, options: .regularExpression) {
                body.replaceSubrange(range, with: "\"prev\":\"\(previous)\"")
            }
            let line = Array((body + ",\"sha256\":\"" + SHA256.hex(Array((body + "}").utf8)) + "\"}").utf8)
            previous = SHA256.hex(line)
            let start = clock.now
            do {
                try store.send(transcript: id, seq: index + 1, line: line)
            } catch {
                print("line \(index + 1) of copy \(copy): \(error)")
                return
            }
            samples.append(clock.now - start)
        }
    }
    samples.sort()
    func ms(_ d: Duration) -> String { String(format: "%.3f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
    print(
        "\(samples.count) lines (\(copies) transcripts of \(bodies.count) lines): median \(ms(samples[samples.count / 2])), "
            + "p99 \(ms(samples[min(samples.count - 1, samples.count * 99 / 100)])), max \(ms(samples[samples.count - 1]))")
}
