/// One ledger file of a dataset: where it is on disk and how diagnostics name it.
public struct LedgerFile: Sendable, Hashable {
  /// Absolute path of the file.
  public var path: String
  /// The name relative to the dataset folder, e.g. `events/2024.csv`; used in diagnostics.
  public var name: String

  /// A ledger file at `path`, named `name` in diagnostics.
  public init(path: String, name: String) {
    self.path = path
    self.name = name
  }
}
