/// Martin Porter's English stemmer (1980), as in his reference C version: reduces
/// `briefings`, `briefed`, `briefing` to `brief` so that different forms of a word match.
/// Works on lowercase ASCII; other words are returned unchanged.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var s = State(b: bytes, k: bytes.count - 1)
        s.step1ab()
        if s.k > 0 {
            s.step1c()
            s.step2()
            s.step3()
            s.step4()
            s.step5()
        }
        bytes = Array(s.b[0...s.k])
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct State {
        var b: [UInt8]
        var k: Int
        var j: Int = 0

        static let a: UInt8 = 0x61, e: UInt8 = 0x65, i: UInt8 = 0x69, o: UInt8 = 0x6F, u: UInt8 = 0x75, y: UInt8 = 0x79

        func cons(_ i: Int) -> Bool {
            switch b[i] {
            case State.a, State.e, State.i, State.o, State.u: return false
            case State.y: return i == 0 ? true : !cons(i - 1)
            default: return true
            }
        }

        /// The number of consonant–vowel sequences in b[0...j].
        func m() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !cons(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if cons(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !cons(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        func vowelInStem() -> Bool {
            guard j >= 0 else { return false }
            for i in 0...j where !cons(i) { return true }
            return false
        }

        func doubleConsonant(_ j: Int) -> Bool {
            j >= 1 && b[j] == b[j - 1] && cons(j)
        }

        /// consonant–vowel–consonant ending at i, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, cons(i), !cons(i - 1), cons(i - 2) else { return false }
            let ch = b[i]
            return ch != 0x77 && ch != 0x78 && ch != 0x79
        }

        mutating func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard length <= k + 1 else { return false }
            let p = suffix.utf8Start
            for n in 0..<length where b[k - length + 1 + n] != p[n] { return false }
            j = k - length
            return true
        }

        mutating func setTo(_ suffix: StaticString) {
            let length = suffix.utf8CodeUnitCount
            let p = suffix.utf8Start
            for n in 0..<length {
                let index = j + 1 + n
                if index < b.count { b[index] = p[n] } else { b.append(p[n]) }
            }
            k = j + length
        }

        mutating func r(_ suffix: StaticString) {
            if m() > 0 { setTo(suffix) }
        }

        mutating func step1ab() {
            if b[k] == 0x73 {
                if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if k >= 1, b[k - 1] != 0x73 { k -= 1 }
            }
            if ends("eed") {
                if m() > 0 { k -= 1 }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    k -= 1
                    let ch = b[k]
                    if ch == 0x6C || ch == 0x73 || ch == 0x7A { k += 1 }
                } else {
                    j = k
                    if m() == 1 && cvc(k) { setTo("e") }
                }
            }
        }

        mutating func step1c() {
            if ends("y") && vowelInStem() { b[k] = State.i }
        }

        mutating func step2() {
            guard k >= 1 else { return }
            switch b[k - 1] {
            case 0x61:
                if ends("ational") {
                    r("ate")
                    break
                }
                if ends("tional") {
                    r("tion")
                    break
                }
            case 0x63:
                if ends("enci") {
                    r("ence")
                    break
                }
                if ends("anci") {
                    r("ance")
                    break
                }
            case 0x65:
                if ends("izer") {
                    r("ize")
                    break
                }
            case 0x6C:
                if ends("bli") {
                    r("ble")
                    break
                }
                if ends("alli") {
                    r("al")
                    break
                }
                if ends("entli") {
                    r("ent")
                    break
                }
                if ends("eli") {
                    r("e")
                    break
                }
                if ends("ousli") {
                    r("ous")
                    break
                }
            case 0x6F:
                if ends("ization") {
                    r("ize")
                    break
                }
                if ends("ation") {
                    r("ate")
                    break
                }
                if ends("ator") {
                    r("ate")
                    break
                }
            case 0x73:
                if ends("alism") {
                    r("al")
                    break
                }
                if ends("iveness") {
                    r("ive")
                    break
                }
                if ends("fulness") {
                    r("ful")
                    break
                }
                if ends("ousness") {
                    r("ous")
                    break
                }
            case 0x74:
                if ends("aliti") {
                    r("al")
                    break
                }
                if ends("iviti") {
                    r("ive")
                    break
                }
                if ends("biliti") {
                    r("ble")
                    break
                }
            case 0x67:
                if ends("logi") {
                    r("log")
                    break
                }
            default:
                break
            }
        }

        mutating func step3() {
            switch b[k] {
            case 0x65:
                if ends("icate") {
                    r("ic")
                    break
                }
                if ends("ative") {
                    r("")
                    break
                }
                if ends("alize") {
                    r("al")
                    break
                }
            case 0x69:
                if ends("iciti") {
                    r("ic")
                    break
                }
            case 0x6C:
                if ends("ical") {
                    r("ic")
                    break
                }
                if ends("ful") {
                    r("")
                    break
                }
            case 0x73:
                if ends("ness") {
                    r("")
                    break
                }
            default:
                break
            }
        }

        mutating func step4() {
            guard k >= 1 else { return }
            var matched = false
            switch b[k - 1] {
            case 0x61: matched = ends("al")
            case 0x63: matched = ends("ance") || ends("ence")
            case 0x65: matched = ends("er")
            case 0x69: matched = ends("ic")
            case 0x6C: matched = ends("able") || ends("ible")
            case 0x6E: matched = ends("ant") || ends("ement") || ends("ment") || ends("ent")
            case 0x6F:
                if ends("ion") { matched = j >= 0 && (b[j] == 0x73 || b[j] == 0x74) } else { matched = ends("ou") }
            case 0x73: matched = ends("ism")
            case 0x74: matched = ends("ate") || ends("iti")
            case 0x75: matched = ends("ous")
            case 0x76: matched = ends("ive")
            case 0x7A: matched = ends("ize")
            default: matched = false
            }
            if matched && m() > 1 { k = j }
        }

        mutating func step5() {
            j = k
            if b[k] == State.e {
                let a = m()
                if a > 1 || (a == 1 && !cvc(k - 1)) { k -= 1 }
            }
            // As in the reference version, m() still measures up to the original end here.
            if b[k] == 0x6C && doubleConsonant(k) && m() > 1 { k -= 1 }
        }
    }
}
