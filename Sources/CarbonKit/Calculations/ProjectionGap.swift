/// Why a projection cannot be made: the first missing input, named as the user would find it
/// in the data ("electricity_mwh missing at FY2023"). Computed once here, carried by the
/// Report (`TargetReport.projectionMissing`), shown by the panels, the editor and the report.
///
/// It follows the inputs of `Projection.emissions` and `Projection.project` in their order,
/// so the reason named is the one that made the projection null.
enum ProjectionGap {
  /// The missing input of a target's projection under `levers`, or nil when nothing is
  /// missing (or the projection exists).
  static func reason(_ a: TargetAnalysis, levers: [Lever: Double?]) -> String? {
    let t = a.target
    guard let fyL = a.latest else {
      return "no complete fiscal year with the target's figure"
    }
    if t.by <= fyL {
      let series = t.kind == .avoided ? a.cumulative : a.value
      return a.at(series, t.by) == nil ? "the figure at \(t.by) is missing" : nil
    }
    guard let f = a.idx(fyL).map({ a.figures[$0] }) else {
      return "no data at \(fyL)"
    }
    func lever(_ l: Lever) -> String? {
      Projection.lever(l, levers) == nil ? "lever \(l.rawValue) has no value" : nil
    }
    if t.kind == .avoided {
      if f.avoided == nil { return "avoided_tco2e missing at \(fyL)" }
      if a.at(a.cumulative, fyL) == nil { return "no cumulative at \(fyL)" }
      return lever(.avoidedGrowth)
    }
    let has1 = t.scopes.contains(.one)
    let has2 = t.scopes.contains(.two)
    if (has1 || has2) && f.splitNotReported {
      return "Scope 1 and 2 split not reported at \(fyL) (scope1_2_tco2e only)"
    }
    if has1 {
      if f.scope1 == nil { return "scope1_tco2e missing at \(fyL)" }
      if let m = lever(.scope1Change) { return m }
    }
    if has2 {
      guard let elec = f.electricityMWh else { return "electricity_mwh missing at \(fyL)" }
      if elec == 0 { return "electricity_mwh is 0 at \(fyL)" }
      guard let s2loc = f.scope2Location else {
        return "scope2_location_tco2e missing at \(fyL)"
      }
      if let m = lever(.electricityGrowth) ?? lever(.gridFactorChange) { return m }
      if t.scope2Basis == .market {
        if f.scope2Market == nil { return "scope2_market_tco2e missing at \(fyL)" }
        guard let cl = f.cleanShare else { return "clean_electricity_mwh missing at \(fyL)" }
        if cl < 1 {
          if let m = lever(.cleanShareTarget) { return m }
          if s2loc == 0 { return "scope2_location_tco2e is 0 at \(fyL)" }
        }
      }
    }
    if t.scopes.contains(.three) {
      if f.scope3 == nil { return "Scope 3 (value_chain.csv) missing at \(fyL)" }
      if let m = lever(.scope3Change) { return m }
    }
    if t.kind == .intensity {
      if f.revenue == nil { return "revenue missing at \(fyL)" }
      if let m = lever(.revenueGrowth) { return m }
    }
    return nil
  }
}
