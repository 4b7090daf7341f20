import CarbonText

/// Builds the Report of a Dataset under a Scenario: every figure of docs/data-format.md, computed once.
///
/// `ReportBuilder(dataset:)` indexes the rows and computes the history of every target once;
/// `build(scenario:)` then only adds levers, projections and outcomes, so the scenario editor
/// can rebuild the report on every key press.
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - Required cut / required annual reduction: 0 when the figure at L already meets the target
///   (even when T <= L), null when T <= L otherwise or without L.
/// - The SBTi check (`sbti_intensity_ok`) is given for every intensity target, whatever its
///   scopes, from its own implied rate: true when it is at least 7%/yr.
/// - Diagnostics are the dataset's own; the completeness warnings are added by CarbonData
///   (`Completeness.incompleteEntityWarnings`), not a second time here.
/// - `by_entity` lists the covered entities with avoided emissions at L; both lists are empty
///   without L.
/// - Removals and offsets not reported show as null in `years` (and count as 0 in the net).
/// - `offsets_warning` (per year) is true when offsets > 0 and offsets > removals + abatement,
///   unreported ones counting as 0.
/// - `verified_share` is 0 when A(y) > 0 and nothing is verified; null when A(y) is null or 0.
/// - A fiscal year without any data in the range is `complete: false` with null figures.
/// - A year in progress gets run-rates (extra keys `*_run_rate*`); intensity of a year in
///   progress is YTD emissions / YTD revenue (a ratio needs no annualizing).
/// - `avoided_growth` in effect drives the headline avoided target's outcome and the scope3plus
///   section's `projected_total_at_by_tco2e` and `projected_year_reached` alike (without a
///   scenario it defaults to the latest growth, the contract's definition); the status stays on
///   history (docs/data-format.md, "Readings chosen").
public struct ReportBuilder: Sendable {
  /// The dataset the report describes.
  public let dataset: Dataset
  /// Completeness of every fiscal year.
  public let completeness: Completeness
  let index: DatasetIndex
  let analyses: [TargetAnalysis]
  /// Indices into `analyses` of the first neutrality, intensity and avoided targets.
  let headline: [TargetKind: Int]
  /// Lever defaults for the headline targets (the scenario editor's defaults).
  public let defaults: [Lever: Double?]
  /// The years the headline defaults come from, and whether they are thin.
  public let defaultBasis: [Lever: DefaultBasis]
  /// Per target: the defaults from its own entities (used for non-headline targets).
  let ownDefaults: [[Lever: Double?]]
  let base: Report

  /// Indexes the dataset and computes the history of every target.
  public init(dataset: Dataset) {
    self.dataset = dataset
    let completeness = Completeness(dataset)
    self.completeness = completeness
    let index = DatasetIndex(dataset)
    self.index = index
    let analyses = dataset.targets.map {
      TargetAnalysis(target: $0, completeness: completeness, index: index)
    }
    self.analyses = analyses
    var headline: [TargetKind: Int] = [:]
    for (i, t) in dataset.targets.enumerated() where headline[t.kind] == nil {
      headline[t.kind] = i
    }
    self.headline = headline

    let years = completeness.years
    let complete = completeness.info.map(\.complete)
    let allFigures = years.map { index.figures($0, entity: nil) }
    func source(_ kind: TargetKind) -> [Figures] {
      headline[kind].map { analyses[$0].figures } ?? allFigures
    }
    // The clean share trend is carried to T of the first neutrality target, else of the first
    // target, for every target (headline or not).
    let horizon = headline[.neutrality].map { analyses[$0].target.by } ?? dataset.targets.first?.by
    let ops = Projection.defaults(
      years: years, complete: complete, figures: source(.neutrality), by: horizon)
    let vc = Projection.defaults(
      years: years, complete: complete, figures: source(.intensity), by: horizon)
    let av = Projection.defaults(
      years: years, complete: complete, figures: source(.avoided), by: horizon)
    var d: [Lever: Double?] = [:]
    for l in Lever.allCases {
      switch l {
      case .revenueGrowth, .scope3Change: d[l] = vc[l] ?? nil
      case .avoidedGrowth: d[l] = av[l] ?? nil
      default: d[l] = ops[l] ?? nil
      }
    }
    self.defaults = d
    func basis(_ kind: TargetKind) -> [Lever: DefaultBasis] {
      Projection.defaultBasis(years: years, complete: complete, figures: source(kind))
    }
    let (opsB, vcB, avB) = (basis(.neutrality), basis(.intensity), basis(.avoided))
    var db: [Lever: DefaultBasis] = [:]
    for l in Lever.allCases {
      switch l {
      case .revenueGrowth, .scope3Change: db[l] = vcB[l]
      case .avoidedGrowth: db[l] = avB[l]
      default: db[l] = opsB[l]
      }
    }
    self.defaultBasis = db
    self.ownDefaults = analyses.map {
      Projection.defaults(
        years: years, complete: complete, figures: $0.figures, by: horizon)
    }
    self.base = ReportBuilder.history(
      dataset: dataset, completeness: completeness, index: index, analyses: analyses,
      headline: headline)
  }

  /// The report of a dataset under a scenario (nil: every lever at its default).
  public static func build(dataset: Dataset, scenario: Scenario?) -> Report {
    ReportBuilder(dataset: dataset).build(scenario: scenario)
  }

  /// The levers in effect under a scenario: its values where set, the defaults elsewhere.
  public func levers(for scenario: Scenario?) -> [Lever: Double?] {
    var out: [Lever: Double?] = [:]
    for l in Lever.allCases {
      if let v = scenario?.levers[l], v.isFinite {
        out[l] = v
      } else {
        out[l] = defaults[l] ?? nil
      }
    }
    return out
  }

  /// The report under a scenario: history (computed once) plus projections and outcomes.
  public func build(scenario: Scenario?) -> Report {
    var r = base
    let inEffect = levers(for: scenario)
    r.scenario = ScenarioInfo(name: scenario?.name, levers: inEffect, defaults: defaults)
    r.scenario.defaultBasis = defaultBasis
    let headlineSet = Set(headline.values)
    for (i, a) in analyses.enumerated() {
      let levers = headlineSet.contains(i) ? inEffect : ownDefaults[i]
      let projection = Projection.project(a, levers: levers)
      r.targets[i].projection = projection
      r.targets[i].outcome = Projection.outcome(a, projection: projection)
      if r.targets[i].outcome.projectedAtBy == nil {
        r.targets[i].projectionMissing = ProjectionGap.reason(a, levers: levers) ?? "data missing"
      }
      if headline[.neutrality] == i {
        r.operational?.projection = projection.map { .init(fy: $0.fy, net: $0.value) }
      }
      if headline[.intensity] == i {
        r.valueChain?.projection = projection.map { .init(fy: $0.fy, intensity: $0.value) }
      }
      if headline[.avoided] == i, let fyL = a.latest, fyL < a.target.by {
        // The section's projected keys follow the levers in effect, as the outcome does.
        r.scope3plus?.projectedTotalAtBy = r.targets[i].outcome.projectedAtBy
        if let amount = a.target.amountTCO2e, let cumL = a.actualAtLatest, cumL < amount {
          let aL = a.value[a.years.firstIndex(of: fyL)!]
          let g = levers[.avoidedGrowth] ?? nil
          r.scope3plus?.projectedYearReached =
            if let aL, let g {
              Formulas.yearReached(
                cumulative: cumL, annual: aL, growth: g, latest: fyL, amount: amount)
            } else { nil }
        }
      }
    }
    return r
  }

  // MARK: - History

  static func history(
    dataset: Dataset, completeness: Completeness, index: DatasetIndex, analyses: [TargetAnalysis],
    headline: [TargetKind: Int]
  ) -> Report {
    let targets = analyses.map { a -> TargetReport in
      let t = a.target
      var tr = TargetReport(
        id: t.id, kind: t.kind, title: t.title, entity: t.entity ?? "*", baseline: t.baseline,
        by: t.by,
        latestFY: a.latest, status: a.status, gap: a.status == .behind ? a.gap : nil,
        outcome: Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil))
      tr.actualAtLatest = a.actualAtLatest
      tr.pathAtLatest = a.pathAtLatest
      tr.goal = a.goal
      tr.scopes = t.scopes
      return tr
    }
    var r = Report(
      organization: dataset.organization.name, latestCompleteFY: completeness.latestComplete,
      inProgressFY: completeness.inProgress, inProgressThrough: completeness.inProgressThrough,
      scenario: ScenarioInfo(name: nil, levers: [:], defaults: [:]), targets: targets,
      operational: headline[.neutrality].map { operational(analyses[$0], completeness) },
      valueChain: headline[.intensity].map { valueChain(analyses[$0], completeness) }
        ?? valueChainData(dataset, completeness, index),
      scope3plus: headline[.avoided].map {
        scope3plus(analyses[$0], completeness, index, ledger: dataset.ledger)
      },
      diagnostics: dataset.diagnostics)
    r.fiscalYears = completeness.info
    r.currency = dataset.organization.currency
    r.revenueUnit = dataset.organization.revenueUnit
    return r
  }

  static func operational(_ a: TargetAnalysis, _ c: Completeness) -> OperationalReport {
    let t = a.target
    let years = a.years.indices.map { i -> OperationalReport.Year in
      let f = a.figures[i]
      var y = OperationalReport.Year(fy: a.years[i], complete: a.complete[i])
      y.scope1 = f.scope1
      y.scope2Location = f.scope2Location
      y.scope2Market = f.scope2Market
      y.scope12 = f.scope12
      y.gross = a.emissions[i]
      y.removals = f.removals
      y.offsets = f.offsets
      y.net = a.value[i]
      y.abatement = f.abatement
      y.cleanElectricityShare = f.cleanShare
      y.pue = f.pue
      y.electricityMWh = f.electricityMWh
      y.cleanElectricityMWh = f.cleanElectricityMWh
      y.offsetsShare = f.offsetsShare(gross: a.emissions[i])
      y.offsetsWarning = f.offsetsWarning
      y.splitNotReported = f.splitNotReported
      y.scope2FallbackRows = f.scope2FallbackRows
      y.monthsCovered = c.info[i].monthsCovered
      if !a.complete[i] {
        y.netRunRate = c.runRate(y.net, a.years[i])
        y.grossRunRate = c.runRate(y.gross, a.years[i])
      }
      return y
    }
    var required: Double?
    if let fyL = a.latest, let nl = a.at(a.value, fyL) {
      if nl <= 0 {
        required = 0
      } else if t.by > fyL {
        required = nl / Double(t.by - fyL)
      }
    }
    var r = OperationalReport(
      targetID: t.id, years: years, pathNetAtLatest: a.pathAtLatest, requiredCutPerYear: required,
      projection: [])
    r.latestFY = a.latest
    r.netAtLatest = a.latest.flatMap { a.at(a.value, $0) }
    r.scope2Basis = t.scope2Basis
    r.offsetsCounted = t.offsets
    r.scope2FallbackYears = years.filter { $0.scope2FallbackRows > 0 }.map(\.fy)
    r.scope2FallbackRowsTotal = years.reduce(0) { $0 + $1.scope2FallbackRows }
    return r
  }

  static func valueChain(_ a: TargetAnalysis, _ c: Completeness) -> ValueChainReport {
    let t = a.target
    let years = a.years.indices.map { i -> ValueChainReport.Year in
      let f = a.figures[i]
      var y = ValueChainReport.Year(fy: a.years[i], complete: a.complete[i])
      y.scope3 = f.scope3
      y.revenue = f.revenue
      y.intensity = a.value[i]
      y.yoy = a.yoy[i]
      y.emissions = a.emissions[i]
      y.categories = f.categories
      y.monthsCovered = c.info[i].monthsCovered
      if !a.complete[i] {
        y.emissionsRunRate = c.runRate(y.emissions, a.years[i])
        y.revenueRunRate = c.runRate(y.revenue, a.years[i])
      }
      return y
    }
    let fyL = a.latest
    let il = fyL.flatMap { a.at(a.value, $0) }
    var required: Double?
    if let fyL, let il, let goal = a.goal {
      required = Formulas.requiredAnnualReduction(current: il, target: goal, years: t.by - fyL)
    }
    let implied = t.reduction.flatMap {
      Formulas.impliedRate(reduction: $0, years: t.by - t.baseline)
    }
    let sbti: Bool? = implied.map { $0 >= Formulas.sbtiIntensityMinimum - 1e-12 }
    let fL = fyL.flatMap { l in a.idx(l).map { a.figures[$0] } }
    let categories = (1...15).map { n -> ValueChainReport.Category in
      let v = fL?.categories[n - 1] ?? nil
      var share: Double?
      if let v, let s3 = fL?.scope3, s3 > 0 { share = v / s3 }
      return .init(category: n, name: Scope3Category.name(n), tco2e: v, share: share)
    }
    var r = ValueChainReport(
      targetID: t.id, years: years, baselineIntensity: a.baseValue, targetIntensity: a.goal,
      pathIntensityAtLatest: a.pathAtLatest, requiredAnnualReduction: required,
      impliedTargetRate: implied,
      sbtiIntensityOK: sbti, categories: categories, projection: [])
    r.latestFY = fyL
    r.intensityAtLatest = il
    r.uncategorizedTCO2e = fL?.uncategorized
    r.reduction = t.reduction
    return r
  }

  /// The value-chain section of an organization without an intensity target: its Scope 3
  /// data (every entity) by year and category, with revenue and S3 / revenue where given, and
  /// every target figure null. Nil when value_chain.csv gave no row.
  static func valueChainData(_ d: Dataset, _ c: Completeness, _ index: DatasetIndex)
    -> ValueChainReport?
  {
    guard let rows = d.valueChain, !rows.isEmpty else { return nil }
    let figures = c.years.map { index.figures($0, entity: nil) }
    var years: [ValueChainReport.Year] = []
    for (i, fy) in c.years.enumerated() {
      let f = figures[i]
      var y = ValueChainReport.Year(fy: fy, complete: c.info[i].complete)
      y.scope3 = f.scope3
      y.revenue = f.revenue
      if let s3 = f.scope3, let rev = f.revenue, rev > 0 { y.intensity = s3 / rev }
      y.emissions = f.scope3
      y.categories = f.categories
      y.monthsCovered = c.info[i].monthsCovered
      if !y.complete {
        y.emissionsRunRate = c.runRate(y.emissions, fy)
        y.revenueRunRate = c.runRate(y.revenue, fy)
      } else if i > 0, years[i - 1].complete, let now = y.intensity,
        let before = years[i - 1].intensity, before > 0
      {
        y.yoy = now / before - 1
      }
      years.append(y)
    }
    let li = years.indices.last { years[$0].complete && years[$0].scope3 != nil }
    let fL = li.map { figures[$0] }
    let categories = (1...15).map { n -> ValueChainReport.Category in
      let v = fL?.categories[n - 1] ?? nil
      var share: Double?
      if let v, let s3 = fL?.scope3, s3 > 0 { share = v / s3 }
      return .init(category: n, name: Scope3Category.name(n), tco2e: v, share: share)
    }
    var r = ValueChainReport(
      targetID: "", years: years, baselineIntensity: nil, targetIntensity: nil,
      pathIntensityAtLatest: nil, requiredAnnualReduction: nil, impliedTargetRate: nil,
      sbtiIntensityOK: nil, categories: categories, projection: [])
    r.hasTarget = false
    r.latestFY = li.map { years[$0].fy }
    r.intensityAtLatest = li.flatMap { years[$0].intensity }
    r.uncategorizedTCO2e = fL?.uncategorized
    return r
  }

  static func scope3plus(
    _ a: TargetAnalysis, _ c: Completeness, _ index: DatasetIndex, ledger: LedgerSummary?
  )
    -> Scope3PlusReport
  {
    let t = a.target
    let years = a.years.indices.map { i -> Scope3PlusReport.Year in
      let f = a.figures[i]
      var y = Scope3PlusReport.Year(fy: a.years[i], complete: a.complete[i])
      y.avoided = a.value[i]
      y.cumulative = a.cumulative[i]
      y.yoy = a.yoy[i]
      if let av = f.avoided, av > 0 { y.verifiedShare = (f.avoidedVerified ?? 0) / av }
      y.verifiedTCO2e = f.avoidedVerified ?? (f.avoided != nil ? 0 : nil)
      y.monthsCovered = c.info[i].monthsCovered
      if !a.complete[i] { y.avoidedRunRate = c.runRate(y.avoided, a.years[i]) }
      return y
    }
    let amount = t.amountTCO2e ?? 0
    let fyL = a.latest
    let cumL = fyL.flatMap { a.at(a.cumulative, $0) }
    var byEntity: [Scope3PlusReport.EntityTotal] = []
    var programs: [Scope3PlusReport.Program] = []
    if let fyL {
      for (name, f) in index.byYear[fyL.year] ?? [:] where t.covers(name) && f.avoided != nil {
        byEntity.append(.init(entity: name, avoided: f.avoided))
      }
      byEntity.sort { ByteOrder.less($0.entity, $1.entity) }
      for (k, p) in index.programs[fyL.year] ?? [:] where t.covers(k.entity) {
        programs.append(
          .init(
            entity: k.entity, program: k.program, avoided: p.avoided, events: p.events,
            participants: p.participants))
      }
      programs.sort {
        $0.entity != $1.entity
          ? ByteOrder.less($0.entity, $1.entity)
          : ByteOrder.less($0.program, $1.program)
      }
    }
    var r = Scope3PlusReport(
      targetID: t.id, years: years, amount: amount,
      progress: cumL.map { amount > 0 ? $0 / amount : 0 },
      remaining: cumL.map { amount - $0 }, requiredGrowth: a.requiredGrowth,
      projectedTotalAtBy: a.projectedTotalAtBy,
      projectedYearReached: a.projectedYearReached, byEntity: byEntity, programs: programs)
    r.latestFY = fyL
    r.avoidedAtLatest = fyL.flatMap { a.at(a.value, $0) }
    r.cumulativeAtLatest = cumL
    r.latestGrowth = fyL == nil ? nil : a.latestGrowth
    r.eventRowsRead = ledger?.rowsRead
    r.eventRowsRejected = ledger?.rowsRejected
    return r
  }
}
