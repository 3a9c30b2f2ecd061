@testable import ProbityKit

/// libFuzzer target `json`: any bytes through the JSON parser. It must return a value or a syntax error whose
/// position lies inside the input, never crash, and never take time out of proportion to the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("json", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
