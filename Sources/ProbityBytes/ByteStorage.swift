import Foundation

/// Bytes that stay put while anything reads them: a copy of an array, or a cache file mapped into memory read-only
/// (the router's snapshot is 3 MB, of which a question touches a few pages: mapping it costs no read and no copy).
/// Every index is checked: reading past the end stops the process instead of reading another object's memory.
public final class ByteStorage: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    private let mapped: Bool

    public var count: Int { buffer.count }

    public init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<bytes.count])
        mapped = false
    }

    /// A regular file mapped read-only; nil if it cannot be opened or mapped, or is empty. (Cache files are
    /// replaced by renaming a new file into place, never rewritten, so a mapping always sees one whole file.)
    public init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        buffer = UnsafeRawBufferPointer(start: address, count: size)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }

    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < buffer.count, "byte \(index) of \(buffer.count)")
        return buffer[index]
    }

    /// A copy of `range`.
    public func bytes(_ range: Range<Int>) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count)
        return Array(buffer[range])
    }

    /// A little-endian 64-bit word at `offset` (checked by the caller).
    public func word(at offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset + 8 <= buffer.count)
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The UTF-8 text in `range` (invalid bytes repaired).
    public func string(_ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count)
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
