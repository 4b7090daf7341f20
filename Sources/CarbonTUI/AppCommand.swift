import CarbonKit

/// A side effect `update` asks the app's event loop to carry out.
public enum AppCommand: Hashable, Sendable {
  /// Restore the terminal and exit 0.
  case quit
  /// Build the Report again: as of a fiscal year (nil = latest), for one entity (nil = all),
  /// on a Scope 2 basis.
  case recompute(asOf: FiscalYear?, entity: String?, basis: Scope2Basis)
  /// Switch to the next theme.
  case nextTheme
  /// Open the scenario editor.
  case openScenarioEditor
}
