/// docs/data-format.md "SBTi checks": whether a target's ambition meets the SBTi near-term minimum. One
/// implementation, read by the report (`sbti`, `sbti_intensity_ok`) and by `carbontop check`
/// (its warnings).
public enum SBTiCheck {
  /// Every SBTi comparison allows this much for rounding (0.42 over 10 years passes).
  public static let tolerance = 1e-9
  /// Linear annual minimum for an absolute target including Scope 1 or 2.
  public static let absoluteScope12Minimum = 0.042
  /// Linear annual minimum for an absolute target of Scope 3 only.
  public static let absoluteScope3Minimum = 0.025
  /// Net zero: the least cut of gross emissions, and the latest year.
  public static let netZeroMinimumReduction = 0.90
  public static let netZeroLatest = FiscalYear(2050)

  /// The rate the check judges: absolute, reduction / (T - b); intensity per revenue, the
  /// implied compounded rate 1 - (1 - reduction)^(1 / (T - b)); nil otherwise.
  public static func rate(_ t: Target) -> Double? {
    guard let r = t.reduction else { return nil }
    let years = t.by - t.baseline
    switch t.kind {
    case .absolute:
      return years > 0 ? r / Double(years) : nil
    case .intensity:
      return t.perRevenue ? Formulas.impliedRate(reduction: r, years: years) : nil
    default:
      return nil
    }
  }

  /// The minimum rate of an absolute or intensity target.
  static func minimum(_ t: Target) -> Double? {
    switch t.kind {
    case .absolute:
      return t.scopes.contains(.one) || t.scopes.contains(.two)
        ? absoluteScope12Minimum : absoluteScope3Minimum
    case .intensity: return t.perRevenue ? Formulas.sbtiIntensityMinimum : nil
    default: return nil
    }
  }

  /// true when the target meets the minimum, false when not, nil for kinds the check does not
  /// judge (neutrality, share, avoided, intensity per an activity metric).
  public static func verdict(_ t: Target) -> Bool? {
    switch t.kind {
    case .absolute, .intensity:
      guard let rate = rate(t), let min = minimum(t) else { return nil }
      return rate >= min - tolerance
    case .netZero:
      guard let r = t.reduction else { return nil }
      return r >= netZeroMinimumReduction - tolerance && t.by <= netZeroLatest
    default:
      return nil
    }
  }

  /// What `carbontop check` says about a target that fails the check (nil when it passes or
  /// is not judged), without the "target X: " prefix.
  public static func failure(_ t: Target) -> String? {
    guard verdict(t) == false else { return nil }
    switch t.kind {
    case .absolute:
      let scopes =
        t.scopes.contains(.one) || t.scopes.contains(.two) ? "Scope 1 and 2" : "Scope 3"
      return
        "\(Units.percent(rate(t)))/yr linear is below SBTi's "
        + "\(Units.percent(minimum(t)))/yr minimum for \(scopes)"
    case .intensity:
      return
        "\(Units.percent(rate(t)))/yr implied is below SBTi's "
        + "\(Units.percent(minimum(t)))/yr minimum for an economic intensity target"
    case .netZero:
      return
        "net zero by \(t.by) with a \(Units.percent(t.reduction)) cut: SBTi asks for at least "
        + "a \(Units.percent(netZeroMinimumReduction)) cut by \(netZeroLatest)"
    default:
      return nil
    }
  }
}
