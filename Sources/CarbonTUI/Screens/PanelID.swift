/// The three panels of the overview, in focus order.
public enum PanelID: Int, CaseIterable, Hashable, Sendable {
  /// Own operations (the first neutrality target).
  case operational = 0
  /// Value-chain intensity (the first intensity target).
  case valueChain = 1
  /// Scope 3+ avoided emissions (the first avoided target).
  case scope3plus = 2

  public var next: PanelID { PanelID(rawValue: (rawValue + 1) % 3) ?? .operational }
  public var previous: PanelID { PanelID(rawValue: (rawValue + 2) % 3) ?? .operational }
}
