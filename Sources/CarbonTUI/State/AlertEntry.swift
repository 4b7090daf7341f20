import CarbonKit

/// One alert of the session: a change a reload brought (docs/live-data.md), and when.
public struct AlertEntry: Hashable, Sendable {
  /// The wall-clock time of the reload, "12:03:04".
  public var time: String
  public var change: ReportChange

  public init(time: String, change: ReportChange) {
    self.time = time
    self.change = change
  }
}
