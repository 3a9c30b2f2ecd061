/// Two independent 64-bit FNV-1a digests, in hex: the name of something kept in the cache folder (a knowledge
/// signature, a router snapshot), not a seal. Each `mix` ends with a mark, so "ab"+"c" and "a"+"bc" differ.
struct CacheDigest {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        a = (a ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    mutating func mark(_ byte: UInt8) {
        a = (a ^ UInt64(byte) ^ 0x100) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte) ^ 0x200) &* 0x0000_0100_0000_01B3
    }

    var hex: String { String(a, radix: 16) + String(b, radix: 16) }
}
