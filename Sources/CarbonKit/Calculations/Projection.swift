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
///   I(T); met, year_met and shortfall are null. Likewise absolute and net_zero without G*.
/// - Clean(y) follows one trajectory for every target (docs/data-format.md, Readings chosen): toward
///   clean_share_target reached at T_c, then held; constant at Clean(L) where T_c <= L (then
///   the lever is not needed).
/// - Where a target is achieved at L, T > L and its projection meets it, `year_met` is the
///   first year from the baseline where the actual figure met it.
enum Projection {
  /// The default rate of a series (docs/data-format.md "Lever defaults and projections"): with L the latest complete fiscal year
  /// at which the series has a value, and F the earliest complete fiscal year in L-3 .. L-1 at
  /// which it has one, (V(L) / V(F))^(1 / (L - F)) - 1; 0 without such F or where V(F) <= 0.
  static func seriesRate(years: [FiscalYear], complete: [Bool], series s: [Double?]) -> Double {
    guard let (fyL, vl, fyF, vf) = seriesEnds(years: years, complete: complete, series: s),
      let fyF, let vf, vf > 0
    else { return 0 }
    return Formulas.cagr(latest: vl, earlier: vf, years: fyL - fyF)
  }

  /// (L, V(L), F, V(F)) of a series over complete years.
  static func seriesEnds(years: [FiscalYear], complete: [Bool], series s: [Double?])
    -> (FiscalYear, Double, FiscalYear?, Double?)?
  {
    guard let li = s.indices.last(where: { complete[$0] && s[$0] != nil }), let vl = s[li] else {
      return nil
    }
    let fyL = years[li]
    for i in s.indices where complete[i] && years[i] >= fyL - 3 && years[i] < fyL {
      if let v = s[i] { return (fyL, vl, years[i], v) }
    }
    return (fyL, vl, nil, nil)
  }

  /// Lever defaults from one set of entities' history; `by` is T_c, the year the clean-share
  /// trend is carried to.
  static func defaults(
    years: [FiscalYear], complete: [Bool], figures: [Figures], by: FiscalYear?
  ) -> [Lever: Double?] {
    func series(_ f: (Figures) -> Double?) -> [Double?] { figures.map(f) }
    func ends(_ s: [Double?]) -> (FiscalYear, Double, FiscalYear?, Double?)? {
      seriesEnds(years: years, complete: complete, series: s)
    }
    func rate(_ s: [Double?]) -> Double {
      seriesRate(years: years, complete: complete, series: s)
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

  /// The one clean-share trajectory (docs/data-format.md, Readings chosen): Clean(L) + (target - Clean(L)) x
  /// (y - L) / (T_c - L) within [0, 1], held at its value at T_c after T_c; constant at
  /// Clean(L) where T_c <= L. nil where the lever is needed and missing.
  static func cleanShare(
    latest cl: Double, at fyL: FiscalYear, k: Int, target: Double?, horizon: FiscalYear?
  ) -> Double? {
    guard let tc = horizon, tc > fyL else { return cl }
    guard let target else { return nil }
    let steps = min(k, tc - fyL)
    let v = cl + (target - cl) * Double(steps) / Double(tc - fyL)
    return min(max(v, 0), 1)
  }

  /// Projected emissions of the target's scopes at L + k; nil where an input is missing.
  static func emissions(
    _ a: TargetAnalysis, at fyL: FiscalYear, k: Int, levers: [Lever: Double?],
    horizon: FiscalYear?
  ) -> Double? {
    guard let f = a.idx(fyL).map({ a.figures[$0] }) else { return nil }
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
          guard s2loc != 0,
            let cy = cleanShare(
              latest: cl, at: fyL, k: k, target: lever(.cleanShareTarget, levers),
              horizon: horizon)
          else { return nil }
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

  /// The projection of a target's figure (Net, Gross, I, Clean or Cum) for L+1 ... T (empty
  /// when L >= T or there is no L). `horizon` is T_c of the clean-share trajectory.
  static func project(_ a: TargetAnalysis, levers: [Lever: Double?], horizon: FiscalYear?)
    -> [YearValue]
  {
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
        if let e = emissions(a, at: fyL, k: k, levers: levers, horizon: horizon) {
          v =
            e - (t.removals ? (lever(.removalsPerYear, levers) ?? 0) : 0)
            - (t.offsets ? (lever(.offsetsPerYear, levers) ?? 0) : 0)
        }
      case .absolute, .netZero:
        v = emissions(a, at: fyL, k: k, levers: levers, horizon: horizon)
      case .intensity:
        let growth = t.perRevenue ? lever(.revenueGrowth, levers) : a.activityGrowth
        if let e = emissions(a, at: fyL, k: k, levers: levers, horizon: horizon),
          let d = fL?.denominator(t.per), let g = growth
        {
          let dy = d * pow(1 + g, Double(k))
          v = dy > 0 ? e / dy : nil
        }
      case .share:
        if let cl = fL?.cleanShare {
          v = cleanShare(
            latest: cl, at: fyL, k: k, target: lever(.cleanShareTarget, levers), horizon: horizon)
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

  /// How far a figure is from the target's final level (0 when met): emissions and intensity
  /// v - level, share and avoided level - v; net_zero the larger of the cut still missing and
  /// the residual not yet neutralized by `removals`.
  static func shortfall(_ a: TargetAnalysis, _ v: Double, goal: Double, removals: Double)
    -> Double
  {
    switch a.target.kind {
    case .share, .avoided: return max(goal - v, 0)
    case .netZero: return max(v - goal, v - removals, 0)
    default: return max(v - goal, 0)
    }
  }

  /// The projected outcome of a target.
  ///
  /// The figure at T is the projection's last value, or the actual figure at T where T <= L;
  /// when it is null the whole outcome is null (missing is never zero). Without a goal (an
  /// intensity, absolute or net_zero target without its baseline) only `projected_at_by` is
  /// given.
  static func outcome(_ a: TargetAnalysis, projection: [YearValue], levers: [Lever: Double?])
    -> Outcome
  {
    let t = a.target
    let none = Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil)
    guard let fyL = a.latest else { return none }
    let atT: Double?
    var yearMet: FiscalYear?
    let removals: Double
    if t.by <= fyL {
      atT = a.at(a.figureSeries, t.by)
      removals = a.removals(t.by)
      yearMet = a.firstYearMet(through: t.by)
    } else {
      atT = projection.last?.value
      removals = lever(.removalsPerYear, levers) ?? 0
      yearMet =
        projection.first { p in
          p.value.flatMap { a.meetsTarget($0, removals: removals) } ?? false
        }?.fy
    }
    guard let v = atT else { return none }
    guard let goal = a.goal, let met = a.meetsTarget(v, removals: removals) else {
      return Outcome(projectedAtBy: v, met: nil, yearMet: nil, shortfall: nil)
    }
    if t.by > fyL && met && a.status == .achieved {
      // An outcome's year never contradicts its status: met already, in history.
      yearMet = a.firstYearMet(through: fyL) ?? yearMet
    }
    return Outcome(
      projectedAtBy: v, met: met, yearMet: yearMet,
      shortfall: shortfall(a, v, goal: goal, removals: removals))
  }
}
