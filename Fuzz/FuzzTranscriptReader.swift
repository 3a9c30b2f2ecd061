@testable import ProbityKit

/// libFuzzer target `transcript`: any bytes read as a transcript file, verified, summarised, replayed against the
/// shipped knowledge and rendered as text, Markdown, HTML and JSON, as `probity transcripts` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("transcript", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
