/// The history of one target: its figures year by year over the report's `years`, its L,
/// status and gap (docs/data-format.md "Calculations"). Computed once per dataset; scenarios only add
/// projections on top.
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - The baseline (b, or `from`) figure must come from a complete fiscal year: a year-to-date
///   baseline is not a baseline.
/// - Path(y) for y after T stays at its end (0, or I*).
/// - YoY (intensity and avoided) is null for a year in progress and when the previous year is
///   not complete or its figure is missing or 0.
/// - A target's figure is Net(y), I(y) or A(y); for an avoided target L is the latest complete
///   year with A; if Cum(L) is null (L before `from`) the status is no_data.
/// - Avoided, T <= L: the projected total at T is the actual Cum(T), null when Cum(T) is null
///   (nothing counted by T: missing is never zero); a `behind` status then has a null gap.
struct TargetAnalysis: Sendable {
  let target: Target
  let years: [FiscalYear]
  let complete: [Bool]
  let figures: [Figures]
  /// Gross / E / - per year.
  var emissions: [Double?] = []
  /// Net / I / A per year.
  var value: [Double?] = []
  /// Intensity and avoided: YoY per year.
  var yoy: [Double?] = []
  /// Avoided: Cum per year.
  var cumulative: [Double?] = []
  var latest: FiscalYear?
  var baseValue: Double?
  /// Net: 0; intensity: I*; avoided: amount.
  var goal: Double?
  var status: TargetStatus = .noData
  var gap: Double?
  var pathAtLatest: Double?
  // Avoided.
  var latestGrowth: Double = 0
  var projectedTotalAtBy: Double?
  var projectedYearReached: FiscalYear?
  var requiredGrowth: Double?

  init(target: Target, completeness: Completeness, index: DatasetIndex) {
    self.target = target
    self.years = completeness.years
    self.complete = completeness.info.map(\.complete)
    self.figures = completeness.years.map { index.figures($0, entity: target.entity) }
    switch target.kind {
    case .neutrality: analyzeNeutrality()
    case .intensity: analyzeIntensity()
    case .avoided: analyzeAvoided()
    }
  }

  func idx(_ fy: FiscalYear) -> Int? {
    guard let first = years.first else { return nil }
    let i = fy - first
    return i >= 0 && i < years.count ? i : nil
  }

  func at(_ series: [Double?], _ fy: FiscalYear) -> Double? {
    guard let i = idx(fy), i < series.count else { return nil }
    return series[i]
  }

  func isComplete(_ fy: FiscalYear) -> Bool {
    guard let i = idx(fy) else { return false }
    return complete[i]
  }

  /// The latest complete year where `series` has a value.
  func latestComplete(_ series: [Double?]) -> FiscalYear? {
    for i in stride(from: years.count - 1, through: 0, by: -1) where complete[i] && series[i] != nil
    {
      return years[i]
    }
    return nil
  }

  func completeValue(_ series: [Double?], _ fy: FiscalYear) -> Double? {
    isComplete(fy) ? at(series, fy) : nil
  }

  mutating func analyzeNeutrality() {
    let t = target
    emissions = figures.map { $0.emissions(scopes: t.scopes, basis: t.scope2Basis) }
    value = figures.map { $0.net(scopes: t.scopes, basis: t.scope2Basis, countOffsets: t.offsets) }
    goal = 0
    latest = latestComplete(value)
    baseValue = completeValue(value, t.baseline)
    guard let fyL = latest, let nb = baseValue, let nl = at(value, fyL) else { return }
    pathAtLatest =
      fyL >= t.baseline
      ? Formulas.linear(start: nb, end: 0, from: t.baseline, to: t.by, at: fyL) : nil
    if nl <= 0 {
      status = .achieved
    } else if let p = pathAtLatest, nl <= p {
      status = .onTrack
    } else if let p = pathAtLatest {
      status = .behind
      gap = nl - p
    } else {
      status = .noData
    }
  }

  mutating func analyzeIntensity() {
    let t = target
    emissions = figures.map { $0.emissions(scopes: t.scopes, basis: t.scope2Basis) }
    value = zip(emissions, figures).map { e, f in
      guard let e, let r = f.revenue, r > 0 else { return nil }
      return e / r
    }
    yoy = computeYoY(value)
    latest = latestComplete(value)
    baseValue = completeValue(value, t.baseline)
    if let ib = baseValue, let red = t.reduction { goal = ib * (1 - red) }
    guard let fyL = latest, let ib = baseValue, let il = at(value, fyL), let istar = goal else {
      return
    }
    pathAtLatest =
      fyL >= t.baseline
      ? Formulas.linear(start: ib, end: istar, from: t.baseline, to: t.by, at: fyL) : nil
    if il <= istar {
      status = .achieved
    } else if let p = pathAtLatest, il <= p {
      status = .onTrack
    } else if let p = pathAtLatest {
      status = .behind
      gap = il - p
    } else {
      status = .noData
    }
  }

  func computeYoY(_ v: [Double?]) -> [Double?] {
    v.indices.map { i in
      guard i > 0, complete[i], complete[i - 1], let cur = v[i], let prev = v[i - 1], prev != 0
      else { return nil }
      return cur / prev - 1
    }
  }

  mutating func analyzeAvoided() {
    let t = target
    value = figures.map(\.avoided)
    yoy = computeYoY(value)
    var started = false
    var sum = 0.0
    cumulative = years.indices.map { i in
      guard years[i] >= t.baseline else { return nil }
      if let a = value[i] {
        started = true
        sum += a
      }
      return started ? sum : nil
    }
    goal = t.amountTCO2e
    latest = latestComplete(value)
    baseValue = nil
    guard let fyL = latest, let amount = t.amountTCO2e, let cumL = at(cumulative, fyL),
      let aL = at(value, fyL)
    else { return }
    let remaining = amount - cumL
    let n = t.by - fyL
    latestGrowth = at(yoy, fyL) ?? 0
    requiredGrowth = Formulas.requiredGrowth(latest: aL, remaining: remaining, years: n)
    // Projection at the latest growth.
    if n > 0 {
      projectedTotalAtBy = cumL + Formulas.geometricSum(aL, growth: latestGrowth, years: n)
    } else {
      projectedTotalAtBy = at(cumulative, t.by)
    }
    if remaining <= 0 {
      projectedYearReached = years.indices.first { i in
        years[i] <= fyL && (cumulative[i] ?? -1) >= amount
      }.map { years[$0] }
    } else {
      projectedYearReached = Formulas.yearReached(
        cumulative: cumL, annual: aL, growth: latestGrowth, latest: fyL, amount: amount)
    }
    if remaining <= 0 {
      status = .achieved
    } else if let p = projectedTotalAtBy, p >= amount {
      status = .onTrack
    } else {
      status = .behind
      gap = projectedTotalAtBy.map { amount - $0 }
    }
  }

  /// The target's figure (Net, I or Cum) at L.
  var actualAtLatest: Double? {
    guard let fyL = latest else { return nil }
    return target.kind == .avoided ? at(cumulative, fyL) : at(value, fyL)
  }
}
