/// The fiscal year in progress of each headline target, year to date: the figure through the
/// latest month with data, the same months of the previous year, the run-rate and the
/// target's path for this year (docs/data-format.md, "year_in_progress"). Computed once, in
/// `ReportBuilder`, for the dashboard and the report alike.
///
/// - The previous year's months come from its sub-annual rows within the same months of its
///   fiscal year. A table giving the previous year as an annual row, or events of the previous
///   year (the ledger is summed per fiscal year), cannot be split by month: the prior
///   year-to-date is then null for the sections reading that table.
/// - Run-rate: Net x 12 / months and A x 12 / months; for an intensity the YTD ratio itself
///   (a ratio needs no annualizing).
/// - Path: the target's path at the year in progress (Net(b) to 0, or I(b) to I*); for an
///   avoided target the amount still needed per year to reach it by T, from the cumulative
///   of the previous year: (amount - Cum(FY-1)) / (T - FY + 1).
enum YearToDate {
  static func compute(
    dataset: Dataset, completeness c: Completeness, analyses: [TargetAnalysis],
    headline: [TargetKind: Int]
  ) -> YearInProgress? {
    guard let fy = c.inProgress, let through = c.inProgressThrough else { return nil }
    let months = c.monthsCovered(fy)
    guard months > 0 else { return nil }
    let prior = priorBuilder(dataset, fy: fy, months: months)
    var out = YearInProgress(fy: fy, through: through, months: months)
    let unit = dataset.organization.revenueUnit.map { "tCO2e/" + $0 } ?? "tCO2e/revenue"
    for (kind, i) in headline {
      let a = analyses[i]
      var f = YearInProgress.Figure(
        targetID: a.target.id, unit: kind == .intensity ? unit : "tCO2e")
      f.ytd = a.at(a.value, fy)
      f.priorYTD = prior.flatMap { p in
        p.unsplit.contains(kind)
          ? nil : p.builder.analyses[i].at(p.builder.analyses[i].value, fy - 1)
      }
      if let v = f.ytd, let pv = f.priorYTD {
        f.change = v - pv
        f.changeShare = pv != 0 ? v / pv - 1 : nil
      }
      let t = a.target
      switch kind {
      case .neutrality:
        f.runRate = f.ytd.map { $0 * 12 / Double(months) }
        // The target's own path (through its milestones), one implementation.
        if fy >= t.baseline { f.path = a.path(fy) }
      case .intensity:
        f.runRate = f.ytd
        if fy >= t.baseline { f.path = a.path(fy) }
      case .avoided:
        f.runRate = f.ytd.map { $0 * 12 / Double(months) }
        if let amount = t.amountTCO2e, t.by >= fy {
          let before = a.at(a.cumulative, fy - 1) ?? 0
          f.path = max(0, amount - before) / Double(t.by - fy + 1)
        }
      default: continue  // the sections' kinds only (headline targets of the three panels)
      }
      if let r = f.runRate, let p = f.path { f.runRateVsPath = r - p }
      switch kind {
      case .neutrality: out.operational = f
      case .intensity: out.valueChain = f
      case .avoided: out.scope3plus = f
      default: break
      }
    }
    return out
  }

  /// The previous fiscal year cut to the same months, and the target kinds whose tables
  /// cannot be cut (an annual row, or events, in the previous year).
  static func priorBuilder(_ d: Dataset, fy: FiscalYear, months: Int) -> (
    builder: ReportBuilder, unsplit: Set<TargetKind>
  )? {
    let cal = d.organization.calendar
    let prev = fy - 1
    let last = cal.firstMonth(of: prev).index + months - 1
    var unsplit = Set<TargetKind>()
    func cut<Row>(_ rows: [Row]?, _ period: (Row) -> Period, _ kinds: [TargetKind]) -> [Row]? {
      guard let rows else { return nil }
      var out: [Row] = []
      for r in rows {
        let p = period(r)
        guard p.fiscalYear(in: cal) == prev else { continue }
        guard let ym = p.yearMonth else {
          unsplit.formUnion(kinds)
          continue
        }
        if ym.index <= last { out.append(r) }
      }
      return out
    }
    var s = Dataset(organization: d.organization, targets: d.targets)
    s.operations = cut(d.operations, \.period, [.neutrality, .intensity])
    s.valueChain = cut(d.valueChain, \.period, [.neutrality, .intensity])
    s.revenue = cut(d.revenue, \.period, [.intensity])
    s.avoided = cut(d.avoided, \.period, [.avoided])
    if d.ledger?.yearTotals.contains(where: { $0.fiscalYear == prev }) == true {
      unsplit.insert(.avoided)
    }
    let any = [s.operations?.count, s.valueChain?.count, s.revenue?.count, s.avoided?.count]
      .contains { ($0 ?? 0) > 0 }
    guard any else { return nil }
    return (ReportBuilder(dataset: s, yearToDate: false), unsplit)
  }
}

/// The fiscal year in progress, year to date (Report.yearInProgress; JSON `year_in_progress`).
public struct YearInProgress: Sendable, Hashable {
  /// One headline target's figure in the year in progress.
  public struct Figure: Sendable, Hashable {
    public var targetID: String
    /// "tCO2e", or "tCO2e/UNIT" for an intensity.
    public var unit: String
    /// Net, I or A year to date.
    public var ytd: Double?
    /// The same months of the previous fiscal year (null when they cannot be told apart).
    public var priorYTD: Double?
    /// ytd - priorYTD, in `unit`.
    public var change: Double?
    /// ytd / priorYTD - 1.
    public var changeShare: Double?
    /// The year at this pace (see `YearToDate`).
    public var runRate: Double?
    /// The target's path for this year.
    public var path: Double?
    /// runRate - path: above 0 is behind the path (for avoided: ahead of what is needed).
    public var runRateVsPath: Double?

    public init(targetID: String, unit: String) {
      self.targetID = targetID
      self.unit = unit
    }
  }
  public var fy: FiscalYear
  /// The latest month with data.
  public var through: YearMonth
  public var months: Int
  public var operational: Figure?
  public var valueChain: Figure?
  public var scope3plus: Figure?

  public init(fy: FiscalYear, through: YearMonth, months: Int) {
    self.fy = fy
    self.through = through
    self.months = months
  }
}
