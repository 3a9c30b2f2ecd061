/// How many terminal columns text takes: a wide (East Asian, emoji) character two, a character with combining marks
/// one, zero-width characters and colour escape sequences none.
public enum DisplayWidth {
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        var inEscape = false
        for character in text {
            if inEscape {
                // An SGR sequence ends with its final letter (ESC [ … m).
                if character.isLetter { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            width += of(character)
        }
        return width
    }

    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0x2060 || v == 0xFEFF
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
