import CarbonKit

/// Names a figure of the dashboard, to mark it when its value changed (after a reload).
public struct FigureKey: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public init(_ name: String) { self.name = name }
  public var description: String { name }

  public static let operationalNet = FigureKey("operational.net")
  public static let operationalClean = FigureKey("operational.clean")
  public static let operationalReduction = FigureKey("operational.reduction")
  public static let valueChainIntensity = FigureKey("value_chain.intensity")
  public static let valueChainYoY = FigureKey("value_chain.yoy")
  public static let avoidedCumulative = FigureKey("scope3plus.cumulative")
  public static let avoidedLatest = FigureKey("scope3plus.latest")
  /// The year-in-progress figure of a panel (year to date, run-rate, prior-year change).
  public static func yearToDate(_ p: PanelID) -> FigureKey { FigureKey("ytd.\(p.rawValue)") }
  /// A target's status or gap.
  public static func target(_ id: String) -> FigureKey { FigureKey("target." + id) }

  /// The figures whose shown value differs between two reports (for the "changed" marks).
  public static func changes(from old: Report, to new: Report) -> Set<FigureKey> {
    Set(changeDirections(from: old, to: new).keys)
  }

  /// The changed figures with the direction of the change: +1 up, -1 down, 0 changed without
  /// an order (a value appeared or went away, a status changed).
  public static func changeDirections(from old: Report, to new: Report) -> [FigureKey: Int] {
    var out: [FigureKey: Int] = [:]
    func compare(_ key: FigureKey, _ a: Double?, _ b: Double?) {
      guard a != b else { return }
      if let a, let b { out[key] = b > a ? 1 : -1 } else { out[key] = 0 }
    }
    let o0 = ReportFigures(old)
    let o1 = ReportFigures(new)
    compare(.operationalNet, o0.opsL?.net, o1.opsL?.net)
    compare(.operationalClean, o0.opsL?.cleanElectricityShare, o1.opsL?.cleanElectricityShare)
    if o0.opsL?.abatement != o1.opsL?.abatement || o0.opsL?.removals != o1.opsL?.removals
      || o0.opsL?.offsets != o1.opsL?.offsets
    {
      out[.operationalReduction] = 0
    }
    compare(.valueChainIntensity, o0.vcL?.intensity, o1.vcL?.intensity)
    compare(.valueChainYoY, o0.vcL?.yoy, o1.vcL?.yoy)
    compare(.avoidedCumulative, o0.avL?.cumulative, o1.avL?.cumulative)
    compare(.avoidedLatest, o0.avL?.avoided, o1.avL?.avoided)
    let y0 = old.yearInProgress
    let y1 = new.yearInProgress
    compare(.yearToDate(.operational), y0?.operational?.ytd, y1?.operational?.ytd)
    compare(.yearToDate(.valueChain), y0?.valueChain?.ytd, y1?.valueChain?.ytd)
    compare(.yearToDate(.scope3plus), y0?.scope3plus?.ytd, y1?.scope3plus?.ytd)
    let before = Dictionary(old.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for t in new.targets {
      if let b = before[t.id], b.status == t.status, b.gap == t.gap { continue }
      out[.target(t.id)] = 0
    }
    return out
  }
}
