import Foundation
import ProbityEncoder
import ProbityKit

/// The sentence-encoder spike (issue 12): `probity-bench --encode TEXT` (time and first values of one embedding),
/// `--encode-reference FILE` (parity with the Python model's embeddings), `--encode-lines IN OUT` (an embedding per
/// line of IN, as JSON lines, for scripts); `--threads N` splits each matrix product between N threads. The weights come from `--encoder PATH`, else $PROBITY_ENCODER, else
/// /tmp/encoder.bin (made by scripts/export-encoder.py).
enum EncoderBench {
    static func run(_ arguments: ArraySlice<String>) {
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
        }
        let path = option("--encoder") ?? ProcessInfo.processInfo.environment["PROBITY_ENCODER"] ?? "/tmp/encoder.bin"
        let clock = ContinuousClock()
        let started = clock.now
        var encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder(path: path)
            encoder.threads = Int(option("--threads") ?? "1") ?? 1
        } catch {
            print(error.localizedDescription)
            exit(1)
        }
        let loaded = clock.now - started
        if let text = option("--encode") {
            let ids = encoder.tokenIDs(text)
            let first = clock.now
            let vector = encoder.embedding(ids: ids)
            let once = clock.now - first
            let repeats = Int(option("--repeat") ?? "0") ?? 0
            var line = "\(ids.count) tokens; load \(milliseconds(loaded)), first embedding \(milliseconds(once))"
            if repeats > 0 {
                let again = clock.now
                let cpu = processorTime()
                for _ in 0..<repeats { _ = encoder.embedding(ids: ids) }
                line += ", mean of \(repeats) more \(milliseconds((clock.now - again) / repeats))"
                line += String(format: " (CPU %.2f ms)", (processorTime() - cpu) * 1000 / Double(repeats))
            }
            print(line)
            print(vector.prefix(8).map { String(format: "%.5f", $0) }.joined(separator: " "))
        } else if let file = option("--encode-reference") {
            reference(file, encoder: encoder)
        } else if let i = arguments.firstIndex(of: "--encode-lines"), arguments.index(i, offsetBy: 2) < arguments.endIndex {
            let input = arguments[arguments.index(after: i)]
            let output = arguments[arguments.index(i, offsetBy: 2)]
            let text = (try? String(contentsOfFile: input, encoding: .utf8)) ?? ""
            var out = ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            let begun = clock.now
            for line in lines {
                let vector = encoder.embedding(String(line))
                out += "[" + vector.map { String(format: "%.6f", $0) }.joined(separator: ",") + "]\n"
            }
            print("\(lines.count) lines in \(milliseconds(clock.now - begun))")
            FileManager.default.createFile(atPath: output, contents: Data(out.utf8))
        }
    }

    struct Reference: Decodable {
        struct Case: Decodable {
            let text: String
            let ids: [Int32]
            let embedding: [Float]
        }
        let cases: [Case]
    }

    static func reference(_ file: String, encoder: SentenceEncoder) {
        guard let data = FileManager.default.contents(atPath: file), let reference = try? JSONDecoder().decode(Reference.self, from: data)
        else {
            print("cannot read \(file)")
            exit(1)
        }
        var cosines: [Float] = []
        var tokenMismatches = 0
        let clock = ContinuousClock()
        let begun = clock.now
        for c in reference.cases {
            let ids = encoder.tokenIDs(c.text)
            if ids != c.ids {
                tokenMismatches += 1
                print("tokens differ: \(c.text.prefix(60).debugDescription)\n  swift  \(ids.prefix(30))\n  python \(c.ids.prefix(30))")
            }
            let vector = encoder.embedding(ids: c.ids)
            let cosine = zip(vector, c.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            cosines.append(cosine)
        }
        let worst = cosines.indices.min { cosines[$0] < cosines[$1] } ?? 0
        print(
            "\(reference.cases.count) texts in \(milliseconds(clock.now - begun)); token ids differ for \(tokenMismatches); cosine min "
                + String(format: "%.5f", cosines[worst]) + " (\(reference.cases[worst].text.prefix(40).debugDescription)), mean "
                + String(format: "%.5f", cosines.reduce(0, +) / Float(cosines.count)))
    }

    /// The process's CPU time so far, in seconds (every thread's): what a busy machine does not inflate.
    static func processorTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func milliseconds(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
