@testable import ProbityKit

/// libFuzzer target `encoder`: any bytes as a sentence-encoder file or a second-stage part (`FuzzChecks.encoder`):
/// loaded or refused with a message naming the file and, for the part, positions inside the input; never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("encoder", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
