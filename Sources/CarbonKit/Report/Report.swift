/// Every figure carbontop shows, computed once from a Dataset and a Scenario by CarbonKit.
/// The dashboard draws it and `carbontop report` prints it; `--format json` is the data contract's
/// "JSON report" (keys in snake_case, absent values as null). Fields marked (extra) are
/// additions beyond the contract's required keys (docs/data-format.md).
public struct Report: Sendable, Hashable {
  public var schema: String = "carbontop.report/1"
  public var organization: String
  public var latestCompleteFY: FiscalYear?
  public var inProgressFY: FiscalYear?
  /// The latest month with data in the year in progress.
  public var inProgressThrough: YearMonth?
  public var scenario: ScenarioInfo
  public var targets: [TargetReport]
  public var operational: OperationalReport?
  public var valueChain: ValueChainReport?
  public var scope3plus: Scope3PlusReport?
  public var diagnostics: [Diagnostic]
  /// (extra) Completeness of every fiscal year of `years` (JSON `fiscal_years`).
  public var fiscalYears: [Completeness.Year] = []
  /// (extra) `[organization] currency`.
  public var currency: String? = nil
  /// (extra) `[organization] revenue_unit`: intensities are t per this unit.
  public var revenueUnit: String? = nil

  public init(
    organization: String, latestCompleteFY: FiscalYear?, inProgressFY: FiscalYear?,
    inProgressThrough: YearMonth?, scenario: ScenarioInfo, targets: [TargetReport],
    operational: OperationalReport?, valueChain: ValueChainReport?, scope3plus: Scope3PlusReport?,
    diagnostics: [Diagnostic]
  ) {
    self.organization = organization
    self.latestCompleteFY = latestCompleteFY
    self.inProgressFY = inProgressFY
    self.inProgressThrough = inProgressThrough
    self.scenario = scenario
    self.targets = targets
    self.operational = operational
    self.valueChain = valueChain
    self.scope3plus = scope3plus
    self.diagnostics = diagnostics
  }
}

/// `scenario`: the name (nil without a scenario) and every lever's value in effect.
public struct ScenarioInfo: Sendable, Hashable {
  public var name: String?
  /// Every lever, set or defaulted; nil where the default cannot be computed.
  public var levers: [Lever: Double?]
  /// (extra) The defaults from history, for the editor and the compare screen.
  public var defaults: [Lever: Double?]
  /// (extra) The years each rate lever's default comes from, and whether they are thin.
  public var defaultBasis: [Lever: DefaultBasis] = [:]
  public init(name: String?, levers: [Lever: Double?], defaults: [Lever: Double?]) {
    self.name = name
    self.levers = levers
    self.defaults = defaults
  }
}

public enum TargetStatus: String, Sendable, Hashable, Codable {
  case achieved
  case onTrack = "on_track"
  case behind
  case noData = "no_data"
}

/// A target's projected outcome under the levers in effect.
public struct Outcome: Sendable, Hashable {
  /// Projected Net(T), I(T) or Cum(T); the actual figure where T <= L.
  public var projectedAtBy: Double?
  public var met: Bool?
  public var yearMet: FiscalYear?
  /// How far T's projection is from the target; 0 when met.
  public var shortfall: Double?
  public init(projectedAtBy: Double?, met: Bool?, yearMet: FiscalYear?, shortfall: Double?) {
    self.projectedAtBy = projectedAtBy
    self.met = met
    self.yearMet = yearMet
    self.shortfall = shortfall
  }
}

/// One entry of `targets`.
public struct TargetReport: Sendable, Hashable {
  public var id: String
  public var kind: TargetKind
  public var title: String
  /// "*" for all entities.
  public var entity: String
  public var baseline: FiscalYear
  public var by: FiscalYear
  /// The target's L.
  public var latestFY: FiscalYear?
  public var status: TargetStatus
  /// Only when behind.
  public var gap: Double?
  public var outcome: Outcome
  /// (extra) The target's figure at L: Net(L), I(L) or Cum(L).
  public var actualAtLatest: Double? = nil
  /// (extra) The path at L (neutrality, intensity).
  public var pathAtLatest: Double? = nil
  /// (extra) What the target asks for: 0 (net), I* or the amount.
  public var goal: Double? = nil
  /// (extra) The projection of the target's figure (Net, I, Cum) from L+1 to T.
  public var projection: [YearValue] = []
  /// (extra) Scopes of the target ("1", "2", "3"); empty for avoided.
  public var scopes: [Scope] = []
  /// (extra) Why there is no projection, naming the missing input ("electricity_mwh missing
  /// at FY2023"); nil when the outcome has a projected figure.
  public var projectionMissing: String? = nil
  public init(
    id: String, kind: TargetKind, title: String, entity: String, baseline: FiscalYear,
    by: FiscalYear, latestFY: FiscalYear?, status: TargetStatus, gap: Double?, outcome: Outcome
  ) {
    self.id = id
    self.kind = kind
    self.title = title
    self.entity = entity
    self.baseline = baseline
    self.by = by
    self.latestFY = latestFY
    self.status = status
    self.gap = gap
    self.outcome = outcome
  }
}

/// `operational`: the first neutrality target.
public struct OperationalReport: Sendable, Hashable {
  public struct Year: Sendable, Hashable {
    public var fy: FiscalYear
    public var complete: Bool
    public var scope1: Double?
    public var scope2Location: Double?
    public var scope2Market: Double?
    public var scope12: Double?
    public var gross: Double?
    public var removals: Double?
    public var offsets: Double?
    public var net: Double?
    public var abatement: Double?
    public var cleanElectricityShare: Double?
    public var pue: Double?
    /// (extra) Electricity used, MWh.
    public var electricityMWh: Double? = nil
    /// (extra) Clean electricity, MWh.
    public var cleanElectricityMWh: Double? = nil
    /// (extra) Offsets / Gross.
    public var offsetsShare: Double? = nil
    /// (extra) Offsets carry more than removals and abatement together.
    public var offsetsWarning: Bool = false
    /// (extra) Some row gave only scope1_2_tco2e.
    public var splitNotReported: Bool = false
    /// (extra) Rows whose Scope 2 served the other basis.
    public var scope2FallbackRows: Int = 0
    /// (extra) Months covered (12 when complete).
    public var monthsCovered: Int = 0
    /// (extra) Year in progress: net x 12 / months covered.
    public var netRunRate: Double? = nil
    /// (extra) Year in progress: gross x 12 / months covered.
    public var grossRunRate: Double? = nil
    public init(fy: FiscalYear, complete: Bool) {
      self.fy = fy
      self.complete = complete
    }
  }
  public struct ProjectionPoint: Sendable, Hashable {
    public var fy: FiscalYear
    public var net: Double?
    public init(fy: FiscalYear, net: Double?) {
      self.fy = fy
      self.net = net
    }
  }
  public var targetID: String
  public var years: [Year]
  public var pathNetAtLatest: Double?
  public var requiredCutPerYear: Double?
  public var projection: [ProjectionPoint]
  /// (extra) The target's L.
  public var latestFY: FiscalYear? = nil
  /// (extra) Net(L).
  public var netAtLatest: Double? = nil
  /// (extra) The Scope 2 basis of the target.
  public var scope2Basis: Scope2Basis = .market
  /// (extra) Offsets count toward the net.
  public var offsetsCounted: Bool = true
  /// (extra) The fiscal years with rows whose Scope 2 served the other basis, in order.
  public var scope2FallbackYears: [FiscalYear] = []
  /// (extra) Rows whose Scope 2 served the other basis, over every fiscal year.
  public var scope2FallbackRowsTotal: Int = 0
  public init(
    targetID: String, years: [Year], pathNetAtLatest: Double?, requiredCutPerYear: Double?,
    projection: [ProjectionPoint]
  ) {
    self.targetID = targetID
    self.years = years
    self.pathNetAtLatest = pathNetAtLatest
    self.requiredCutPerYear = requiredCutPerYear
    self.projection = projection
  }
}

/// `value_chain`: the first intensity target.
public struct ValueChainReport: Sendable, Hashable {
  public struct Year: Sendable, Hashable {
    public var fy: FiscalYear
    public var complete: Bool
    public var scope3: Double?
    public var revenue: Double?
    public var intensity: Double?
    public var yoy: Double?
    /// (extra) Months covered (12 when complete).
    public var monthsCovered: Int = 0
    /// (extra) Emissions of the target's scopes (E); equals scope3 for a Scope 3 target.
    public var emissions: Double? = nil
    /// (extra) Year in progress: E x 12 / months covered.
    public var emissionsRunRate: Double? = nil
    /// (extra) Year in progress: revenue x 12 / months covered.
    public var revenueRunRate: Double? = nil
    /// (extra) Scope 3 of each of the 15 categories in this year (index 0 = category 1), over
    /// the section's entities; nil where no row gave the category.
    public var categories: [Double?] = Array(repeating: nil, count: 15)
    public init(fy: FiscalYear, complete: Bool) {
      self.fy = fy
      self.complete = complete
    }
  }
  public struct Category: Sendable, Hashable {
    /// 1...15
    public var category: Int
    public var name: String
    public var tco2e: Double?
    public var share: Double?
    public init(category: Int, name: String, tco2e: Double?, share: Double?) {
      self.category = category
      self.name = name
      self.tco2e = tco2e
      self.share = share
    }
  }
  public struct ProjectionPoint: Sendable, Hashable {
    public var fy: FiscalYear
    public var intensity: Double?
    public init(fy: FiscalYear, intensity: Double?) {
      self.fy = fy
      self.intensity = intensity
    }
  }
  public var targetID: String
  public var years: [Year]
  public var baselineIntensity: Double?
  public var targetIntensity: Double?
  public var pathIntensityAtLatest: Double?
  public var requiredAnnualReduction: Double?
  public var impliedTargetRate: Double?
  public var sbtiIntensityOK: Bool?
  public var categories: [Category]
  public var projection: [ProjectionPoint]
  /// (extra) The target's L.
  public var latestFY: FiscalYear? = nil
  /// (extra) I(L).
  public var intensityAtLatest: Double? = nil
  /// (extra) Scope 3 at L in rows without a category.
  public var uncategorizedTCO2e: Double? = nil
  /// (extra) The reduction of the target (fraction below the baseline).
  public var reduction: Double? = nil
  /// (extra) False when the organization has no intensity target: the section then shows
  /// the organization's Scope 3 data (every entity) with every target figure null, and JSON
  /// `target_id` is null.
  public var hasTarget: Bool = true
  public init(
    targetID: String, years: [Year], baselineIntensity: Double?, targetIntensity: Double?,
    pathIntensityAtLatest: Double?, requiredAnnualReduction: Double?, impliedTargetRate: Double?,
    sbtiIntensityOK: Bool?, categories: [Category], projection: [ProjectionPoint]
  ) {
    self.targetID = targetID
    self.years = years
    self.baselineIntensity = baselineIntensity
    self.targetIntensity = targetIntensity
    self.pathIntensityAtLatest = pathIntensityAtLatest
    self.requiredAnnualReduction = requiredAnnualReduction
    self.impliedTargetRate = impliedTargetRate
    self.sbtiIntensityOK = sbtiIntensityOK
    self.categories = categories
    self.projection = projection
  }
}

/// `scope3plus`: the first avoided target.
public struct Scope3PlusReport: Sendable, Hashable {
  public struct Year: Sendable, Hashable {
    public var fy: FiscalYear
    public var complete: Bool
    public var avoided: Double?
    public var cumulative: Double?
    public var yoy: Double?
    public var verifiedShare: Double?
    /// (extra) Verified avoided emissions (avoided.csv rows marked verified).
    public var verifiedTCO2e: Double? = nil
    /// (extra) Months covered (12 when complete).
    public var monthsCovered: Int = 0
    /// (extra) Year in progress: avoided x 12 / months covered.
    public var avoidedRunRate: Double? = nil
    public init(fy: FiscalYear, complete: Bool) {
      self.fy = fy
      self.complete = complete
    }
  }
  public struct EntityTotal: Sendable, Hashable {
    public var entity: String
    public var avoided: Double?
    public init(entity: String, avoided: Double?) {
      self.entity = entity
      self.avoided = avoided
    }
  }
  public struct Program: Sendable, Hashable {
    public var entity: String
    public var program: String
    public var avoided: Double?
    /// nil for programs from avoided.csv.
    public var events: Int?
    public var participants: Int?
    public init(entity: String, program: String, avoided: Double?, events: Int?, participants: Int?)
    {
      self.entity = entity
      self.program = program
      self.avoided = avoided
      self.events = events
      self.participants = participants
    }
  }
  public var targetID: String
  public var years: [Year]
  public var amount: Double
  public var progress: Double?
  public var remaining: Double?
  public var requiredGrowth: Double?
  public var projectedTotalAtBy: Double?
  public var projectedYearReached: FiscalYear?
  public var byEntity: [EntityTotal]
  public var programs: [Program]
  /// (extra) The target's L.
  public var latestFY: FiscalYear? = nil
  /// (extra) A(L).
  public var avoidedAtLatest: Double? = nil
  /// (extra) Cum(L).
  public var cumulativeAtLatest: Double? = nil
  /// (extra) The latest growth A(L) / A(L-1) - 1 used by the projection (0 without A(L-1)).
  public var latestGrowth: Double? = nil
  /// (extra) Data rows of events/*.csv read (valid and rejected); nil without a ledger.
  public var eventRowsRead: Int? = nil
  /// (extra) Malformed event rows left out of the sums; nil without a ledger.
  public var eventRowsRejected: Int? = nil
  public init(
    targetID: String, years: [Year], amount: Double, progress: Double?, remaining: Double?,
    requiredGrowth: Double?, projectedTotalAtBy: Double?, projectedYearReached: FiscalYear?,
    byEntity: [EntityTotal], programs: [Program]
  ) {
    self.targetID = targetID
    self.years = years
    self.amount = amount
    self.progress = progress
    self.remaining = remaining
    self.requiredGrowth = requiredGrowth
    self.projectedTotalAtBy = projectedTotalAtBy
    self.projectedYearReached = projectedYearReached
    self.byEntity = byEntity
    self.programs = programs
  }
}

/// (extra) A fiscal year and a value, for projections.
public struct YearValue: Sendable, Hashable {
  public var fy: FiscalYear
  public var value: Double?
  public init(fy: FiscalYear, value: Double?) {
    self.fy = fy
    self.value = value
  }
}

extension TargetStatus {
  /// The word shown with the status colour: ACHIEVED, ON TRACK, BEHIND, NO DATA.
  public var word: String {
    switch self {
    case .achieved: return "ACHIEVED"
    case .onTrack: return "ON TRACK"
    case .behind: return "BEHIND"
    case .noData: return "NO DATA"
    }
  }
}

extension OperationalReport {
  /// What the Scope 2 basis fallback did, with the years it happened in:
  /// "Scope 2: 5 rows in FY2019, FY2020, ... gave one basis, used for both". Empty when no
  /// row fell back.
  public var scope2FallbackNote: String {
    guard scope2FallbackRowsTotal > 0 else { return "" }
    let rows = scope2FallbackRowsTotal == 1 ? "1 row" : "\(scope2FallbackRowsTotal) rows"
    let years = scope2FallbackYears.map(\.description).joined(separator: ", ")
    return "Scope 2: \(rows) in \(years) gave one basis only, used for both"
  }
}
