#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lever defaults from history and projections under levers (docs/data-format.md "Scenarios").
///
/// Choices (docs/data-format.md, "Readings chosen", and Tests/crosscheck/AMBIGUITIES.md):
/// - Headline levers: scope1, electricity, grid factor, clean share, removals and offsets come
///   from the first neutrality target's entities; revenue and Scope 3 from the first intensity
///   target's; avoided growth from the first avoided target's (all entities when a kind is
///   absent). Every other target uses defaults from its own entities.
/// - removals/offsets_per_year default to the series' own L (the latest complete fiscal year at
///   which removals, or offsets, have a value among the entities), 0 when never reported.
/// - A rate lever without history is 0; clean_share_target is null only when no complete year
///   has a clean share. The clean-share trend is carried to T of the first neutrality target
///   (else of the first target) for every target, headline or not.
/// - S2 location projects as Elec(y) EF(y) = S2loc(L) ((1 + electricity_growth)
///   (1 + grid_factor_change))^k; as docs/data-format.md writes it (EF(L) = S2loc(L) / Elec(L)) it needs
///   S2loc(L) and Elec(L) > 0, null otherwise. S2 market uses the same ratio times
///   (1 - Clean(y)) / (1 - Clean(L)): it also needs S2mkt(L), Clean(L) and clean_share_target
///   (null when any is missing, or when Elec(L) EF(L) = 0), and is 0 where Clean(L) = 1.
/// - A projection of Scope 1 or 2 is null when any entity gave only scope1_2_tco2e at L.
/// - Unset removals/offsets levers (no default) count as 0; any other lever that is null makes
///   the projections that use it null.
/// - Outcome where T <= L: judged on the actual figure at T; `year_met` is the first year from
///   the baseline (`from`) to T where the actual figure met the target (null if none). Where
///   the figure at T (actual or projected) is null, the whole outcome is null.
/// - Intensity without I* (I(b) missing): `projected_at_by` is still the projected (or actual)
///   I(T); met, year_met and shortfall are null.
enum Projection {
  /// Lever defaults from one set of entities' history.
  static func defaults(
    years: [FiscalYear], complete: [Bool], figures: [Figures], by: FiscalYear?
  ) -> [Lever: Double?] {
    func series(_ f: (Figures) -> Double?) -> [Double?] { figures.map(f) }
    /// (L, V(L), F, V(F)) of a series over complete years.
    func ends(_ s: [Double?]) -> (FiscalYear, Double, FiscalYear?, Double?)? {
      guard let li = s.indices.last(where: { complete[$0] && s[$0] != nil }), let vl = s[li] else {
        return nil
      }
      let fyL = years[li]
      for i in s.indices where complete[i] && years[i] >= fyL - 3 && years[i] < fyL {
        if let v = s[i] { return (fyL, vl, years[i], v) }
      }
      return (fyL, vl, nil, nil)
    }
    func rate(_ s: [Double?]) -> Double {
      guard let (fyL, vl, fyF, vf) = ends(s), let fyF, let vf, vf > 0 else { return 0 }
      return Formulas.cagr(latest: vl, earlier: vf, years: fyL - fyF)
    }
    var d: [Lever: Double?] = [:]
    d[.scope1Change] = rate(series { $0.splitNotReported ? nil : $0.scope1 })
    d[.electricityGrowth] = rate(series(\.electricityMWh))
    d[.gridFactorChange] = rate(series(\.gridFactor))
    if let (fyL, cl, fyF, cf) = ends(series(\.cleanShare)) {
      var v = cl
      if let fyF, let cf, let fyT = by {
        v = cl + (cl - cf) / Double(fyL - fyF) * Double(fyT - fyL)
      }
      d[.cleanShareTarget] = min(max(v, 0), 1)
    } else {
      d[.cleanShareTarget] = .some(nil)
    }
    // Removals and offsets at the series' own L (the latest complete year with a value).
    d[.removalsPerYear] = ends(series(\.removals))?.1 ?? 0
    d[.offsetsPerYear] = ends(series(\.offsets))?.1 ?? 0
    d[.revenueGrowth] = rate(series(\.revenue))
    d[.scope3Change] = rate(series(\.scope3))
    // Latest YoY of A (0 when A(L-1) is missing or 0).
    let a = series(\.avoided)
    var g = 0.0
    if let li = a.indices.last(where: { complete[$0] && a[$0] != nil }), li > 0, complete[li - 1],
      let al = a[li], let ap = a[li - 1], ap != 0
    {
      g = al / ap - 1
    }
    d[.avoidedGrowth] = g
    return d
  }

  /// The value of a lever in effect (nil when neither set nor defaulted).
  static func lever(_ l: Lever, _ levers: [Lever: Double?]) -> Double? {
    levers[l] ?? nil
  }

  /// Projected emissions of the target's scopes at L + k; nil where an input is missing.
  static func emissions(_ a: TargetAnalysis, at fyL: FiscalYear, k: Int, levers: [Lever: Double?])
    -> Double?
  {
    guard let f = a.figures.indices.first(where: { a.years[$0] == fyL }).map({ a.figures[$0] })
    else {
      return nil
    }
    let t = a.target
    let has1 = t.scopes.contains(.one)
    let has2 = t.scopes.contains(.two)
    if (has1 || has2) && f.splitNotReported { return nil }
    let kk = Double(k)
    var total = 0.0
    if has1 {
      guard let s1 = f.scope1, let c = lever(.scope1Change, levers) else { return nil }
      total += s1 * pow(1 + c, kk)
    }
    if has2 {
      // EF(L) = S2loc(L) / Elec(L): both are inputs, so both must be reported (Elec(L) > 0).
      guard let elec = f.electricityMWh, elec != 0, let s2loc = f.scope2Location,
        let eg = lever(.electricityGrowth, levers), let gf = lever(.gridFactorChange, levers)
      else { return nil }
      // Elec(y) EF(y) / (Elec(L) EF(L)).
      let growth = pow((1 + eg) * (1 + gf), kk)
      switch t.scope2Basis {
      case .location:
        total += s2loc * growth
      case .market:
        guard let s2 = f.scope2Market, let cl = f.cleanShare else { return nil }
        if cl >= 1 {
          total += 0
        } else {
          guard let target = lever(.cleanShareTarget, levers), s2loc != 0 else { return nil }
          let n = t.by - fyL
          var cy = n > 0 ? cl + (target - cl) * kk / Double(n) : target
          cy = min(max(cy, 0), 1)
          total += s2 * growth * (1 - cy) / (1 - cl)
        }
      }
    }
    if t.scopes.contains(.three) {
      guard let s3 = f.scope3, let c = lever(.scope3Change, levers) else { return nil }
      total += s3 * pow(1 + c, kk)
    }
    return total.isFinite ? total : nil
  }

  /// The projection of a target's figure (Net, I or Cum) for L+1 ... T (empty when L >= T or
  /// there is no L).
  static func project(_ a: TargetAnalysis, levers: [Lever: Double?]) -> [YearValue] {
    guard let fyL = a.latest, a.target.by > fyL else { return [] }
    let t = a.target
    let li = a.idx(fyL)
    let fL = li.map { a.figures[$0] }
    var out: [YearValue] = []
    var cum = li.flatMap { a.cumulative.indices.contains($0) ? a.cumulative[$0] : nil }
    for k in 1...(t.by - fyL) {
      let y = fyL + k
      var v: Double?
      switch t.kind {
      case .neutrality:
        if let e = emissions(a, at: fyL, k: k, levers: levers) {
          v =
            e - (lever(.removalsPerYear, levers) ?? 0)
            - (t.offsets ? (lever(.offsetsPerYear, levers) ?? 0) : 0)
        }
      case .intensity:
        if let e = emissions(a, at: fyL, k: k, levers: levers), let r = fL?.revenue,
          let rg = lever(.revenueGrowth, levers)
        {
          let rev = r * pow(1 + rg, Double(k))
          v = rev > 0 ? e / rev : nil
        }
      case .avoided:
        if let c = cum, let aL = fL?.avoided, let g = lever(.avoidedGrowth, levers) {
          let next = c + aL * pow(1 + g, Double(k))
          cum = next
          v = next
        } else {
          cum = nil
        }
      }
      if let x = v, !x.isFinite { v = nil }
      out.append(YearValue(fy: y, value: v))
    }
    return out
  }

  /// True when a figure meets the target.
  static func meets(_ kind: TargetKind, _ v: Double, goal: Double) -> Bool {
    kind == .avoided ? v >= goal : v <= goal
  }

  /// The projected outcome of a target.
  ///
  /// The figure at T is the projection's last value, or the actual figure at T where T <= L;
  /// when it is null the whole outcome is null (missing is never zero). Without a goal (an
  /// intensity target without I*) only `projected_at_by` is given.
  static func outcome(_ a: TargetAnalysis, projection: [YearValue]) -> Outcome {
    let t = a.target
    let none = Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil)
    guard let fyL = a.latest else { return none }
    let atT: Double?
    var yearMet: FiscalYear?
    if t.by <= fyL {
      let series = t.kind == .avoided ? a.cumulative : a.value
      atT = a.at(series, t.by)
      if let goal = a.goal {
        yearMet = a.years.indices.first { i in
          a.years[i] >= t.baseline && a.years[i] <= t.by
            && (series[i].map { meets(t.kind, $0, goal: goal) } ?? false)
        }.map { a.years[$0] }
      }
    } else {
      atT = projection.last?.value
      if let goal = a.goal {
        yearMet =
          projection.first { p in p.value.map { meets(t.kind, $0, goal: goal) } ?? false }?.fy
      }
    }
    guard let v = atT else { return none }
    guard let goal = a.goal else {
      return Outcome(projectedAtBy: v, met: nil, yearMet: nil, shortfall: nil)
    }
    let met = meets(t.kind, v, goal: goal)
    let shortfall = t.kind == .avoided ? max(goal - v, 0) : max(v - goal, 0)
    return Outcome(projectedAtBy: v, met: met, yearMet: yearMet, shortfall: shortfall)
  }
}
