/// What a command is done with just before the process exits, kept rather than freed piece by piece: a router read
/// back or a conversation holds thousands of small allocations, and freeing them one by one costs the process
/// half a millisecond for memory the exit gives back at once.
enum ProcessEnd {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
