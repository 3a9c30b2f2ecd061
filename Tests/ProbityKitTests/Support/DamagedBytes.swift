/// Copies of a file's bytes damaged the ways a cache file can be: a few bytes changed at random, or cut short at a
/// random length. Deterministic (a fixed seed), so a failure can be repeated.
enum DamagedBytes {
    /// `count` pairs of (bytes with 1–4 bytes changed, bytes cut short) of `bytes`.
    static func variants(of bytes: [UInt8], seed: UInt64, count: Int = 300) -> [(changed: [UInt8], cut: [UInt8])] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            var changed = bytes
            for _ in 0..<(1 + next() % 4) { changed[next() % changed.count] = UInt8(next() % 256) }
            return (changed, Array(bytes.prefix(next() % bytes.count)))
        }
    }
}
