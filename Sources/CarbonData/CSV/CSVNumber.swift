/// The number syntax of docs/data-format.md: digits with an optional fraction and exponent
/// (`12`, `0.5`, `.5`, `1.5e9`, `1e-3`, `1E+3`); no sign, separators, units, NaN, infinities
/// or overflow.
enum CSVNumber {
  /// Longest cell considered as a number; longer cells are not numbers.
  static let maxLength = 400

  /// The value of the bytes, or nil when they are not a number by the rules above.
  static func parse(_ b: [UInt8], _ range: Range<Int>) -> Double? {
    guard !range.isEmpty, range.count <= maxLength else { return nil }
    var i = range.lowerBound
    let end = range.upperBound
    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    var mantissaDigits = 0
    while i < end && isDigit(b[i]) {
      i += 1
      mantissaDigits += 1
    }
    if i < end && b[i] == 0x2E {
      i += 1
      var frac = 0
      while i < end && isDigit(b[i]) {
        i += 1
        frac += 1
      }
      guard frac > 0 else { return nil }
      mantissaDigits += frac
    }
    guard mantissaDigits > 0 else { return nil }
    if i < end && (b[i] == 0x65 || b[i] == 0x45) {
      i += 1
      if i < end && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
      var exp = 0
      while i < end && isDigit(b[i]) {
        i += 1
        exp += 1
      }
      guard exp > 0 else { return nil }
    }
    guard i == end else { return nil }
    guard let v = Double(String(decoding: b[range], as: UTF8.self)), v.isFinite else { return nil }
    return v
  }
}
