import ProbityBytes

/// Little-endian integers and doubles, length-prefixed strings.
struct ByteWriter {
    var out: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { out += b }
    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out += $0 } }
    mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 } }
    mutating func bool(_ v: Bool) { int(v ? 1 : 0) }
    mutating func string(_ s: String) {
        let u = Array(s.utf8)
        int(u.count)
        out += u
    }
    /// A flag, then the string when there is one.
    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }
    mutating func strings(_ v: [String]) {
        int(v.count)
        for s in v { string(s) }
    }
    mutating func ints(_ v: [Int]) {
        int(v.count)
        for x in v { int(x) }
    }
    mutating func doubles(_ v: [Double]) {
        int(v.count)
        for x in v { double(x) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and returns nil past the end.
struct ByteReader {
    let storage: ByteStorage
    private var at = 0
    private let end: Int
    init(_ storage: ByteStorage) {
        self.storage = storage
        end = storage.count
    }
    /// A reader of `range` of the bytes only.
    init(_ storage: ByteStorage, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count)
        self.storage = storage
        at = range.lowerBound
        end = range.upperBound
    }
    var atEnd: Bool { at == end }
    private var left: Int { end - at }

    /// Steps over `n` bytes, returning where they start.
    mutating func skip(_ n: Int) -> Int? {
        guard n >= 0, n <= left else { return nil }
        defer { at += n }
        return at
    }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, n <= left else { return nil }
        defer { at += n }
        return storage.bytes(at..<at + n)
    }
    private mutating func word() -> UInt64? {
        guard left >= 8 else { return nil }
        defer { at += 8 }
        return storage.word(at: at)
    }
    mutating func int() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }
    /// A count of things still to read: never negative, never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= left else { return nil }
        return n
    }
    mutating func double() -> Double? { word().map(Double.init(bitPattern:)) }
    /// 0 or 1; anything else is not a flag this writer wrote.
    mutating func bool() -> Bool? {
        switch int() {
        case 0: false
        case 1: true
        default: nil
        }
    }
    /// A string, decoded straight from the bytes (invalid UTF-8 repaired, never trusted blindly).
    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { at += n }
        return storage.string(at..<at + n)
    }
    /// Steps over a string, checking only that it is there: "" (no string is made).
    mutating func skipString() -> String? {
        guard let n = count() else { return nil }
        at += n
        return ""
    }
    /// Steps over an optional string the same way.
    mutating func skipOptionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return skipString().map { .some($0) }
    }
    /// A flag, then the string when there is one.
    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return string().map { .some($0) }
    }
    /// A count, then that many elements, each read by `element`.
    mutating func array<T>(_ element: (inout ByteReader) -> T?) -> [T]? {
        guard let n = count() else { return nil }
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = element(&self) else { return nil }
            values.append(value)
        }
        return values
    }
    mutating func strings() -> [String]? { array { $0.string() } }
    mutating func ints() -> [Int]? { words { Int(Int64(bitPattern: $0)) } }
    mutating func doubles() -> [Double]? { words(Double.init(bitPattern:)) }

    /// A count, then that many 64-bit words, each made a value by `value`: read in one pass over the bytes (the
    /// router's snapshot holds hundreds of thousands), nil when there are not that many words left.
    private mutating func words<T>(_ value: (UInt64) -> T) -> [T]? {
        guard let n = int(), n >= 0, n <= left / 8 else { return nil }
        let start = at
        at += 8 * n
        let buffer = storage.buffer
        return [T](unsafeUninitializedCapacity: n) { out, count in
            for i in 0..<n { out[i] = value(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start + 8 * i, as: UInt64.self))) }
            count = n
        }
    }
}
