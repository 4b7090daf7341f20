/// The history of one target: its figures year by year over the report's `years`, its L,
/// path, status and gap, milestones, achieved fraction and required change
/// (docs/data-format.md "Calculations" and "Targets of any organization"). Computed once per
/// dataset; scenarios only add projections on top.
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - The baseline (b, or `from`) figure must come from a complete fiscal year: a year-to-date
///   baseline is not a baseline.
/// - Path(y) runs through the milestones (piecewise linear), is null before b and without the
///   baseline figure, and stays at the final level after T.
/// - YoY (intensity and avoided) is null for a year in progress and when the previous year is
///   not complete or its figure is missing or 0.
/// - A target's figure is Net (neutrality), Gross (absolute, net_zero), I (intensity), Clean
///   (share) or A (avoided); "the target's figure" of `years`, milestones and
///   `value_at_latest` is Cum for avoided. L is the latest complete year with that figure (with
///   A for avoided); if Cum(L) is null (L before `from`) the status is no_data.
/// - Avoided, T <= L: the projected total at T is the actual Cum(T), null when Cum(T) is null
///   (nothing counted by T: missing is never zero); a `behind` status then has a null gap.
/// - A milestone's actual figure is the figure at its fy as it stands (complete or not); its
///   status is no_data where the level or the actual figure is null (L null included).
struct TargetAnalysis: Sendable {
  let target: Target
  let years: [FiscalYear]
  let complete: [Bool]
  let figures: [Figures]
  /// Gross / E per year (emissions of the target's scopes); empty for share and avoided.
  var emissions: [Double?] = []
  /// Net / Gross / I / Clean / A per year.
  var value: [Double?] = []
  /// Intensity and avoided: YoY per year.
  var yoy: [Double?] = []
  /// Avoided: Cum per year.
  var cumulative: [Double?] = []
  var latest: FiscalYear?
  var baseValue: Double?
  /// The final level: 0 (neutrality), G* (absolute, net_zero), I*, the share, or the amount.
  var goal: Double?
  /// The level of each milestone of `target.milestones`, in the target's own unit.
  var milestoneLevels: [Double?] = []
  var status: TargetStatus = .noData
  var gap: Double?
  var pathAtLatest: Double?
  var requiredChange: Double?
  var achievedFraction: Double?
  /// Intensity per an activity metric: the default rate of that metric's series.
  var activityGrowth: Double = 0
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
    let t = target
    switch t.kind {
    case .neutrality:
      emissions = figures.map { $0.emissions(scopes: t.scopes, basis: t.scope2Basis) }
      value = figures.map {
        $0.net(
          scopes: t.scopes, basis: t.scope2Basis, countOffsets: t.offsets,
          countRemovals: t.removals)
      }
    case .absolute, .netZero:
      emissions = figures.map { $0.emissions(scopes: t.scopes, basis: t.scope2Basis) }
      value = emissions
    case .intensity:
      emissions = figures.map { $0.emissions(scopes: t.scopes, basis: t.scope2Basis) }
      value = zip(emissions, figures).map { e, f in
        guard let e, let d = f.denominator(t.per), d > 0 else { return nil }
        return e / d
      }
      yoy = computeYoY(value)
      if !t.perRevenue {
        activityGrowth = Projection.seriesRate(
          years: years, complete: complete, series: figures.map { $0.activity[t.per] })
      }
    case .share:
      value = figures.map(\.cleanShare)
    case .avoided:
      analyzeAvoided()
      computeMilestoneLevels()
      return
    }
    latest = latestComplete(value)
    baseValue = completeValue(value, t.baseline)
    switch t.kind {
    case .neutrality: goal = 0
    case .share: goal = t.share
    default:
      if let vb = baseValue, let red = t.reduction { goal = vb * (1 - red) }
    }
    computeMilestoneLevels()
    judge()
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

  /// "The target's figure" per year: Cum for avoided, the value otherwise.
  var figureSeries: [Double?] { target.kind == .avoided ? cumulative : value }

  /// Removals of the target's entities in a fiscal year (unreported count as none).
  func removals(_ fy: FiscalYear) -> Double {
    guard let i = idx(fy) else { return 0 }
    return figures[i].removals ?? 0
  }

  /// The level of each milestone in the target's own unit: a reduction below the baseline
  /// figure (Net(b), Gross(b), I(b)), the share, or the amount.
  mutating func computeMilestoneLevels() {
    let t = target
    milestoneLevels = t.milestones.map { m in
      switch t.kind {
      case .share, .avoided: return m.value
      default: return baseValue.map { $0 * (1 - m.value) }
      }
    }
  }

  /// Path(y): piecewise linear through (b, V(b)), the milestones and (T, the final level); null
  /// before b, without V(b) or the final level, and for avoided targets.
  func path(_ fy: FiscalYear) -> Double? {
    let t = target
    guard t.kind != .avoided, let vb = baseValue, let final = goal, t.by > t.baseline else {
      return nil
    }
    var points: [(FiscalYear, Double)] = [(t.baseline, vb)]
    for (m, level) in zip(t.milestones, milestoneLevels) {
      guard let level else { return nil }
      points.append((m.fy, level))
    }
    points.append((t.by, final))
    return Formulas.piecewise(points, at: fy)
  }

  /// True when `v` is at or better than `level` (<= for emissions and intensity, >= for share
  /// and avoided).
  func meets(_ v: Double, _ level: Double) -> Bool {
    target.kind.lowerIsBetter ? v <= level : v >= level
  }

  /// True when the figure `v` meets the target's final level, with `removals` the removals of
  /// that year (net_zero: the residual must also be neutralized by removals).
  func meetsTarget(_ v: Double, removals: Double) -> Bool? {
    guard let goal else { return nil }
    if target.kind == .netZero { return v <= goal && v - removals <= 0 }
    return meets(v, goal)
  }

  /// Status, gap, required change and achieved fraction at L (every kind but avoided). The
  /// required change needs only the figure at L and the final level (neutrality's needs no
  /// baseline); status and achieved fraction need the baseline figure too.
  mutating func judge() {
    let t = target
    guard let fyL = latest, let vl = at(value, fyL), let goal else { return }
    let n = t.by - fyL
    switch t.kind {
    case .intensity:
      requiredChange = Formulas.requiredAnnualReduction(current: vl, target: goal, years: n)
    case .share:
      requiredChange = Formulas.linearRequired(remaining: goal - vl, years: n)
    default:
      requiredChange = Formulas.linearRequired(remaining: vl - goal, years: n)
    }
    guard let vb = baseValue else { return }
    pathAtLatest = path(fyL)
    if meetsTarget(vl, removals: removals(fyL)) == true {
      status = .achieved
    } else if let p = pathAtLatest, meets(vl, p) {
      status = .onTrack
    } else if let p = pathAtLatest {
      status = .behind
      gap = t.kind.lowerIsBetter ? vl - p : p - vl
    } else {
      status = .noData
    }
    achievedFraction = Formulas.achievedFraction(
      base: vb, current: vl, level: goal, lowerIsBetter: t.kind.lowerIsBetter)
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
    achievedFraction = amount > 0 ? cumL / amount : nil
    latestGrowth = at(yoy, fyL) ?? 0
    requiredGrowth = Formulas.requiredGrowth(latest: aL, remaining: remaining, years: n)
    requiredChange = requiredGrowth
    // Projection at the latest growth.
    if n > 0 {
      projectedTotalAtBy = cumL + Formulas.geometricSum(aL, growth: latestGrowth, years: n)
    } else {
      projectedTotalAtBy = at(cumulative, t.by)
    }
    if remaining <= 0 {
      projectedYearReached = firstYearMet(through: fyL)
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

  /// The first fiscal year from the baseline (`from`) through `last` at which the actual figure
  /// met the target (docs/data-format.md "Outcomes").
  func firstYearMet(through last: FiscalYear) -> FiscalYear? {
    let series = figureSeries
    return years.indices.first { i in
      years[i] >= target.baseline && years[i] <= last
        && (series[i].flatMap { meetsTarget($0, removals: figures[i].removals ?? 0) } ?? false)
    }.map { years[$0] }
  }

  /// The target's figure (Net, Gross, I, Clean or Cum) at L.
  var actualAtLatest: Double? {
    guard let fyL = latest else { return nil }
    return at(figureSeries, fyL)
  }

  /// Each milestone judged at its own fiscal year (projected values are added per scenario).
  var milestoneJudgements: [MilestoneReport] {
    let series = figureSeries
    return zip(target.milestones, milestoneLevels).map { m, level in
      guard let fyL = latest else {
        return MilestoneReport(fy: m.fy, level: level, actual: nil, status: .noData, projected: nil)
      }
      let after = m.fy > fyL
      let actual = after ? nil : at(series, m.fy)
      let status: MilestoneStatus
      if after {
        status = .upcoming
      } else if let actual, let level {
        status = meets(actual, level) ? .met : .missed
      } else {
        status = .noData
      }
      return MilestoneReport(fy: m.fy, level: level, actual: actual, status: status, projected: nil)
    }
  }
}
