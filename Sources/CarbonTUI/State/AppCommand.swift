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
  /// Recompute the Report (and keep using it for every later `recompute`) with this scenario:
  /// exactly the levers the user set; levers not in `levers` keep their defaults. Empty
  /// `levers` means no scenario (the baseline). An empty `name` means not saved yet.
  case setScenario(Scenario)
  /// Write `scenarios/NAME.toml` (the name is valid: ScenarioName).
  case saveScenario(Scenario)
  /// The same, replacing an existing `scenarios/NAME.toml` (the user said yes). The app answers
  /// either with `AppEvent.scenarioSaveDone`.
  case replaceScenario(Scenario)
  /// List the names in `scenarios/` (without `.toml`); the app answers with
  /// `AppEvent.scenariosListed`.
  case listScenarios
  /// Read `scenarios/NAME.toml` and recompute; the app answers with
  /// `AppEvent.scenarioOpened` or `AppEvent.scenarioOpenFailed`.
  case openScenario(String)
  /// Ring the terminal bell (BEL), once.
  case bell
  /// Send a desktop notification escape (OSC 9 or OSC 777), once.
  case notify(title: String, body: String)
}
