import CarbonData
import CarbonKit

/// W1 in the database: the events ledger summed per (fiscal year, entity, program), per fiscal
/// year and per calendar month in ONE `GROUP BY GROUPING SETS` query (exact numeric sums,
/// exact `count(DISTINCT participant)`), so the server's parallelism, or a distributed
/// engine's, does the work and carbontop receives the small result. The row rules are the
/// ledger reader's (`carbontop_event_ok`); the rejected rows' diagnostics come from a second,
/// small query and `LedgerRowCheck`.
public enum LedgerQuery {
  /// The aggregation of the events with `id > after` (and `id <= upTo` when given), restricted
  /// to the fiscal years `years` when given, or to the fiscal years of the valid rows with
  /// `id > touchedAfter` (live: appended events). Columns: `g` (the grouping set: 1 groups, 7 years,
  /// 14 months, 15 all), fy, entity, program, ym, milli, n, p, first_id, rows, rejected, last_id.
  public static func sql(
    schema: String, endMonth: Int, after: Int64 = 0, upTo: Int64? = nil, years: [Int]? = nil,
    touchedAfter: Int64? = nil
  ) -> String {
    let s = SQL.identifier(schema)
    var whereClause = "id > \(after)"
    if let upTo { whereClause += " AND id <= \(upTo)" }
    var outer = ""
    if let years {
      outer =
        "WHERE fy IN (\(years.isEmpty ? "NULL" : years.map(String.init).joined(separator: ",")))"
    }
    if let touchedAfter {
      // The fiscal years of the rows added since `touchedAfter`: only they are aggregated again.
      outer = """
        WHERE fy IN (SELECT DISTINCT \(s).carbontop_event_month(timestamp) / 12
            + CASE WHEN \(s).carbontop_event_month(timestamp) % 12 + 1 > \(endMonth) THEN 1 ELSE 0 END
          FROM \(s).events
          WHERE id > \(touchedAfter)
            AND \(s).carbontop_event_ok(timestamp, entity, program, participant, avoided_kgco2e))
        """
    }
    return """
      SELECT grouping(fy, entity, program, ym) AS g, fy, entity, program, ym,
        trunc(sum(kg) * 1000)::text AS milli, count(*) AS n,
        count(DISTINCT participant) AS p, min(id) AS first_id,
        count(*) AS rows, count(*) FILTER (WHERE NOT ok) AS rejected, max(id) AS last_id
      FROM (
        SELECT id, participant, kg, ok,
          CASE WHEN ok THEN m / 12 + CASE WHEN m % 12 + 1 > \(endMonth) THEN 1 ELSE 0 END END AS fy,
          CASE WHEN ok THEN entity END AS entity,
          CASE WHEN ok THEN program END AS program,
          CASE WHEN ok THEN m END AS ym
        FROM (
          SELECT id, entity, program, participant, avoided_kgco2e AS kg,
            \(s).carbontop_event_month(timestamp) AS m,
            \(s).carbontop_event_ok(timestamp, entity, program, participant, avoided_kgco2e) AS ok
          FROM \(s).events
          WHERE \(whereClause)
        ) e
      ) v
      \(outer)
      GROUP BY GROUPING SETS ((fy, entity, program), (fy), (ym), ())
      """
  }

  /// The first rejected rows with `id > after`, for their diagnostics.
  public static func rejectedSQL(schema: String, after: Int64 = 0, upTo: Int64? = nil) -> String {
    let s = SQL.identifier(schema)
    return """
      SELECT id, timestamp, entity, program, participant, avoided_kgco2e::text
      FROM \(s).events
      WHERE id > \(after)\(upTo.map { " AND id <= \($0)" } ?? "")
        AND NOT \(s).carbontop_event_ok(timestamp, entity, program, participant, avoided_kgco2e)
      ORDER BY id LIMIT \(LedgerRowCheck.diagnosticLimit)
      """
  }

  /// What the aggregation query gave.
  public struct Aggregate: Sendable {
    public var summary = LedgerSummary(files: ["events"])
    /// The largest id aggregated (0 when the table is empty).
    public var lastID: Int64 = 0
    public var diagnostics: [Diagnostic] = []
  }

  /// Turns the aggregation's result into a summary (groups and years sorted as the folder's).
  public static func aggregate(_ r: PGResult) -> Aggregate {
    var out = Aggregate()
    var groups: [EventGroup] = []
    var years: [EventGroup] = []
    for row in r.rows {
      func int(_ k: Int) -> Int? { row[k].flatMap { Int($0) } }
      let g = int(0) ?? -1
      let n = int(6) ?? 0
      let p = int(7) ?? 0
      switch g {
      case 15:
        out.summary.rowsRead = int(9) ?? 0
        out.summary.rowsRejected = int(10) ?? 0
        out.lastID = row[11].flatMap { Int64($0) } ?? 0
      case 14:
        if let ym = int(4) {
          out.summary.months.insert(YearMonth(year: ym / 12, month: ym % 12 + 1))
        }
      case 1, 7:
        guard let fy = int(1) else { continue }
        let entity = g == 1 ? row[2] : "*"
        let program = g == 1 ? row[3] : "*"
        guard let entity, let program else { continue }
        guard let milli = row[5].flatMap({ Int64($0) }) else {
          out.diagnostics.append(
            Diagnostic(
              .error, file: "events",
              "avoided_kgco2e: the sum of FY\(fy), entity \(DisplayText.quoted(entity)), program "
                + "\(DisplayText.quoted(program)) overflows"))
          continue
        }
        let first = row[8].flatMap { Int($0) }.map { SourceRef(file: "events", line: $0) }
        let e = EventGroup(
          fiscalYear: FiscalYear(fy), entity: entity, program: program, milliKg: milli,
          events: n, participants: p, firstSource: g == 1 ? first : nil)
        if g == 1 { groups.append(e) } else { years.append(e) }
      default: continue
      }
    }
    groups.sort { a, b in
      if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
      if a.entity != b.entity { return a.entity.utf8.lexicographicallyPrecedes(b.entity.utf8) }
      return a.program.utf8.lexicographicallyPrecedes(b.program.utf8)
    }
    years.sort { $0.fiscalYear < $1.fiscalYear }
    out.summary.groups = groups
    out.summary.yearTotals = years
    return out
  }

  /// The diagnostics of the rejected rows listed by `rejectedSQL`, and one more counting
  /// those not listed.
  public static func rejectedDiagnostics(_ r: PGResult, rejected: Int) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for row in r.rows {
      let id = row[0].flatMap { Int($0) }
      let (column, message) =
        LedgerRowCheck.problem(
          timestamp: row[1], entity: row[2], program: row[3], participant: row[4],
          amount: row[5]) ?? (1, "row rejected")
      out.append(Diagnostic(.error, file: "events", line: id, column: column, message))
    }
    if rejected > out.count {
      out.append(
        Diagnostic(
          .error, file: "events",
          "\(rejected - out.count) more rows rejected (the first \(out.count) are listed)"))
    }
    return out
  }
}
