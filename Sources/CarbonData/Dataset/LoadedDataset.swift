import CarbonKit

/// What `DatasetLoader.load` gives: the dataset (nil when dataset.toml is missing or unusable,
/// which is a data error) and every diagnostic, in the contract's order
/// (docs/data-format.md).
public struct LoadedDataset: Sendable, Hashable {
  public var dataset: Dataset?
  public var diagnostics: [Diagnostic]

  public init(dataset: Dataset?, diagnostics: [Diagnostic]) {
    self.dataset = dataset
    self.diagnostics = diagnostics
  }

  /// True when any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
