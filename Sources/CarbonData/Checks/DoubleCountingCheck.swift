import CarbonKit

/// The rule "a unit of data is given by one annual row or by sub-annual rows, never both, and
/// never by two annual rows": the later row is an error and is left out.
struct DoubleCountingCheck {
  struct Unit: Hashable {
    var fiscalYear: FiscalYear
    var entity: String
    var category: Int?
    var program: String?
    var metric: String?
  }

  private enum Given {
    case annual(line: Int)
    case subAnnual(firstLine: Int)
  }

  let file: String
  let calendar: FiscalCalendar
  /// The table has a category column (value_chain.csv): an empty category is a unit of its own.
  let hasCategory: Bool
  private var seen: [Unit: Given] = [:]

  init(file: String, calendar: FiscalCalendar, hasCategory: Bool = false) {
    self.file = file
    self.calendar = calendar
    self.hasCategory = hasCategory
  }

  /// Accepts the row (true) or reports it as double counting (false).
  mutating func accept(
    period: Period, entity: String, category: Int? = nil, program: String? = nil,
    metric: String? = nil, line: Int,
    column: Int?,
    into diags: inout [Diagnostic]
  ) -> Bool {
    let unit = Unit(
      fiscalYear: period.fiscalYear(in: calendar), entity: entity, category: category,
      program: program, metric: metric)
    let earlier: String
    switch (seen[unit], period.isAnnual) {
    case (nil, true):
      seen[unit] = .annual(line: line)
      return true
    case (nil, false):
      seen[unit] = .subAnnual(firstLine: line)
      return true
    case (.subAnnual?, false):
      return true
    case (.annual(let l)?, _):
      earlier = "an annual row at line \(l)"
    case (.subAnnual(let l)?, true):
      earlier = "sub-annual rows from line \(l)"
    }
    var what = "\(unit.fiscalYear), entity \(DisplayText.quoted(entity))"
    if hasCategory { what += category.map { ", category \($0)" } ?? ", no category" }
    if let program { what += ", program \(DisplayText.quoted(program))" }
    if let metric { what += ", metric \(DisplayText.quoted(metric))" }
    diags.append(
      Diagnostic(
        .error, file: file, line: line, column: column,
        "double counting: \(what) is already given by \(earlier); row left out"))
    return false
  }
}
