import CarbonKit

/// A side effect `update` asks the app's event loop to carry out.
public enum AppCommand: Hashable, Sendable {
  /// Restore the terminal and exit 0.
  case quit
  /// Build the Report again: as of a fiscal year (nil = latest), for one entity (nil = all),
  /// on a Scope 2 basis.
  case recompute(asOf: FiscalYear?, entity: String?, basis: Scope2Basis?)
  /// Switch to the next theme.
  case nextTheme
  /// Open the scenario editor. No longer emitted: `update` opens the editor screen itself
  /// (kept so that existing handlers still compile).
  case openScenarioEditor
  /// Recompute the Report (and keep using it for every later `recompute`) with this scenario:
  /// exactly the levers the user set; levers not in `levers` keep their defaults. Empty
  /// `levers` means no scenario (the baseline). An empty `name` means not saved yet.
  case setScenario(Scenario)
  /// Write `scenarios/NAME.toml` (the name is valid: ScenarioName).
  case saveScenario(Scenario)
  /// The same, replacing an existing `scenarios/NAME.toml` (the user said yes). Report the
  /// outcome of either with `ScenarioEditor.saved(_:_:)`.
  case replaceScenario(Scenario)
  /// Fill `UIState.savedScenarios` with the names in `scenarios/` (without `.toml`).
  case listScenarios
  /// Read `scenarios/NAME.toml`; on success call `UIState.applyOpenedScenario(_:)` and
  /// recompute, else put the diagnostic in `UIState.statusMessage`.
  case openScenario(String)
}
