// The baseline for start-up figures in BENCHMARKS.md: a Foundation program that does nothing but start,
// built the same way as probity (swift build -c release), so the two are measured side by side.
import Foundation

FileHandle.standardOutput.write(Data("Hello from \(ProcessInfo.processInfo.processName)\n".utf8))
