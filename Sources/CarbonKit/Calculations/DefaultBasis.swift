/// The years a lever's default comes from, and whether they are few: a default resting on
/// thin data (a rate from two years, "Scope 3 change +132.72%") carries a warning mark in the
/// scenario editor, with those years.
public struct DefaultBasis: Sendable, Hashable {
  /// The complete fiscal years with a value that the default reads: F and L of the series
  /// rule (docs/data-format.md, "Lever defaults and projections"), or L alone; for avoided
  /// growth L-1 and L.
  public var years: [FiscalYear]
  /// Fewer than three complete years of the series have a value in L-3 ... L.
  public var thin: Bool
  public init(years: [FiscalYear], thin: Bool) {
    self.years = years
    self.thin = thin
  }
}

extension Projection {
  /// The basis of each rate lever's default (removals and offsets are values at L, not rates,
  /// and have none), from the same series as `defaults`.
  static func defaultBasis(years: [FiscalYear], complete: [Bool], figures: [Figures])
    -> [Lever: DefaultBasis]
  {
    func basis(_ f: (Figures) -> Double?, yoy: Bool = false) -> DefaultBasis? {
      let s = figures.map(f)
      guard let li = s.indices.last(where: { complete[$0] && s[$0] != nil }) else { return nil }
      let fyL = years[li]
      let window = s.indices.filter {
        complete[$0] && s[$0] != nil && years[$0] >= fyL - 3 && years[$0] <= fyL
      }
      var used = [fyL]
      if yoy {
        if li > 0, complete[li - 1], s[li - 1] != nil { used = [years[li - 1], fyL] }
      } else if let first = window.first, years[first] < fyL {
        used = [years[first], fyL]
      }
      return DefaultBasis(years: used, thin: window.count < 3)
    }
    var out: [Lever: DefaultBasis] = [:]
    out[.scope1Change] = basis { $0.splitNotReported ? nil : $0.scope1 }
    out[.electricityGrowth] = basis(\.electricityMWh)
    out[.gridFactorChange] = basis(\.gridFactor)
    out[.cleanShareTarget] = basis(\.cleanShare)
    out[.revenueGrowth] = basis(\.revenue)
    out[.scope3Change] = basis(\.scope3)
    out[.avoidedGrowth] = basis(\.avoided, yoy: true)
    return out
  }
}
