import CarbonKit

/// The rows of a Report the panels show: each section's target and its year L.
struct ReportFigures {
  let report: Report
  let opsTarget: TargetReport?
  let vcTarget: TargetReport?
  let avTarget: TargetReport?
  let opsL: OperationalReport.Year?
  let vcL: ValueChainReport.Year?
  let avL: Scope3PlusReport.Year?

  init(_ r: Report) {
    report = r
    func target(_ id: String?) -> TargetReport? {
      guard let id else { return nil }
      return r.targets.first { $0.id == id }
    }
    opsTarget = target(r.operational?.targetID)
    vcTarget = target(r.valueChain?.targetID)
    avTarget = target(r.scope3plus?.targetID)
    let opsFY = opsTarget?.latestFY ?? r.latestCompleteFY
    let vcFY = vcTarget?.latestFY ?? r.latestCompleteFY
    let avFY = avTarget?.latestFY ?? r.latestCompleteFY
    opsL = r.operational?.years.first { $0.fy == opsFY }
    vcL = r.valueChain?.years.first { $0.fy == vcFY }
    avL = r.scope3plus?.years.first { $0.fy == avFY }
  }

  /// The fiscal years selectable with the year cursor: every complete year of any section,
  /// ascending.
  static func completeYears(_ r: Report) -> [FiscalYear] {
    var s = Set<FiscalYear>()
    s.formUnion((r.operational?.years ?? []).filter(\.complete).map(\.fy))
    s.formUnion((r.valueChain?.years ?? []).filter(\.complete).map(\.fy))
    s.formUnion((r.scope3plus?.years ?? []).filter(\.complete).map(\.fy))
    if let l = r.latestCompleteFY { s.insert(l) }
    return s.sorted()
  }
}
