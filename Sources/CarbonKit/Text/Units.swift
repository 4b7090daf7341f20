import CarbonSystem
import CarbonText

/// Formatting of figures for reading: tonnes scaled to t, kt, Mt, Gt; percentages with one
/// decimal. Shared by the report formatter and the dashboard. Absent values print as "-".
///
/// Choices: a scaled value keeps two decimals below 10, one decimal from 10 (4.45 Mt, 59.2 Mt,
/// 115.5 Mt); the unit is chosen from the magnitude (below 1,000 t stays in t); non-finite
/// values print as "-". Magnitudes from `exponentFrom` (10^15) up print in an exponent form
/// ("2.50e18 t", "1.00e300"), never as a figure of hundreds of digits.
public enum Units {
  /// "-": what an absent (not reported) value prints as.
  public static let none = "-"

  /// From this magnitude up, figures print in an exponent form: 10^15 has 16 digits, more
  /// than a Double holds exactly, and a wider figure would not fit a panel.
  public static let exponentFrom = 1e15

  /// `value` with `decimals` digits after the point, C locale, "-" when nil or not finite;
  /// from `exponentFrom` up, `exponent(value)`.
  public static func fixed(_ value: Double?, decimals: Int) -> String {
    guard let value, value.isFinite else { return none }
    if abs(value) >= exponentFrom { return exponent(value) }
    let s = CFormat.string("%.*f", Int32(max(0, min(decimals, 12))), value)
    // Avoid "-0.0".
    if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      return String(s.dropFirst())
    }
    return s
  }

  /// A large value in an exponent form with three significant digits: 2.5e18 -> "2.50e18",
  /// -1e300 -> "-1.00e300" ("-" when not finite).
  public static func exponent(_ value: Double) -> String {
    guard value.isFinite else { return none }
    let s = CFormat.string("%.2e", value)  // "2.50e+18"
    guard let e = s.firstIndex(of: "e") else { return s }
    var power = s[s.index(after: e)...]
    var negative = false
    if power.first == "+" || power.first == "-" {
      negative = power.first == "-"
      power = power.dropFirst()
    }
    while power.count > 1, power.first == "0" { power = power.dropFirst() }
    return String(s[..<e]) + "e" + (negative ? "-" : "") + power
  }

  /// The unit and divisor for a quantity of tonnes: (1, "t"), (1e3, "kt"), (1e6, "Mt"), (1e9, "Gt").
  public static func tonnesScale(_ tonnes: Double) -> (divisor: Double, unit: String) {
    let a = abs(tonnes)
    if a >= 1e9 { return (1e9, "Gt") }
    if a >= 1e6 { return (1e6, "Mt") }
    if a >= 1e3 { return (1e3, "kt") }
    return (1, "t")
  }

  /// Tonnes of CO2e for reading: "4.45 Mt", "59.2 Mt", "850 t", "1.50 Gt"; "-" when nil.
  public static func tonnes(_ tonnes: Double?) -> String {
    guard let tonnes, tonnes.isFinite else { return none }
    // 10^15 t would be "1000000.0 Gt", 10^106 t a 97-digit Gt figure.
    if abs(tonnes) >= exponentFrom { return exponent(tonnes) + " t" }
    let (d, unit) = tonnesScale(tonnes)
    let v = tonnes / d
    let decimals =
      unit == "t" ? (abs(v) >= 100 ? 0 : (abs(v) >= 10 ? 1 : 2)) : (abs(v) >= 10 ? 1 : 2)
    return fixed(v, decimals: decimals) + " " + unit
  }

  /// A fraction as a percentage with one decimal: 0.39 -> "39.0%"; with `signed`, "+45.5%".
  public static func percent(_ fraction: Double?, signed: Bool = false) -> String {
    guard let fraction, (fraction * 100).isFinite else { return none }
    let s = fixed(fraction * 100, decimals: 1)  // an exponent form from 10^15 %
    if signed, !s.hasPrefix("-"), s != "0.0" { return "+" + s + "%" }
    return s + "%"
  }

  /// A plain number with up to `decimals` decimals and thousands separators: 941168 -> "941,168".
  public static func number(_ value: Double?, decimals: Int = 0) -> String {
    guard let value, value.isFinite else { return none }
    let s = fixed(value, decimals: decimals)
    var sign = ""
    var body = Substring(s)
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let intPart = Array(parts[0])
    var grouped = ""
    for (i, c) in intPart.enumerated() {
      if i > 0 && (intPart.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(c)
    }
    return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// An intensity (tCO2e per revenue or activity unit) to three significant digits at most:
  /// 8.10, 12.3, 143; the unit is given separately (`intensityUnit`).
  public static func intensity(_ value: Double?) -> String {
    guard let value, value.isFinite else { return none }
    let a = abs(value)
    let d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 || a == 0 ? 2 : a >= 0.1 ? 3 : a >= 0.01 ? 4 : 6
    return fixed(value, decimals: d)
  }

  /// The unit of an intensity per `revenueUnit`: "t/million CNY", or with `short`, the form
  /// for narrow columns, "t/M CNY"; "t/revenue" when the dataset names no unit.
  public static func intensityUnit(_ revenueUnit: String?, short: Bool = false) -> String {
    guard let u = revenueUnit, !u.isEmpty else { return "t/revenue" }
    let safe = Sanitize.text(u)
    if !short { return "t/" + safe }
    return "t/" + safe.replacing("million ", with: "M ").replacing("billion ", with: "bn ")
  }

  /// A count with thousands separators: 12345 -> "12,345"; "-" when nil.
  public static func count(_ n: Int?) -> String {
    guard let n else { return none }
    return number(Double(n))
  }
}
