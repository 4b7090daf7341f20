import CarbonKit
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the scenario editor shows, steps and reads each lever. Fractions (rates and the clean
/// share) are shown and typed as percentages; removals and offsets in tCO2e per year.
public enum ScenarioLevers {
  /// True for the yearly change rates (every fraction lever but the clean share target).
  public static func isRate(_ l: Lever) -> Bool { !l.isTonnes && l != .cleanShareTarget }

  /// The lever's name in the editor.
  public static func label(_ l: Lever) -> String {
    switch l {
    case .scope1Change: return "Scope 1 change"
    case .electricityGrowth: return "electricity use growth"
    case .gridFactorChange: return "grid factor change"
    case .cleanShareTarget: return "clean electricity at target"
    case .removalsPerYear: return "removals per year"
    case .offsetsPerYear: return "offsets retired per year"
    case .revenueGrowth: return "revenue growth"
    case .scope3Change: return "Scope 3 change"
    case .avoidedGrowth: return "avoided emissions growth"
    }
  }

  /// The unit the value is shown and typed in.
  public static func unit(_ l: Lever) -> String {
    l.isTonnes ? "tCO2e/yr" : l == .cleanShareTarget ? "%" : "%/yr"
  }

  /// The step of left/right: 0.5 percentage point for rates, 1 point for the clean share; for
  /// tonnes about 5% of the default rounded down to 1, 2 or 5 x 10^n, at least 1,000 t. The
  /// fine step (shift) is a tenth of it.
  public static func step(_ l: Lever, default d: Double?, fine: Bool = false) -> Double {
    let coarse: Double
    if l == .cleanShareTarget {
      coarse = 0.01
    } else if isRate(l) {
      coarse = 0.005
    } else {
      coarse = max(1000, roundStep(abs(d ?? 0) * 0.05))
    }
    return fine ? coarse / 10 : coarse
  }

  /// The largest 1, 2 or 5 x 10^n not above `v` (0 for v <= 0).
  static func roundStep(_ v: Double) -> Double {
    guard v.isFinite, v > 0 else { return 0 }
    let p = pow(10, floor(log10(v)))
    for m in [5.0, 2.0, 1.0] where m * p <= v * (1 + 1e-9) { return m * p }
    return p
  }

  /// The lever's allowed range (`Lever.range`): rates from -100%/yr to +1000%/yr, the share
  /// 0...100%, tonnes 0...1e12.
  public static func range(_ l: Lever) -> ClosedRange<Double> { l.range }

  /// `v` within the lever's range, rounded to cut floating-point noise (1e-10 for fractions,
  /// 1e-6 t for tonnes).
  public static func clamp(_ l: Lever, _ v: Double) -> Double {
    let r = range(l)
    let c = min(max(v, r.lowerBound), r.upperBound)
    let q = l.isTonnes ? 1e6 : 1e10
    return (c * q).rounded() / q
  }

  /// The value as the editor shows it: `+1.50%` (rates, two decimals), `80.0%` (share),
  /// `120,500` (tonnes); `-` when unknown.
  public static func format(_ l: Lever, _ v: Double?) -> String {
    guard let v, v.isFinite else { return "-" }
    // A default from history may be any size: Int(_:) would trap beyond 2^63.
    if l.isTonnes { return Units.number(v) }
    let p = v * 100
    if l == .cleanShareTarget { return Units.fixed(p, decimals: 1) + "%" }
    let t = Units.fixed(p, decimals: 2)
    return (t.hasPrefix("-") ? t : "+" + t) + "%"
  }

  /// Reads a typed value: a plain number (`80`, `-2.5`, `.5`, `1.2e6`), in percent for the
  /// fraction levers (an optional `%` after it), in tCO2e for removals and offsets. Returns
  /// the lever's value (a fraction, or tonnes), or a message saying what is expected.
  public static func parse(_ text: String, for l: Lever) -> Result<Double, InputError> {
    var t = text.trimmingBlanks()
    let example = l.isTonnes ? "120000 or 1.2e5" : l == .cleanShareTarget ? "80 or 80%" : "-2.5"
    let shown = "\"" + Sanitize.text(TUIFormat.truncate(text, to: 20)) + "\""
    guard !t.isEmpty else { return .failure(InputError("type a value, e.g. \(example)")) }
    if t.hasSuffix("%") {
      guard !l.isTonnes else {
        return .failure(
          InputError("\(shown): \(label(l)) is in tCO2e per year, not %; e.g. \(example)"))
      }
      t = String(t.dropLast()).trimmingBlanks()
    }
    if t.contains(",") || t.contains("_") {
      return .failure(InputError("\(shown): no thousands separators; e.g. \(example)"))
    }
    guard isPlainNumber(t), let n = Double(t), n.isFinite else {
      return .failure(
        InputError("\(shown) is not a number; type \(unit(l)) as a number, e.g. \(example)"))
    }
    let v = l.isTonnes ? n : n / 100
    let r = range(l)
    guard r.contains(v) else {
      let lo = format(l, r.lowerBound)
      let hi = format(l, r.upperBound)
      return .failure(InputError("\(shown) is out of range: \(label(l)) goes from \(lo) to \(hi)"))
    }
    return .success(clamp(l, v))
  }

  /// A sign, digits with an optional fraction (at least one digit), an optional exponent.
  static func isPlainNumber(_ s: String) -> Bool {
    var chars = Array(s.unicodeScalars)
    if let f = chars.first, f == "+" || f == "-" { chars.removeFirst() }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    var i = 0
    var digits = 0
    while i < chars.count, isDigit(chars[i]) {
      i += 1
      digits += 1
    }
    if i < chars.count, chars[i] == "." {
      i += 1
      while i < chars.count, isDigit(chars[i]) {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      i += 1
      if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
      var exp = 0
      while i < chars.count, isDigit(chars[i]) {
        i += 1
        exp += 1
      }
      guard exp > 0 else { return false }
    }
    return i == chars.count
  }
}

/// Why a typed value or name was refused, worded for the user.
public struct InputError: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
