/// The WordPiece vocabulary of an encoder file: each token's UTF-8 bytes in id order, and the ids ordered by those
/// bytes, so a token is found by binary search over the mapped file with nothing built at load.
struct EncoderVocabulary: @unchecked Sendable {
    let count: Int
    private let offsets: UnsafeBufferPointer<UInt32>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let sorted: UnsafeBufferPointer<UInt32>
    /// The special tokens' ids.
    let unknown: Int32
    let classifier: Int32
    let separator: Int32

    init(reader: EncoderSectionReader, size: Int) throws(EncoderFileError) {
        count = size
        let offsets = try reader.words("vocab.offsets", columns: size + 1)
        let bytes = try reader.bytes("vocab.bytes", columns: nil)
        let sorted = try reader.words("vocab.sorted", columns: size)
        func bad(_ detail: String) -> EncoderFileError { .badVocabulary(file: reader.file, detail: detail) }
        guard offsets[0] == 0, Int(offsets[size]) == bytes.count else {
            throw bad("its offsets run from \(offsets[0]) to \(offsets[size]), not 0 to \(bytes.count)")
        }
        for i in 0..<size where offsets[i] > offsets[i + 1] { throw bad("token \(i)'s offsets run backwards") }
        for i in 0..<size where Int(sorted[i]) >= size { throw bad("its sorted index names token \(sorted[i]) of \(size)") }
        func token(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
        }
        for i in 1..<max(size, 1) where Self.compare(token(sorted[i - 1]), token(sorted[i])) >= 0 {
            throw bad("its sorted index is out of order at \(i)")
        }
        func special(_ name: String) throws(EncoderFileError) -> Int32 {
            guard let id = Self.find(Array(name.utf8)[...], offsets: offsets, bytes: bytes, sorted: sorted) else {
                throw bad("it has no \(name) token")
            }
            return id
        }
        unknown = try special("[UNK]")
        classifier = try special("[CLS]")
        separator = try special("[SEP]")
        self.offsets = offsets
        self.bytes = bytes
        self.sorted = sorted
    }

    /// Token `id`'s bytes.
    func token(_ id: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(offsets[id])..<Int(offsets[id + 1])])
    }

    /// The id of the token spelt `word` (UTF-8), if the vocabulary has it.
    func id(of word: ArraySlice<UInt8>) -> Int32? { Self.find(word, offsets: offsets, bytes: bytes, sorted: sorted) }

    private static func find(
        _ word: ArraySlice<UInt8>, offsets: UnsafeBufferPointer<UInt32>, bytes: UnsafeBufferPointer<UInt8>,
        sorted: UnsafeBufferPointer<UInt32>
    ) -> Int32? {
        var low = 0
        var high = sorted.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let id = Int(sorted[mid])
            let token = UnsafeBufferPointer(rebasing: bytes[Int(offsets[id])..<Int(offsets[id + 1])])
            let order = word.withUnsafeBufferPointer { compare(token, $0) }
            if order == 0 { return Int32(id) }
            if order < 0 { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// Byte order: negative when `a` sorts before `b`.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return a.count - b.count
    }
}
