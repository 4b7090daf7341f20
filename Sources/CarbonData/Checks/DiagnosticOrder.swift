import CarbonKit
import CarbonText

/// The order of diagnostics of docs/data-format.md: by file (dataset.toml, operations.csv,
/// value_chain.csv, revenue.csv, avoided.csv, activity.csv, initiatives.csv, events by name,
/// then scenario files), then line, then column.
/// Problems without a line come first within their file; ties keep their order.
public enum DiagnosticOrder {
  static func rank(_ file: String) -> Int {
    switch file {
    case "dataset.toml": return 0
    // A database source's tables (CarbonPostgres) rank like the files they mirror.
    case "operations.csv", "operations": return 1
    case "value_chain.csv", "value_chain": return 2
    case "revenue.csv", "revenue": return 3
    case "avoided.csv", "avoided": return 4
    case "activity.csv", "activity": return 5
    case "initiatives.csv", "initiatives": return 6
    default:
      if file == "events" || file.hasPrefix("events/") { return 7 }
      if file == "scenarios" || file.hasPrefix("scenarios/") { return 8 }
      return 9
    }
  }

  /// `diagnostics` sorted in the contract's order (docs/data-format.md; stable).
  public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let x = a.element
      let y = b.element
      let rx = rank(x.file)
      let ry = rank(y.file)
      if rx != ry { return rx < ry }
      if x.file != y.file {
        return ByteOrder.less(x.file, y.file)
      }
      let lx = x.line ?? 0
      let ly = y.line ?? 0
      if lx != ly { return lx < ly }
      let cx = x.column ?? 0
      let cy = y.column ?? 0
      if cx != cy { return cx < cy }
      return a.offset < b.offset
    }.map(\.element)
  }
}
