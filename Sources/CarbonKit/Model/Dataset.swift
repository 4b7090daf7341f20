/// Where a figure came from: a file of the dataset and the line its record starts on.
public struct SourceRef: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }
  public var description: String { "\(file):\(line)" }
}

/// `[organization]` of dataset.toml.
public struct Organization: Hashable, Sendable {
  public var name: String
  public var calendar: FiscalCalendar
  public var currency: String?
  public var revenueUnit: String?

  public init(
    name: String, calendar: FiscalCalendar = FiscalCalendar(), currency: String? = nil,
    revenueUnit: String? = nil
  ) {
    self.name = name
    self.calendar = calendar
    self.currency = currency
    self.revenueUnit = revenueUnit
  }
}

public enum Scope: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  case one = "1"
  case two = "2"
  case three = "3"
  public static func < (a: Scope, b: Scope) -> Bool { a.rawValue < b.rawValue }
}

public enum Scope2Basis: String, Hashable, Sendable, Codable {
  case market, location
}

public enum TargetKind: String, Hashable, Sendable, Codable, CaseIterable {
  case neutrality, intensity, avoided

  /// Every kind, quoted, as messages list them: `"neutrality", "intensity" or "avoided"`.
  /// Built from `allCases`, so a new kind appears in every message that lists the kinds.
  public static var listed: String {
    let q = allCases.map { "\"\($0.rawValue)\"" }
    guard q.count > 1 else { return q.first ?? "" }
    return q.dropLast().joined(separator: ", ") + " or " + q[q.count - 1]
  }
}

/// One `[[target]]` of dataset.toml, already validated.
public struct Target: Hashable, Sendable {
  public var id: String
  public var title: String
  public var kind: TargetKind
  /// Neutrality and intensity: the scopes summed (never empty). Empty for avoided.
  public var scopes: [Scope]
  public var scope2Basis: Scope2Basis
  /// Neutrality: retired offsets count toward the net.
  public var offsets: Bool
  /// nil = all entities (`entity = "*"`), else one entity's name.
  public var entity: String?
  /// Neutrality and intensity: `baseline`; avoided: `from`.
  public var baseline: FiscalYear
  public var by: FiscalYear
  /// Intensity: fraction below the baseline intensity, in (0, 1].
  public var reduction: Double?
  /// Avoided: the cumulative amount, tCO2e.
  public var amountTCO2e: Double?
  /// Line of the `[[target]]` header in dataset.toml, for diagnostics and drill-down.
  public var line: Int?

  public init(
    id: String, title: String? = nil, kind: TargetKind, scopes: [Scope] = [],
    scope2Basis: Scope2Basis = .market, offsets: Bool = true, entity: String? = nil,
    baseline: FiscalYear, by: FiscalYear, reduction: Double? = nil, amountTCO2e: Double? = nil,
    line: Int? = nil
  ) {
    self.id = id
    self.title = title ?? id
    self.kind = kind
    self.scopes = scopes
    self.scope2Basis = scope2Basis
    self.offsets = offsets
    self.entity = entity
    self.baseline = baseline
    self.by = by
    self.reduction = reduction
    self.amountTCO2e = amountTCO2e
    self.line = line
  }

  /// True when the target covers this entity.
  public func covers(_ name: String) -> Bool { entity == nil || entity == name }
}

/// A row of operations.csv. Every figure is nil when its cell was empty ("not reported").
public struct OperationsRow: Hashable, Sendable {
  public var period: Period
  public var entity: String
  public var scope1: Double?
  public var scope2Location: Double?
  public var scope2Market: Double?
  /// Scope 1 and 2 (market-based) together, for rows that give only the total.
  public var scope12: Double?
  public var removals: Double?
  public var offsets: Double?
  public var abatement: Double?
  public var electricityMWh: Double?
  public var cleanElectricityMWh: Double?
  public var pue: Double?
  public var source: SourceRef

  public init(
    period: Period, entity: String, scope1: Double? = nil, scope2Location: Double? = nil,
    scope2Market: Double? = nil, scope12: Double? = nil, removals: Double? = nil,
    offsets: Double? = nil, abatement: Double? = nil, electricityMWh: Double? = nil,
    cleanElectricityMWh: Double? = nil, pue: Double? = nil, source: SourceRef
  ) {
    self.period = period
    self.entity = entity
    self.scope1 = scope1
    self.scope2Location = scope2Location
    self.scope2Market = scope2Market
    self.scope12 = scope12
    self.removals = removals
    self.offsets = offsets
    self.abatement = abatement
    self.electricityMWh = electricityMWh
    self.cleanElectricityMWh = cleanElectricityMWh
    self.pue = pue
    self.source = source
  }
}

/// A row of value_chain.csv.
public struct ValueChainRow: Hashable, Sendable {
  public var period: Period
  public var entity: String
  /// 1...15, or nil when the row is not split by category.
  public var category: Int?
  public var tco2e: Double?
  public var dataQuality: String?
  public var source: SourceRef

  public init(
    period: Period, entity: String, category: Int?, tco2e: Double?, dataQuality: String? = nil,
    source: SourceRef
  ) {
    self.period = period
    self.entity = entity
    self.category = category
    self.tco2e = tco2e
    self.dataQuality = dataQuality
    self.source = source
  }
}

/// A row of revenue.csv.
public struct RevenueRow: Hashable, Sendable {
  public var period: Period
  public var entity: String
  public var revenue: Double?
  public var source: SourceRef

  public init(period: Period, entity: String, revenue: Double?, source: SourceRef) {
    self.period = period
    self.entity = entity
    self.revenue = revenue
    self.source = source
  }
}

/// A row of avoided.csv.
public struct AvoidedRow: Hashable, Sendable {
  public var period: Period
  public var entity: String
  public var program: String
  public var avoided: Double?
  public var verified: Bool
  public var method: String?
  public var source: SourceRef

  public init(
    period: Period, entity: String, program: String, avoided: Double?, verified: Bool = false,
    method: String? = nil, source: SourceRef
  ) {
    self.period = period
    self.entity = entity
    self.program = program
    self.avoided = avoided
    self.verified = verified
    self.method = method
    self.source = source
  }
}

/// Events of one (fiscal year, entity, program), aggregated from events/*.csv.
public struct EventGroup: Hashable, Sendable {
  public var fiscalYear: FiscalYear
  public var entity: String
  public var program: String
  /// Exact sum of avoided_kgco2e in thousandths of a kg.
  public var milliKg: Int64
  public var events: Int
  public var participants: Int
  /// The first event of the group, for drill-down and double-counting diagnostics.
  public var firstSource: SourceRef?

  public init(
    fiscalYear: FiscalYear, entity: String, program: String, milliKg: Int64, events: Int,
    participants: Int, firstSource: SourceRef? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.entity = entity
    self.program = program
    self.milliKg = milliKg
    self.events = events
    self.participants = participants
    self.firstSource = firstSource
  }

  /// The group's avoided emissions in tCO2e.
  public var tco2e: Double { Double(milliKg) / 1_000_000 }
}

/// What events/*.csv add up to.
public struct LedgerSummary: Hashable, Sendable {
  /// One per (fiscal year, entity, program), sorted by fiscal year, then UTF-8 bytes of entity, program.
  public var groups: [EventGroup]
  /// Per fiscal year, all its events (entity = program = "*"): sums, events, distinct participants.
  public var yearTotals: [EventGroup]
  /// Every calendar month in which at least one valid event falls (for completeness).
  public var months: Set<YearMonth>
  /// Data rows read (valid and rejected), not counting headers.
  public var rowsRead: Int
  /// Rows left out because they were malformed.
  public var rowsRejected: Int
  /// The ledger files, relative to the dataset folder, in name order.
  public var files: [String]

  public init(
    groups: [EventGroup] = [], yearTotals: [EventGroup] = [], months: Set<YearMonth> = [],
    rowsRead: Int = 0, rowsRejected: Int = 0, files: [String] = []
  ) {
    self.groups = groups
    self.yearTotals = yearTotals
    self.months = months
    self.rowsRead = rowsRead
    self.rowsRejected = rowsRejected
    self.files = files
  }
}

/// A dataset folder as read and validated: everything the calculations need.
/// Rows with errors are already left out; their diagnostics are in `diagnostics`.
/// A table that is absent (no file) is nil, which is "no data", never zero.
public struct Dataset: Hashable, Sendable {
  public var organization: Organization
  public var targets: [Target]
  public var operations: [OperationsRow]?
  public var valueChain: [ValueChainRow]?
  public var revenue: [RevenueRow]?
  public var avoided: [AvoidedRow]?
  public var ledger: LedgerSummary?
  public var diagnostics: [Diagnostic]

  public init(
    organization: Organization, targets: [Target] = [], operations: [OperationsRow]? = nil,
    valueChain: [ValueChainRow]? = nil, revenue: [RevenueRow]? = nil, avoided: [AvoidedRow]? = nil,
    ledger: LedgerSummary? = nil, diagnostics: [Diagnostic] = []
  ) {
    self.organization = organization
    self.targets = targets
    self.operations = operations
    self.valueChain = valueChain
    self.revenue = revenue
    self.avoided = avoided
    self.ledger = ledger
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
