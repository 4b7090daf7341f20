/// How old the newest data are, and when that is stale (`[monitor] stale_after` in
/// dataset.toml; docs/live-data.md). The one place for the rule: the dashboard's header and
/// `carbontop check` both use it.
public enum Freshness {
  /// Parses a duration `Nm`, `Nh` or `Nd` (N a whole number above 0) into seconds.
  public static func seconds(parsing text: String) -> Int64? {
    guard let unit = text.last, text.count >= 2 else { return nil }
    let digits = text.dropLast()
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 9,
      let n = Int64(digits), n > 0
    else { return nil }
    switch unit {
    case "m": return n * 60
    case "h": return n * 3600
    case "d": return n * 86400
    default: return nil
    }
  }

  /// An age in words: "just now", "12 min ago", "3 h ago", "2 d ago" (hours up to 48).
  public static func age(_ seconds: Int64) -> String {
    let s = max(0, seconds)
    if s < 60 { return "just now" }
    if s < 3600 { return "\(s / 60) min ago" }
    if s < 48 * 3600 { return "\(s / 3600) h ago" }
    return "\(s / 86400) d ago"
  }

  /// A duration as written in dataset.toml ("36h").
  public static func duration(_ seconds: Int64) -> String {
    if seconds % 86400 == 0 { return "\(seconds / 86400)d" }
    if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
    return "\(seconds / 60)m"
  }

  /// True when the newest write is older than `staleAfter` at `now` (never without a limit).
  public static func isStale(written: Int64, now: Int64, staleAfter: Int64?) -> Bool {
    guard let staleAfter else { return false }
    return now - written > staleAfter
  }
}

/// The newest write among a dataset's files: which file, and when (seconds since the epoch).
public struct FileWrite: Hashable, Sendable {
  public var file: String
  public var time: Int64
  public init(file: String, time: Int64) {
    self.file = file
    self.time = time
  }
}
