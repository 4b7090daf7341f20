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
  /// A target's status or gap.
  public static func target(_ id: String) -> FigureKey { FigureKey("target." + id) }

  /// The figures whose shown value differs between two reports (for the "changed" marks).
  public static func changes(from old: Report, to new: Report) -> Set<FigureKey> {
    var out: Set<FigureKey> = []
    let o0 = Figures(old)
    let o1 = Figures(new)
    if o0.opsL?.net != o1.opsL?.net { out.insert(.operationalNet) }
    if o0.opsL?.cleanElectricityShare != o1.opsL?.cleanElectricityShare {
      out.insert(.operationalClean)
    }
    if o0.opsL?.abatement != o1.opsL?.abatement || o0.opsL?.removals != o1.opsL?.removals
      || o0.opsL?.offsets != o1.opsL?.offsets
    {
      out.insert(.operationalReduction)
    }
    if o0.vcL?.intensity != o1.vcL?.intensity { out.insert(.valueChainIntensity) }
    if o0.vcL?.yoy != o1.vcL?.yoy { out.insert(.valueChainYoY) }
    if o0.avL?.cumulative != o1.avL?.cumulative { out.insert(.avoidedCumulative) }
    if o0.avL?.avoided != o1.avL?.avoided { out.insert(.avoidedLatest) }
    let before = Dictionary(old.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for t in new.targets {
      if let b = before[t.id], b.status == t.status, b.gap == t.gap { continue }
      out.insert(.target(t.id))
    }
    return out
  }
}
