@testable import ProbityKit

/// libFuzzer target `knowledge`: the input's first byte picks a file of a small sound knowledge folder, the rest
/// replaces that file; the folder is then loaded, validated and walked as `probity validate` would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKnowledgeLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("knowledge", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
