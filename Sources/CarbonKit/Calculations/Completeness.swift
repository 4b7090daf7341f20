import CarbonText

/// Which fiscal years are complete, which one is in progress and through which month
/// (docs/data-format.md "Periods"), judged over the whole dataset.
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - A fiscal year inside the `years` range with no data at all is neither complete nor in
///   progress (`hasData` false, `complete` false); its figures are null.
/// - `inProgress` is the latest fiscal year with data when it is not complete. An earlier
///   fiscal year that is not complete (sub-annual data stopping early, followed by later data)
///   is shown as not complete, with its own `through` month, and is never a target's L.
/// - Event months count (`LedgerSummary.months`); event groups' fiscal years count as data.
/// - The per-entity warning is per table file and entity (not per category or program); for
///   the events ledger there is no per-entity month, so it is not checked there.
public struct Completeness: Sendable, Hashable {
  /// What is known about one fiscal year.
  public struct Year: Sendable, Hashable {
    public var fy: FiscalYear
    /// Some table has a row (or an event) in this fiscal year.
    public var hasData: Bool
    /// An annual row anywhere, or a dated row in its last month.
    public var complete: Bool
    /// The latest month with data: the fiscal year's last month when complete; nil without data
    /// or when the year has annual rows only.
    public var through: YearMonth?
    /// 12 when complete; months from the fiscal year's first month through `through` otherwise;
    /// 0 without data.
    public var monthsCovered: Int

    public init(
      fy: FiscalYear, hasData: Bool, complete: Bool, through: YearMonth?, monthsCovered: Int
    ) {
      self.fy = fy
      self.hasData = hasData
      self.complete = complete
      self.through = through
      self.monthsCovered = monthsCovered
    }
  }

  /// Every fiscal year from the earliest to the latest with data in any table, without gaps.
  public var years: [FiscalYear]
  /// One entry per element of `years`, in the same order.
  public var info: [Year]
  /// The latest complete fiscal year (in any table).
  public var latestComplete: FiscalYear?
  /// The latest fiscal year with data when it is not complete.
  public var inProgress: FiscalYear?
  /// The latest month with data of `inProgress`.
  public var inProgressThrough: YearMonth?

  /// Computes completeness from every table of the dataset (events included).
  public init(_ dataset: Dataset) {
    let cal = dataset.organization.calendar
    var hasData = Set<Int>()
    var annual = Set<Int>()
    var latestMonth: [Int: Int] = [:]  // fy -> latest month index with data

    func dated(_ ym: YearMonth) {
      let fy = cal.fiscalYear(of: ym).year
      hasData.insert(fy)
      if let m = latestMonth[fy] {
        if ym.index > m { latestMonth[fy] = ym.index }
      } else {
        latestMonth[fy] = ym.index
      }
    }
    func period(_ p: Period) {
      switch p {
      case .fiscalYear(let fy):
        hasData.insert(fy.year)
        annual.insert(fy.year)
      case .month(let ym), .day(let ym, _):
        dated(ym)
      }
    }
    for r in dataset.operations ?? [] { period(r.period) }
    for r in dataset.valueChain ?? [] { period(r.period) }
    for r in dataset.revenue ?? [] { period(r.period) }
    for r in dataset.avoided ?? [] { period(r.period) }
    if let ledger = dataset.ledger {
      for ym in ledger.months { dated(ym) }
      for g in ledger.groups { hasData.insert(g.fiscalYear.year) }
      for g in ledger.yearTotals { hasData.insert(g.fiscalYear.year) }
    }

    guard let lo = hasData.min(), let hi = hasData.max() else {
      self.years = []
      self.info = []
      return
    }
    var years: [FiscalYear] = []
    var info: [Year] = []
    var latestComplete: FiscalYear?
    for y in lo...hi {
      let fy = FiscalYear(y)
      years.append(fy)
      let last = cal.lastMonth(of: fy).index
      let complete = annual.contains(y) || latestMonth[y] == last
      if complete { latestComplete = fy }
      if complete {
        info.append(
          Year(
            fy: fy, hasData: true, complete: true, through: cal.lastMonth(of: fy), monthsCovered: 12
          ))
      } else if let m = latestMonth[y] {
        let ym = YearMonth(index: m)
        info.append(
          Year(
            fy: fy, hasData: true, complete: false, through: ym,
            monthsCovered: m - cal.firstMonth(of: fy).index + 1))
      } else {
        info.append(
          Year(
            fy: fy, hasData: hasData.contains(y), complete: false, through: nil, monthsCovered: 0))
      }
    }
    self.years = years
    self.info = info
    self.latestComplete = latestComplete
    if let last = info.last, !last.complete, last.hasData {
      self.inProgress = last.fy
      self.inProgressThrough = last.through
    }
  }

  /// The entry of a fiscal year; nil outside `years`.
  public func year(_ fy: FiscalYear) -> Year? {
    guard let first = years.first else { return nil }
    let i = fy - first
    return i >= 0 && i < info.count ? info[i] : nil
  }

  /// True when the fiscal year is complete.
  public func isComplete(_ fy: FiscalYear) -> Bool { year(fy)?.complete ?? false }

  /// Months covered by the data of a fiscal year (12 when complete, 0 without data).
  public func monthsCovered(_ fy: FiscalYear) -> Int { year(fy)?.monthsCovered ?? 0 }

  /// The run-rate of a year-to-date figure: YTD x 12 / months covered; the figure itself for a
  /// complete year; nil without a figure or without months.
  public func runRate(_ ytd: Double?, _ fy: FiscalYear) -> Double? {
    guard let ytd, let y = year(fy) else { return nil }
    if y.complete { return ytd }
    guard y.monthsCovered > 0 else { return nil }
    return ytd * 12 / Double(y.monthsCovered)
  }

  /// Warnings for complete fiscal years where an entity's sub-annual rows in a table stop before
  /// the year's last month: file = the table's file, line = that entity's last row of the year,
  /// column 1 (the record: a diagnostic with a line always has a column). Sorted by table (operations, value_chain, revenue, avoided), then line.
  public static func incompleteEntityWarnings(_ dataset: Dataset) -> [Diagnostic] {
    let completeness = Completeness(dataset)
    let cal = dataset.organization.calendar
    var out: [Diagnostic] = []

    struct Key: Hashable {
      var entity: String
      var fy: Int
    }
    struct Last {
      var month: Int
      var line: Int
      var file: String
    }
    func scan(_ rows: [(Period, String, SourceRef)]) {
      var last: [Key: Last] = [:]
      var order: [Key] = []
      for (p, entity, src) in rows {
        guard let ym = p.yearMonth else { continue }
        let k = Key(entity: entity, fy: cal.fiscalYear(of: ym).year)
        if let l = last[k] {
          if ym.index > l.month || (ym.index == l.month && src.line > l.line) {
            last[k] = Last(month: ym.index, line: src.line, file: src.file)
          }
        } else {
          last[k] = Last(month: ym.index, line: src.line, file: src.file)
          order.append(k)
        }
      }
      var found: [Diagnostic] = []
      for k in order {
        guard let l = last[k] else { continue }
        let fy = FiscalYear(k.fy)
        let end = cal.lastMonth(of: fy)
        guard completeness.isComplete(fy), l.month < end.index else { continue }
        found.append(
          Diagnostic(
            .warning, file: l.file, line: l.line, column: 1,
            "entity \"\(Sanitize.text(k.entity))\": sub-annual rows for \(fy) stop at \(YearMonth(index: l.month)), but \(fy) is complete (through \(end)); the entity's figures for the year may be incomplete"
          ))
      }
      found.sort { ($0.line ?? 0) < ($1.line ?? 0) }
      out += found
    }
    scan((dataset.operations ?? []).map { ($0.period, $0.entity, $0.source) })
    scan((dataset.valueChain ?? []).map { ($0.period, $0.entity, $0.source) })
    scan((dataset.revenue ?? []).map { ($0.period, $0.entity, $0.source) })
    scan((dataset.avoided ?? []).map { ($0.period, $0.entity, $0.source) })
    return out
  }
}
