/// One entry of the file's table of sections.
struct EncoderSection {
    static let types = ["f32", "f16", "q8", "u8", "u32"]
    let name: String
    let type: Int
    let rows: Int
    let columns: Int
    let offset: Int

    var typeName: String { type < Self.types.count ? Self.types[type] : "type \(type)" }
    var byteCount: Int {
        switch type {
        case 0, 4: 4 * rows * columns
        case 1: 2 * rows * columns
        case 2: 4 * rows + rows * columns
        default: rows * columns
        }
    }
}

/// Finds sections by name and checks each against the type and shape the caller needs.
struct EncoderSectionReader {
    let base: UnsafeRawPointer
    let size: Int
    let file: String
    let sections: [String: EncoderSection]

    /// The section named `name`, of one of `types` and `rows` × `columns`, lying wholly inside the file.
    func section(_ name: String, types: [Int], rows: Int, columns: Int) throws(EncoderFileError) -> EncoderSection {
        guard let s = sections[name] else { throw .missingSection(file: file, name: name) }
        let wanted = types.map { EncoderSection.types[$0] }.joined(separator: " or ")
        guard types.contains(s.type), s.rows == rows, s.columns == columns else {
            throw .wrongShape(file: file, name: name, expected: "\(wanted) \(rows) × \(columns)", found: "\(s.typeName) \(s.rows) × \(s.columns)")
        }
        guard s.offset % 64 == 0 else {
            throw .wrongShape(file: file, name: name, expected: "at a multiple of 64 bytes", found: "at byte \(s.offset)")
        }
        guard s.offset + s.byteCount <= size else {
            throw .truncated(file: file, detail: "section \"\(name)\" ends at byte \(s.offset + s.byteCount), past its end at \(size)")
        }
        return s
    }

    func float(_ name: String, rows: Int, columns: Int) throws(EncoderFileError) -> FloatMatrix {
        let s = try section(name, types: [0], rows: rows, columns: columns)
        return FloatMatrix(rows: rows, columns: columns, values: (base + s.offset).assumingMemoryBound(to: Float.self))
    }

    func quantised(_ s: EncoderSection) -> QuantisedMatrix {
        QuantisedMatrix(
            rows: s.rows, columns: s.columns, scales: (base + s.offset).assumingMemoryBound(to: Float.self),
            values: (base + s.offset + 4 * s.rows).assumingMemoryBound(to: Int8.self))
    }

    func dense(_ name: String, out: Int, in: Int) throws(EncoderFileError) -> DenseLayer {
        let w = try section(name + ".w", types: [2], rows: out, columns: `in`)
        return DenseLayer(weight: quantised(w), bias: try float(name + ".b", rows: 1, columns: out))
    }

    func norm(_ name: String, size: Int) throws(EncoderFileError) -> NormLayer {
        NormLayer(weight: try float(name + ".w", rows: 1, columns: size), bias: try float(name + ".b", rows: 1, columns: size))
    }

    func embeddings(_ name: String, rows: Int, columns: Int) throws(EncoderFileError) -> EmbeddingTable {
        let s = try section(name, types: [2, 1, 0], rows: rows, columns: columns)
        switch s.type {
        case 2: return .quantised(quantised(s))
        case 1: return .half(rows: rows, columns: columns, values: (base + s.offset).assumingMemoryBound(to: UInt16.self))
        default: return .float(FloatMatrix(rows: rows, columns: columns, values: (base + s.offset).assumingMemoryBound(to: Float.self)))
        }
    }

    /// A u8 or u32 section of one row, as a typed pointer and its length (`columns` any when nil).
    func bytes(_ name: String, columns: Int?) throws(EncoderFileError) -> UnsafeBufferPointer<UInt8> {
        let found = sections[name]
        let s = try section(name, types: [3], rows: 1, columns: columns ?? found?.columns ?? 0)
        return UnsafeBufferPointer(start: (base + s.offset).assumingMemoryBound(to: UInt8.self), count: s.columns)
    }

    func words(_ name: String, columns: Int) throws(EncoderFileError) -> UnsafeBufferPointer<UInt32> {
        let s = try section(name, types: [4], rows: 1, columns: columns)
        return UnsafeBufferPointer(start: (base + s.offset).assumingMemoryBound(to: UInt32.self), count: columns)
    }
}
