#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The closed-form formulas of docs/data-format.md, as plain functions (every figure of the report goes
/// through them, and each is tested against hand-worked figures).
public enum Formulas {
  /// The last fiscal year a projection to "the first year reaching the amount" looks at.
  public static let horizon = FiscalYear(2100)

  /// Compound rate between two values `years` apart: (latest / earlier)^(1 / years) - 1;
  /// 0 when `years` <= 0 or `earlier` <= 0 (lever defaults, docs/data-format.md).
  public static func cagr(latest: Double, earlier: Double, years: Int) -> Double {
    guard years > 0, earlier > 0, latest.isFinite, earlier.isFinite else { return 0 }
    let r = pow(max(latest, 0) / earlier, 1 / Double(years)) - 1
    return r.isFinite ? r : 0
  }

  /// The first fiscal year after `latest` at which a cumulative of `cumulative` at `latest`,
  /// adding A(y) = `annual` x (1 + growth)^k each year, reaches `amount`; nil when it does not
  /// by the horizon (FY2100) or `annual` is not above 0. The Scope 3+ section's
  /// `projected_year_reached` under the growth in effect.
  public static func yearReached(
    cumulative: Double, annual: Double, growth: Double, latest: FiscalYear, amount: Double
  ) -> FiscalYear? {
    guard annual > 0 else { return nil }
    var cum = cumulative
    var a = annual
    var y = latest
    while y < horizon {
      y = y + 1
      a *= 1 + growth
      cum += a
      if cum >= amount { return y }
      if !cum.isFinite { return nil }
    }
    return nil
  }

  /// sum_{k=1..n} a (1 + g)^k.
  public static func geometricSum(_ a: Double, growth g: Double, years n: Int) -> Double {
    guard n > 0 else { return 0 }
    var total = 0.0
    var term = a
    for _ in 0..<n {
      term *= 1 + g
      total += term
    }
    return total
  }

  /// The constant growth g* with sum_{k=1..n} a (1 + g*)^k = remaining, by bisection on
  /// [-0.99, 10] to within 1e-12; the bracket's end when there is no root inside it; nil when
  /// `remaining` <= 0, `n` <= 0 or `a` <= 0 (or not finite).
  public static func requiredGrowth(latest a: Double?, remaining: Double?, years n: Int) -> Double?
  {
    guard let a, let remaining, a.isFinite, remaining.isFinite, a > 0, remaining > 0, n > 0 else {
      return nil
    }
    func f(_ g: Double) -> Double { geometricSum(a, growth: g, years: n) - remaining }
    var lo = -0.99
    var hi = 10.0
    if f(lo) >= 0 { return lo }
    if f(hi) <= 0 { return hi }
    var i = 0
    while hi - lo > 1e-12 && i < 200 {
      let mid = (lo + hi) / 2
      if f(mid) < 0 { lo = mid } else { hi = mid }
      i += 1
    }
    return (lo + hi) / 2
  }

  /// Straight line from `start` at `from` to `end` at `to`, evaluated at `year`; `end` after `to`.
  public static func linear(
    start: Double, end: Double, from: FiscalYear, to: FiscalYear, at year: FiscalYear
  ) -> Double? {
    guard to > from else { return nil }
    if year >= to { return end }
    return start + (end - start) * Double(year - from) / Double(to - from)
  }

  /// Required annual reduction r = 1 - (target / current)^(1 / years); 0 when current <= target;
  /// nil when years <= 0 (and not achieved) or current <= 0.
  public static func requiredAnnualReduction(current: Double, target: Double, years: Int) -> Double?
  {
    if current <= target { return 0 }
    guard years > 0, current > 0 else { return nil }
    let r = 1 - pow(max(target, 0) / current, 1 / Double(years))
    return r.isFinite ? r : nil
  }

  /// A reduction target's own implied annual rate, 1 - (1 - reduction)^(1 / years).
  public static func impliedRate(reduction: Double, years: Int) -> Double? {
    guard years > 0, reduction > 0, reduction <= 1 else { return nil }
    return 1 - pow(1 - reduction, 1 / Double(years))
  }

  /// SBTi's minimum compounded rate for a Scope 3 economic-intensity target.
  public static let sbtiIntensityMinimum = 0.07
}
