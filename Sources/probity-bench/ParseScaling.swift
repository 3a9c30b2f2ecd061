import Foundation
import ProbityKit

/// `probity-bench --parse-scaling [MB …]`: JSON parse time against size. Documents of 1, 10 and 100 MB (or the sizes
/// given) are made of the shipped knowledge's own files, as written (pretty), and the same files as many times with the
/// white space outside strings removed (minified: one line, fewer bytes); each is parsed with the parser every command
/// uses. Linear means the same MB/s at every size; the thread's CPU time is what counts on a busy machine.
enum ParseScaling {
    static func run(knowledgeDirectory: String, sizes: [Int]) {
        let files = knowledgeFiles(knowledgeDirectory)
        guard !files.isEmpty else {
            print("no JSON files under \(knowledgeDirectory)")
            return
        }
        print("JSON parse time by size: \(files.count) knowledge files repeated in one array (best of 3, 1 run at 100 MB and above)")
        print("size      layout     bytes         CPU time     wall time    MB/s (CPU)")
        for megabytes in sizes {
            // The same files, as many times, in both layouts: the minified document holds the same values in fewer bytes.
            let count = repetitions(files, atLeast: megabytes << 20)
            for (layout, minify) in [("pretty", false), ("minified", true)] {
                let document = build(files.map { minify ? minified($0) : $0 }, count: count)
                let runs = megabytes >= 100 ? 1 : 3
                var best = (cpu: Double.infinity, wall: Double.infinity)
                for _ in 0..<runs {
                    let start = (cpu: threadCPUTime(), wall: ContinuousClock.now)
                    do { _ = try JSONParser.parse(bytes: document) } catch {
                        print("parse failed at \(error.position.line):\(error.position.column): \(error.message)")
                        return
                    }
                    let elapsed = ContinuousClock.now - start.wall
                    best.cpu = min(best.cpu, threadCPUTime() - start.cpu)
                    best.wall = min(best.wall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                let mb = Double(document.count) / Double(1 << 20)
                print(
                    String(
                        format: "%4d MB   %-9@  %11d   %8.3f s   %8.3f s   %6.1f", megabytes, (layout as NSString), document.count,
                        best.cpu, best.wall, mb / best.cpu))
            }
        }
    }

    /// CPU time of this thread, in seconds: what parsing costs, whatever else the machine is doing.
    static func threadCPUTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func knowledgeFiles(_ directory: String) -> [[UInt8]] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") && !path.hasPrefix("schema/") { paths.append(path) }
        }
        return paths.sorted().compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map { [UInt8]($0) } }
    }

    /// How many files, taken in turn, make at least `size` bytes.
    static func repetitions(_ files: [[UInt8]], atLeast size: Int) -> Int {
        var total = 0
        var count = 0
        while total < size {
            total += files[count % files.count].count + 1
            count += 1
        }
        return count
    }

    /// `[file, file, …]`: `count` files, taken in turn.
    static func build(_ files: [[UInt8]], count: Int) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += files[i % files.count]
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The same JSON with the white space outside strings removed.
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for b in bytes {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
                out.append(b)
            } else if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 {
                out.append(b)
            }
        }
        return out
    }
}
