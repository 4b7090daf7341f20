/// A calendar month, e.g. 2023-07.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  /// 1...12
  public var month: Int

  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// Months since year 0, for arithmetic and ordering.
  public var index: Int { year * 12 + (month - 1) }

  public init(index: Int) {
    self.year = index >= 0 ? index / 12 : (index - 11) / 12
    self.month = index - self.year * 12 + 1
  }

  public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

  /// "2023-07"
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    return "\(year)-\(m)"
  }
}

/// A fiscal year, named after the calendar year it ends in (FY2024).
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public var year: Int

  public init(_ year: Int) { self.year = year }

  public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.year < b.year }
  public static func - (a: FiscalYear, b: FiscalYear) -> Int { a.year - b.year }
  public static func + (a: FiscalYear, k: Int) -> FiscalYear { FiscalYear(a.year + k) }
  public static func - (a: FiscalYear, k: Int) -> FiscalYear { FiscalYear(a.year - k) }

  /// "FY2024"
  public var description: String { "FY\(year)" }

  /// Parses exactly `FY` followed by four digits.
  public init?(parsing text: some StringProtocol) {
    let u = Array(text.utf8)
    guard u.count == 6, u[0] == UInt8(ascii: "F"), u[1] == UInt8(ascii: "Y") else { return nil }
    var y = 0
    for c in u[2...] {
      guard c >= 48 && c <= 57 else { return nil }
      y = y * 10 + Int(c - 48)
    }
    self.year = y
  }

  public init(from decoder: Decoder) throws {
    let s = try decoder.singleValueContainer().decode(String.self)
    guard let fy = FiscalYear(parsing: s) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "expected FYyyyy, found \(s)"))
    }
    self = fy
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

/// The organization's fiscal calendar: a fiscal year ends on the last day of `endMonth`.
public struct FiscalCalendar: Hashable, Sendable {
  /// 1...12; 12 = calendar years, 3 = years ending 31 March.
  public var endMonth: Int

  public init(endMonth: Int = 12) { self.endMonth = endMonth }

  /// Parses `fiscal_year_end` ("MM-DD", the last day of a month; 02-28 and 02-29 both mean
  /// the end of February). Returns nil when the text is not such a day.
  public init?(fiscalYearEnd text: String) {
    let u = Array(text.utf8)
    guard u.count == 5, u[2] == UInt8(ascii: "-"),
      u.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 48 && $0.element <= 57) })
    else { return nil }
    let m = Int(u[0] - 48) * 10 + Int(u[1] - 48)
    let d = Int(u[3] - 48) * 10 + Int(u[4] - 48)
    guard (1...12).contains(m) else { return nil }
    let last = m == 2 ? 28 : FiscalCalendar.daysInMonth(year: 2001, month: m)
    guard d == last || (m == 2 && d == 29) else { return nil }
    self.endMonth = m
  }

  /// The fiscal year that contains a calendar month.
  public func fiscalYear(of ym: YearMonth) -> FiscalYear {
    FiscalYear(ym.month <= endMonth ? ym.year : ym.year + 1)
  }

  /// The last calendar month of a fiscal year.
  public func lastMonth(of fy: FiscalYear) -> YearMonth {
    YearMonth(year: fy.year, month: endMonth)
  }

  /// The first calendar month of a fiscal year.
  public func firstMonth(of fy: FiscalYear) -> YearMonth {
    YearMonth(index: lastMonth(of: fy).index - 11)
  }

  /// 1...12: the position of a month within its fiscal year.
  public func monthsCovered(through ym: YearMonth) -> Int {
    ym.index - firstMonth(of: fiscalYear(of: ym)).index + 1
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// The `period` of a table row: a whole fiscal year, a calendar month or a day.
public enum Period: Hashable, Sendable, CustomStringConvertible {
  case fiscalYear(FiscalYear)
  case month(YearMonth)
  case day(YearMonth, Int)

  /// Parses `FY2024`, `2023-07` or `2023-07-15` (a real day of that month).
  public init?(parsing text: some StringProtocol) {
    if let fy = FiscalYear(parsing: text) {
      self = .fiscalYear(fy)
      return
    }
    let u = Array(text.utf8)
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        let c = u[i]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard u.count == 7 || u.count == 10, u[4] == UInt8(ascii: "-"), let y = num(0..<4),
      let m = num(5..<7), (1...12).contains(m)
    else { return nil }
    let ym = YearMonth(year: y, month: m)
    if u.count == 7 {
      self = .month(ym)
      return
    }
    guard u[7] == UInt8(ascii: "-"), let d = num(8..<10),
      d >= 1 && d <= FiscalCalendar.daysInMonth(year: y, month: m)
    else { return nil }
    self = .day(ym, d)
  }

  /// The calendar month of a dated period; nil for a whole fiscal year.
  public var yearMonth: YearMonth? {
    switch self {
    case .fiscalYear: return nil
    case .month(let ym), .day(let ym, _): return ym
    }
  }

  public var isAnnual: Bool {
    if case .fiscalYear = self { return true }
    return false
  }

  public func fiscalYear(in calendar: FiscalCalendar) -> FiscalYear {
    switch self {
    case .fiscalYear(let fy): return fy
    case .month(let ym), .day(let ym, _): return calendar.fiscalYear(of: ym)
    }
  }

  public var description: String {
    switch self {
    case .fiscalYear(let fy): return fy.description
    case .month(let ym): return ym.description
    case .day(let ym, let d): return ym.description + (d < 10 ? "-0\(d)" : "-\(d)")
    }
  }
}
