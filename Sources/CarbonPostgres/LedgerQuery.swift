import CarbonData
import CarbonKit
import CarbonText

/// W1 in the database: the events ledger summed per (fiscal year, entity, program), per fiscal
/// year and per calendar month in ONE `GROUP BY GROUPING SETS` query (exact numeric sums,
/// exact `count(DISTINCT participant)`), so the server's parallelism, or a distributed
/// engine's, does the work and carbontop receives the small result. The row rules are the
/// ledger reader's (`carbontop_event_ok`); the rejected rows' diagnostics come from a second,
/// small query and `LedgerRowCheck`.
public enum LedgerQuery {
  /// The aggregation of the events with `id > after` (and `id <= upTo` when given), restricted
  /// to the fiscal years `years` when given. Columns: `g` (the grouping set: 1 groups, 7 years,
  /// 14 months, 15 all), fy, entity, program, ym, milli, n, p, first_id, rows, rejected, last_id.
  public static func sql(
    schema: String, endMonth: Int, after: Int64 = 0, upTo: Int64? = nil, years: [Int]? = nil
  ) -> String {
    let s = SQL.identifier(schema)
    var whereClause = "id > \(after)"
    if let upTo { whereClause += " AND id <= \(upTo)" }
    var outer = ""
    if let years {
      outer =
        "WHERE fy IN (\(years.isEmpty ? "NULL" : years.map(String.init).joined(separator: ",")))"
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

  /// The fiscal year of an event row (`alias` the table's alias), for a valid row.
  static func fiscalYear(_ s: String, _ alias: String, endMonth: Int) -> String {
    "\(s).carbontop_event_month(\(alias).timestamp) / 12 + CASE WHEN \(s).carbontop_event_month(\(alias).timestamp) % 12 + 1 > \(endMonth) THEN 1 ELSE 0 END"
  }

  /// For the valid events with `id > after` (appended since the last read): per group and per
  /// fiscal year, how many of their distinct participants had no earlier event (`id <= after`)
  /// in that group, and in that year. With the index on `participant` (migration 2) this looks
  /// at the appended rows' participants only, so distinct counts stay exact without reading the
  /// whole ledger again. Columns: `g` (0 groups, 3 years), fy, entity, program, p_group, p_year.
  public static func newParticipantsSQL(schema: String, endMonth: Int, after: Int64) -> String {
    let s = SQL.identifier(schema)
    let ok = { (a: String) in
      "\(s).carbontop_event_ok(\(a).timestamp, \(a).entity, \(a).program, \(a).participant, \(a).avoided_kgco2e)"
    }
    return """
      WITH n AS (
        SELECT DISTINCT \(fiscalYear(s, "e", endMonth: endMonth)) AS fy, e.entity, e.program, e.participant
        FROM \(s).events e
        WHERE e.id > \(after) AND \(ok("e"))
      ), d AS (
        SELECT n.*,
          NOT EXISTS (SELECT 1 FROM \(s).events o
            WHERE o.participant = n.participant AND o.id <= \(after) AND o.entity = n.entity
              AND o.program = n.program AND \(ok("o"))
              AND \(fiscalYear(s, "o", endMonth: endMonth)) = n.fy) AS new_in_group,
          NOT EXISTS (SELECT 1 FROM \(s).events o
            WHERE o.participant = n.participant AND o.id <= \(after) AND \(ok("o"))
              AND \(fiscalYear(s, "o", endMonth: endMonth)) = n.fy) AS new_in_year
        FROM n
      )
      SELECT grouping(fy, entity, program) AS g, fy, entity, program,
        count(DISTINCT participant) FILTER (WHERE new_in_group) AS p_group,
        count(DISTINCT participant) FILTER (WHERE new_in_year) AS p_year
      FROM d
      GROUP BY GROUPING SETS ((fy, entity, program), (fy))
      """
  }

  /// Adds the appended rows' aggregate (`add`, from `sql(after:)`) and their new participants
  /// (`newParticipants`, from `newParticipantsSQL`) to `summary`.
  public static func merge(
    _ add: LedgerSummary, newParticipants: PGResult, into summary: inout LedgerSummary
  ) {
    struct Key: Hashable {
      var fy: Int
      var entity: String
      var program: String
    }
    var fresh: [Key: Int] = [:]
    for row in newParticipants.rows {
      guard let g = row[0].flatMap({ Int($0) }), let fy = row[1].flatMap({ Int($0) }) else {
        continue
      }
      if g == 0, let e = row[2], let p = row[3] {
        fresh[Key(fy: fy, entity: e, program: p)] = row[4].flatMap { Int($0) } ?? 0
      } else if g == 3 {
        fresh[Key(fy: fy, entity: "*", program: "*")] = row[5].flatMap { Int($0) } ?? 0
      }
    }
    func fold(_ new: [EventGroup], into old: inout [EventGroup]) {
      var at: [Key: Int] = [:]
      for (k, g) in old.enumerated() {
        at[Key(fy: g.fiscalYear.year, entity: g.entity, program: g.program)] = k
      }
      for g in new {
        let key = Key(fy: g.fiscalYear.year, entity: g.entity, program: g.program)
        let added = fresh[key] ?? 0
        if let k = at[key] {
          old[k].milliKg += g.milliKg
          old[k].events += g.events
          old[k].participants += added
        } else {
          var n = g
          n.participants = added
          old.append(n)
        }
      }
    }
    fold(add.groups, into: &summary.groups)
    fold(add.yearTotals, into: &summary.yearTotals)
    summary.groups.sort { a, b in
      if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
      if a.entity != b.entity { return ByteOrder.less(a.entity, b.entity) }
      return ByteOrder.less(a.program, b.program)
    }
    summary.yearTotals.sort { $0.fiscalYear < $1.fiscalYear }
    summary.months.formUnion(add.months)
    summary.rowsRead += add.rowsRead
    summary.rowsRejected += add.rowsRejected
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
      if a.entity != b.entity { return ByteOrder.less(a.entity, b.entity) }
      return ByteOrder.less(a.program, b.program)
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
