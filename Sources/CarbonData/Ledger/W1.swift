import CarbonKit
import CarbonText

/// The yardstick's W1 table (docs/performance.md, "The events ledger"): per (fiscal year, entity, program) and per
/// fiscal year (`*`, `*`): tCO2e, events, distinct participants.
public enum W1 {
  /// The CSV: header `fiscal_year,entity,program,tco2e,events,distinct_participants`, rows
  /// sorted by fiscal year then the UTF-8 bytes of entity and program, tco2e = the milli-kg
  /// sum rounded half-up to whole kg printed in tonnes with 3 decimals, RFC 4180 quoting only
  /// where needed, `\n` line ends.
  public static func csv(_ summary: LedgerSummary) -> String {
    var rows = summary.groups + summary.yearTotals
    rows.sort { a, b in
      if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
      if a.entity != b.entity { return ByteOrder.less(a.entity, b.entity) }
      return ByteOrder.less(a.program, b.program)
    }
    var out = "fiscal_year,entity,program,tco2e,events,distinct_participants\n"
    for g in rows {
      out +=
        "\(g.fiscalYear),\(field(g.entity)),\(field(g.program)),\(tonnes(g.milliKg)),\(g.events),\(g.participants)\n"
    }
    return out
  }

  /// Milli-kg rounded half-up to whole kg, as tonnes with 3 decimals: 1_234_500 -> "1.235".
  public static func tonnes(_ milliKg: Int64) -> String {
    let kg =
      milliKg >= 0
      ? (milliKg / 1000 + (milliKg % 1000 >= 500 ? 1 : 0))
      : -((-milliKg) / 1000 + ((-milliKg) % 1000 > 500 ? 1 : 0))
    let sign = kg < 0 ? "-" : ""
    let a = kg.magnitude
    let frac = String(a % 1000)
    return "\(sign)\(a / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
  }

  static func field(_ s: String) -> String {
    if s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
      return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }
    return s
  }
}
