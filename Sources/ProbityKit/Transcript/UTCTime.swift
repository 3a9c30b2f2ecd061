import Foundation

/// Times as transcripts write them: UTC, ISO 8601, to the millisecond (`2026-11-25T03:47:12.345Z`).
/// Strings in this form sort in time order.
public enum UTCTime {
    public static func string(from date: Date) -> String {
        let millisecondsSinceEpoch = (date.timeIntervalSince1970 * 1000).rounded(.down)
        var seconds = time_t(Int64(millisecondsSinceEpoch / 1000))
        let milliseconds = Int(Int64(millisecondsSinceEpoch) - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
            + "." + pad(milliseconds, 3) + "Z"
    }

    /// `2026-11-25T03:47:12.345Z` → `2026-11-25 03:47:12 UTC`, for people.
    public static func readable(_ timestamp: String) -> String {
        guard timestamp.count >= 19 else { return timestamp }
        let date = timestamp.prefix(10)
        let time = timestamp.dropFirst(11).prefix(8)
        return "\(date) \(time) UTC"
    }

    /// `2026-11-25T03:47:12.345Z` → `03:47:12`.
    public static func clock(_ timestamp: String) -> String {
        guard timestamp.count >= 19 else { return timestamp }
        return String(timestamp.dropFirst(11).prefix(8))
    }

    /// The compact form used in transcript ids: `20261125T034712Z`.
    static func compact(from date: Date) -> String {
        let full = string(from: date)
        return full.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
