import CarbonKit
import CarbonSystem

/// Replaces every control character (C0, DEL, C1, including ESC), Unicode line/paragraph
/// separators and bidi controls with `?`, so that text from data files is drawn as text and
/// never reaches the terminal as a command. Tabs become a space.
public func sanitized(_ text: String) -> String {
  var out = String.UnicodeScalarView()
  for s in text.unicodeScalars {
    switch s.value {
    case 0x09: out.append(" ")
    case 0x00...0x1F, 0x7F...0x9F: out.append("?")
    case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
      out.append("?")
    default: out.append(s)
    }
  }
  return String(out)
}

/// Formatting of figures for the dashboard (units scale t, kt, Mt, Gt; percentages one decimal).
public enum TUIFormat {
  /// Terminal columns a character takes (2 for East Asian wide and emoji, 0 for combining marks).
  public static func columns(of c: Character) -> Int {
    guard let s = c.unicodeScalars.first else { return 0 }
    let v = s.value
    if v < 0x300 { return 1 }
    if (0x300...0x36F).contains(v) || (0x200B...0x200D).contains(v) { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
      || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  /// Terminal columns a string takes.
  public static func width(_ s: String) -> Int { s.reduce(0) { $0 + columns(of: $1) } }

  /// Cuts a string to at most `width` columns, ending with `ellipsis` when cut.
  public static func truncate(_ s: String, to width: Int, ellipsis: Character = "…") -> String {
    guard width > 0 else { return "" }
    if TUIFormat.width(s) <= width { return s }
    var out = ""
    var used = 0
    for c in s {
      let w = columns(of: c)
      if used + w > width - 1 { break }
      out.append(c)
      used += w
    }
    out.append(ellipsis)
    return out
  }

  /// Pads (or cuts) to exactly `width` columns; right-aligned when `right`.
  public static func pad(_ s: String, to width: Int, right: Bool = false, ellipsis: Character = "…")
    -> String
  {
    let t = truncate(s, to: width, ellipsis: ellipsis)
    let gap = max(0, width - TUIFormat.width(t))
    let fill = String(repeating: " ", count: gap)
    return right ? fill + t : t + fill
  }

  /// tCO2e scaled for reading: `950 t`, `12.3 kt`, `4.45 Mt`, `1.50 Gt`; `-` for nil.
  /// Two decimals below 10 of the unit, one below 1000 (`115.5 Mt`).
  public static func tonnes(_ v: Double?) -> String { Units.tonnes(v) }

  /// A fraction as a percentage with one decimal: 0.39 -> `39.0%`; `-` for nil.
  public static func percent(_ f: Double?) -> String { Units.percent(f) }

  /// A signed percentage: 0.776 -> `+77.6%`, -0.07 -> `-7.0%`.
  public static func signedPercent(_ f: Double?) -> String {
    guard let f, (f * 100).isFinite else { return "-" }
    let p = f * 100
    if abs(p) >= Units.exponentFrom { return (p >= 0 ? "+" : "") + Units.exponent(p) + "%" }
    return CFormat.string(p >= 0 ? "+%.1f%%" : "%.1f%%", p)
  }

  /// An intensity with two decimals (`8.10`), its unit given separately.
  public static func intensity(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "-" }
    if abs(v) >= Units.exponentFrom { return Units.exponent(v) }
    return CFormat.string("%.2f", v)
  }

  /// A plain number with thousands separators (`12,345`) for counts.
  public static func count(_ n: Int?) -> String {
    guard let n else { return "-" }
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }

  /// A raw number as it appears in a data row (up to 6 significant digits).
  public static func raw(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "" }
    if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
    return CFormat.string("%.6g", v)
  }

  /// The word shown with every status colour.
  public static func statusWord(_ s: TargetStatus) -> String {
    switch s {
    case .achieved: return "ACHIEVED"
    case .onTrack: return "ON TRACK"
    case .behind: return "BEHIND"
    case .noData: return "NO DATA"
    }
  }

  /// The semantic role of a status.
  public static func statusRole(_ s: TargetStatus) -> StyleRole {
    switch s {
    case .achieved, .onTrack: return .good
    case .behind: return .bad
    case .noData: return .muted
    }
  }
}
