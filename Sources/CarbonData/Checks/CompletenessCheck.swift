import CarbonKit

/// The contract's completeness rule (docs/data-format.md) and its warning: a fiscal year is
/// complete when any table has an
/// annual row for it, or any dated row (events included) falls in its last month; when a
/// complete fiscal year's sub-annual rows of an entity in a table stop before its last month,
/// that is a warning.
public enum CompletenessCheck {
  /// (period, entity, source) of every row of a table.
  typealias Entry = (period: Period, entity: String, source: SourceRef)

  static func entries(_ d: Dataset) -> [(file: String, rows: [Entry])] {
    var out: [(String, [Entry])] = []
    if let r = d.operations {
      out.append(("operations.csv", r.map { ($0.period, $0.entity, $0.source) }))
    }
    if let r = d.valueChain {
      out.append(("value_chain.csv", r.map { ($0.period, $0.entity, $0.source) }))
    }
    if let r = d.revenue {
      out.append(("revenue.csv", r.map { ($0.period, $0.entity, $0.source) }))
    }
    if let r = d.avoided {
      out.append(("avoided.csv", r.map { ($0.period, $0.entity, $0.source) }))
    }
    if let r = d.activity {
      out.append(("activity.csv", r.map { ($0.period, $0.entity, $0.source) }))
    }
    return out
  }

  /// The complete fiscal years of a dataset.
  public static func completeYears(of d: Dataset) -> Set<FiscalYear> {
    let cal = d.organization.calendar
    var years = Set<FiscalYear>()
    func month(_ ym: YearMonth) {
      let fy = cal.fiscalYear(of: ym)
      if cal.lastMonth(of: fy) == ym { years.insert(fy) }
    }
    for (_, rows) in entries(d) {
      for r in rows {
        if case .fiscalYear(let fy) = r.period {
          years.insert(fy)
        } else if let ym = r.period.yearMonth {
          month(ym)
        }
      }
    }
    for ym in d.ledger?.months ?? [] { month(ym) }
    return years
  }

  /// The warnings for entities whose sub-annual rows stop before the last month of a complete
  /// fiscal year. `periodColumns` gives each table's 1-based period field number.
  static func warnings(for d: Dataset, periodColumns: [String: Int]) -> [Diagnostic] {
    let cal = d.organization.calendar
    let complete = completeYears(of: d)
    var out: [Diagnostic] = []
    struct Key: Hashable {
      var entity: String
      var fy: FiscalYear
    }
    for (file, rows) in entries(d) {
      var latest: [Key: (YearMonth, SourceRef)] = [:]
      var order: [Key] = []
      for r in rows {
        guard let ym = r.period.yearMonth else { continue }
        let k = Key(entity: r.entity, fy: cal.fiscalYear(of: ym))
        if let cur = latest[k] {
          if ym > cur.0 { latest[k] = (ym, r.source) }
        } else {
          latest[k] = (ym, r.source)
          order.append(k)
        }
      }
      for k in order {
        guard complete.contains(k.fy), let (ym, src) = latest[k] else { continue }
        let last = cal.lastMonth(of: k.fy)
        guard ym < last else { continue }
        out.append(
          Diagnostic(
            .warning, file: src.file, line: src.line, column: periodColumns[file],
            "entity \(DisplayText.quoted(k.entity)): rows for \(k.fy) stop at \(ym), before its last month \(last) "
              + "(the entity's figures for the year may be incomplete)"))
      }
    }
    return out
  }
}
