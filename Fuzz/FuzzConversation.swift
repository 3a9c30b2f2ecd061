@testable import ProbityKit

/// libFuzzer target `conversation`: the input, split into lines, typed into a chat on the shipped knowledge with
/// no council or role known; `\u{3}` alone on a line is Ctrl-C, `\u{4}` is Ctrl-D. Every reply is rendered and
/// every event written as a transcript line and read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConversation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.run("conversation", Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
