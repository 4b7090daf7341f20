import CarbonKit

/// The way forward that diagnostics add to what they found: where a value is
/// close to a valid one, what to write instead; where a key belongs to another kind of
/// target, what this target does without it.
enum DiagnosticHints {
  /// What each kind of target aims at, said where a key of another kind is ignored, by the
  /// kind's name (so that kinds added to `TargetKind` find theirs). A kind missing here gets
  /// a plain "(ignored)".
  static let aims: [String: String] = [
    "absolute": "this target aims at gross emissions `reduction` below the baseline's by `by`",
    "net_zero":
      "this target aims at gross emissions `reduction` below the baseline's by `by`, the rest neutralized by removals",
    "share": "this target aims at a clean electricity share of `share` by `by`",
    "neutrality":
      "this target aims at net emissions of zero by `by`, on a straight path from the baseline",
    "intensity":
      "this target aims at emissions per unit of revenue `reduction` below the baseline's by `by`",
    "avoided": "this target adds up avoided emissions from `from` toward `amount_tco2e` by `by`",
  ]

  /// The warning for key `key`, valid for other kinds but not for `kind`.
  static func otherKindKey(_ key: String, kind: TargetKind, kindKeys: [TargetKind: [String]])
    -> String
  {
    var m = "key \"\(key)\" does not apply to a \(kind.rawValue) target (ignored)"
    let owners = TargetKind.allCases.filter { (kindKeys[$0] ?? []).contains(key) }
    if !owners.isEmpty {
      let names = owners.map(\.rawValue)
      let list =
        names.count == 1
        ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
      m += "; it belongs to \(list) targets"
    }
    if let aim = aims[kind.rawValue] { m += "; \(aim)" }
    return m
  }

  /// For a fiscal year that did not parse: how fiscal years are written, with the likely
  /// intended one ("CY2025", "2025", "fy2025" -> "FY2025").
  static func fiscalYear(_ text: String?) -> String {
    var m = "; fiscal years are FYnnnn, named after the calendar year they end in"
    if let year = lastFourDigits(text) { m += " (e.g. \"FY\(year)\")" }
    return m
  }

  /// For a period that did not parse: the forms a period takes, and what to do with a
  /// quarter ("2023-Q3") or a calendar year ("CY2023").
  static func period(_ text: String) -> String {
    let forms = "; a period is a fiscal year (FY2024), a month (2023-07) or a day (2023-07-15)"
    if text.uppercased().contains("Q") {
      return forms + ": give a quarter as one row for each of its three months"
    } else if let year = lastFourDigits(text) {
      return forms + ": for a whole fiscal year write \"FY\(year)\" (fiscal years are FYnnnn)"
    }
    return ""
  }

  /// The year at the end of "CY2025", "2025" or "fy2025", when the text ends in 4 digits
  /// and has at most 2 other characters.
  private static func lastFourDigits(_ text: String?) -> String? {
    guard let text else { return nil }
    let u = Array(text.utf8)
    guard u.count >= 4, u.count <= 6 else { return nil }
    let tail = u[(u.count - 4)...]
    guard tail.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    guard u[..<(u.count - 4)].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else {
      return nil
    }
    return String(decoding: tail, as: UTF8.self)
  }

  /// For a fraction written as a string: `"50%"` -> "; write 0.5".
  static func fraction(text: String?) -> String {
    guard let text, text.hasSuffix("%") else {
      return "; write a fraction such as 0.5 (for 50%)"
    }
    let body = text.dropLast().trimmingSpaces()
    guard let p = Double(body), p.isFinite else {
      return "; write a fraction such as 0.5 (for 50%)"
    }
    return "; write \(DisplayText.number(p / 100)) (a fraction, not a percentage)"
  }

  /// For a fraction out of range that reads as a percentage (50 -> "; write 0.5").
  static func fraction(number: Double) -> String {
    guard number >= 2 && number <= 100 else { return "" }
    return "; write \(DisplayText.number(number / 100)) (a fraction, not a percentage)"
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return s
  }
}
