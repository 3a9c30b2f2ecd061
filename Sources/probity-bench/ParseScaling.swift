import Foundation
import ProbityKit

/// `probity-bench --parse-scaling [MB …]`: JSON parse time against size. Documents of 1, 10 and 100 MB (or the sizes
/// given) are made of the shipped knowledge's own files, as written (pretty) and with the white space outside strings
/// removed (minified, one line), and each is parsed with the parser every command uses. Linear means the same MB/s at
/// every size.
enum ParseScaling {
    static func run(knowledgeDirectory: String, sizes: [Int]) {
        let files = knowledgeFiles(knowledgeDirectory)
        guard !files.isEmpty else { print("no JSON files under \(knowledgeDirectory)"); return }
        print("JSON parse time by size: \(files.count) knowledge files repeated in one array (best of 3, 1 run at 100 MB and above)")
        print("size      layout     bytes         time        MB/s")
        for megabytes in sizes {
            for (layout, minify) in [("pretty", false), ("minified", true)] {
                let document = build(files.map { minify ? minified($0) : $0 }, atLeast: megabytes << 20)
                let runs = megabytes >= 100 ? 1 : 3
                var best = Double.infinity
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    do { _ = try JSONParser.parse(bytes: document) } catch {
                        print("parse failed at \(error.position.line):\(error.position.column): \(error.message)"); return
                    }
                    let elapsed = ContinuousClock.now - start
                    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                let mb = Double(document.count) / Double(1 << 20)
                print(String(format: "%4d MB   %-9@  %11d   %8.3f s   %6.1f", megabytes, layout, document.count, best, mb / best))
            }
        }
    }

    static func knowledgeFiles(_ directory: String) -> [[UInt8]] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") && !path.hasPrefix("schema/") { paths.append(path) }
        }
        return paths.sorted().compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map { [UInt8]($0) } }
    }

    /// `[file, file, …]`, the files repeated until the document holds at least `size` bytes.
    static func build(_ files: [[UInt8]], atLeast size: Int) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(size + (files.map(\.count).max() ?? 0) + 2)
        var i = 0
        while out.count < size {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += files[i % files.count]
            i += 1
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The same JSON with the white space outside strings removed.
    static func minified(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false, escaped = false
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
