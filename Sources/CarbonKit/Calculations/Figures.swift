/// The figures of one fiscal year summed over a set of entities (or of one entity): what every
/// calculation of docs/data-format.md starts from. Sums add the values that were reported and stay nil when
/// none was ("not reported" is not zero).
///
/// Choices (docs/data-format.md, "Readings chosen"):
/// - Scope 2 basis fallback is per row: a row with only one of location / market serves both,
///   and counts once in `scope2FallbackRows`.
/// - S1 + S2 (either basis) = S1 + S2 + scope1_2_tco2e, null only when S1 or S2 is missing and
///   no row gave scope1_2_tco2e: a scope1_2 row reports both scopes of its entity.
/// - PUE: electricity-weighted mean when every row with a PUE also gives electricity > 0, else
///   the plain mean of all the PUE values of the year.
/// - Clean share = sum clean MWh / sum MWh, null when either is missing or MWh is 0.
public struct Figures: Sendable, Hashable {
  public var scope1: Double?
  /// After the basis fallback.
  public var scope2Location: Double?
  /// After the basis fallback.
  public var scope2Market: Double?
  public var scope12: Double?
  public var removals: Double?
  public var offsets: Double?
  public var abatement: Double?
  public var electricityMWh: Double?
  public var cleanElectricityMWh: Double?
  var pueWeightedSum = 0.0
  var pueWeight = 0.0
  var pueSum = 0.0
  var pueCount = 0
  var pueWithoutElectricity = false
  /// Rows whose Scope 2 served the other basis.
  public var scope2FallbackRows = 0
  /// Some row gave only scope1_2_tco2e (the split is not reported).
  public var splitNotReported = false
  /// Scope 3, every row (categorized or not).
  public var scope3: Double?
  /// Scope 3 by category, index 0 = category 1.
  public var categories: [Double?] = Array(repeating: nil, count: 15)
  /// Scope 3 in rows without a category (counted in `scope3` only).
  public var uncategorized: Double?
  public var revenue: Double?
  /// avoided.csv rows plus events.
  public var avoided: Double?
  /// Verified avoided.csv rows (events are never verified).
  public var avoidedVerified: Double?

  public init() {}

  /// The fiscal year's PUE.
  public var pue: Double? {
    if pueCount == 0 { return nil }
    if !pueWithoutElectricity && pueWeight > 0 { return pueWeightedSum / pueWeight }
    return pueSum / Double(pueCount)
  }

  /// sum clean MWh / sum MWh.
  public var cleanShare: Double? {
    guard let c = cleanElectricityMWh, let e = electricityMWh, e > 0 else { return nil }
    return c / e
  }

  /// Location-based grid factor, S2loc / MWh (tCO2e per MWh); nil where the split is not
  /// reported.
  public var gridFactor: Double? {
    guard !splitNotReported, let s = scope2Location, let e = electricityMWh, e > 0 else {
      return nil
    }
    return s / e
  }

  /// Emissions of `scopes` (S2 on `basis`); nil when one of the scopes is not reported.
  public func emissions(scopes: [Scope], basis: Scope2Basis) -> Double? {
    if scopes.isEmpty { return nil }
    let has1 = scopes.contains(.one)
    let has2 = scopes.contains(.two)
    let s2 = basis == .market ? scope2Market : scope2Location
    var total = 0.0
    if has1 && has2 {
      if (scope1 == nil || s2 == nil) && scope12 == nil { return nil }
      total += (scope1 ?? 0) + (s2 ?? 0) + (scope12 ?? 0)
    } else if has1 {
      guard let scope1 else { return nil }
      total += scope1
    } else if has2 {
      guard let s2 else { return nil }
      total += s2
    }
    if scopes.contains(.three) {
      guard let scope3 else { return nil }
      total += scope3
    }
    return total
  }

  /// Gross - removals - offsets (offsets only when `countOffsets`); unreported removals and
  /// offsets count as none.
  public func net(scopes: [Scope], basis: Scope2Basis, countOffsets: Bool) -> Double? {
    guard let g = emissions(scopes: scopes, basis: basis) else { return nil }
    return g - (removals ?? 0) - (countOffsets ? (offsets ?? 0) : 0)
  }

  /// Offsets / Gross.
  public func offsetsShare(gross: Double?) -> Double? {
    guard let o = offsets, let g = gross, g > 0 else { return nil }
    return o / g
  }

  /// True when offsets carry more than removals and reductions (abatement) together.
  public var offsetsWarning: Bool {
    guard let o = offsets, o > 0 else { return false }
    return o > (removals ?? 0) + (abatement ?? 0)
  }

  // MARK: - Accumulation

  static func add(_ a: inout Double?, _ b: Double?) {
    guard let b else { return }
    a = (a ?? 0) + b
  }

  mutating func add(_ r: OperationsRow) {
    Figures.add(&scope1, r.scope1)
    let loc = r.scope2Location ?? r.scope2Market
    let mkt = r.scope2Market ?? r.scope2Location
    if (r.scope2Location == nil) != (r.scope2Market == nil) { scope2FallbackRows += 1 }
    Figures.add(&scope2Location, loc)
    Figures.add(&scope2Market, mkt)
    if r.scope12 != nil { splitNotReported = true }
    Figures.add(&scope12, r.scope12)
    Figures.add(&removals, r.removals)
    Figures.add(&offsets, r.offsets)
    Figures.add(&abatement, r.abatement)
    Figures.add(&electricityMWh, r.electricityMWh)
    Figures.add(&cleanElectricityMWh, r.cleanElectricityMWh)
    if let p = r.pue {
      pueSum += p
      pueCount += 1
      if let e = r.electricityMWh, e > 0 {
        pueWeightedSum += p * e
        pueWeight += e
      } else {
        pueWithoutElectricity = true
      }
    }
  }

  mutating func add(_ r: ValueChainRow) {
    Figures.add(&scope3, r.tco2e)
    if let c = r.category, c >= 1 && c <= 15 {
      Figures.add(&categories[c - 1], r.tco2e)
    } else {
      Figures.add(&uncategorized, r.tco2e)
    }
  }

  /// Adds another set of figures (another entity).
  mutating func merge(_ o: Figures) {
    Figures.add(&scope1, o.scope1)
    Figures.add(&scope2Location, o.scope2Location)
    Figures.add(&scope2Market, o.scope2Market)
    Figures.add(&scope12, o.scope12)
    Figures.add(&removals, o.removals)
    Figures.add(&offsets, o.offsets)
    Figures.add(&abatement, o.abatement)
    Figures.add(&electricityMWh, o.electricityMWh)
    Figures.add(&cleanElectricityMWh, o.cleanElectricityMWh)
    pueWeightedSum += o.pueWeightedSum
    pueWeight += o.pueWeight
    pueSum += o.pueSum
    pueCount += o.pueCount
    pueWithoutElectricity = pueWithoutElectricity || o.pueWithoutElectricity
    scope2FallbackRows += o.scope2FallbackRows
    splitNotReported = splitNotReported || o.splitNotReported
    Figures.add(&scope3, o.scope3)
    for i in 0..<15 { Figures.add(&categories[i], o.categories[i]) }
    Figures.add(&uncategorized, o.uncategorized)
    Figures.add(&revenue, o.revenue)
    Figures.add(&avoided, o.avoided)
    Figures.add(&avoidedVerified, o.avoidedVerified)
  }
}
