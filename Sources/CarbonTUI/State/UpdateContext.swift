import CarbonKit
import CarbonText

/// What `update` needs to know besides the state: the Report and Dataset shown, the fiscal
/// years the cursor can reach, and the entities the filter cycles through.
public struct UpdateContext {
  public var report: Report
  public var dataset: Dataset?
  /// Complete fiscal years, ascending; the last one is the latest (asOf = nil). Take them
  /// from the latest Report (not one built as of an earlier year).
  public var years: [FiscalYear]
  /// Entity names the filter cycles through (after "all").
  public var entities: [String]

  public init(
    report: Report, dataset: Dataset?, years: [FiscalYear]? = nil, entities: [String]? = nil
  ) {
    self.report = report
    self.dataset = dataset
    self.years = years ?? UpdateContext.years(of: report)
    self.entities = entities ?? UpdateContext.entities(of: dataset, report: report)
  }

  /// Every complete fiscal year of a Report, ascending.
  public static func years(of report: Report) -> [FiscalYear] {
    ReportFigures.completeYears(report)
  }

  /// Every entity named in a Dataset's tables (sorted by UTF-8 bytes), else in the Report.
  public static func entities(of dataset: Dataset?, report: Report) -> [String] {
    var s = Set<String>()
    if let d = dataset {
      s.formUnion((d.operations ?? []).map(\.entity))
      s.formUnion((d.valueChain ?? []).map(\.entity))
      s.formUnion((d.revenue ?? []).map(\.entity))
      s.formUnion((d.avoided ?? []).map(\.entity))
      s.formUnion((d.ledger?.groups ?? []).map(\.entity))
    }
    if s.isEmpty {
      s.formUnion((report.scope3plus?.byEntity ?? []).map(\.entity))
    }
    return s.sortedByBytes()
  }
}
