import CarbonKit

/// One file of the events ledger (`events/*.csv`) handed to the ledger hook.
public struct LedgerFile: Sendable, Hashable {
  /// Absolute path of the file.
  public var path: String
  /// Path relative to the dataset folder, e.g. `events/2024.csv`, as diagnostics name it.
  public var name: String

  public init(path: String, name: String) {
    self.path = path
    self.name = name
  }
}
