import CarbonKit
import CarbonSystem
import CarbonText

/// Text layout for the dashboard: cutting and padding to terminal columns (widths from
/// `CellWidth`), raw data values, status words. Figures are formatted by `Units` (CarbonKit).
public enum TUIFormat {
  /// Cuts a string to at most `width` columns, ending with `ellipsis` when cut.
  public static func truncate(_ s: String, to width: Int, ellipsis: Character = "…") -> String {
    guard width > 0 else { return "" }
    if CellWidth.of(s) <= width { return s }
    var out = ""
    var used = 0
    for c in s {
      let w = CellWidth.of(c)
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
    let gap = max(0, width - CellWidth.of(t))
    let fill = String(repeating: " ", count: gap)
    return right ? fill + t : t + fill
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
