import CarbonKit
import CarbonTerminal

/// Everything the dashboard shows besides the Report, as a value. `update` makes the next
/// state from an event; `render` draws a state. The app sets the hooks (clock, status message,
/// changed figures, loading, watch text) before rendering.
public struct UIState: Hashable, Sendable {
  /// The terminal size the frame is laid out for.
  public var size: Size
  public var screen: Screen = .overview
  /// Columns scrolled to the right in a drill-down table (Left / Right).
  public var hscroll = 0
  /// A drill-down row shown whole (Enter), every cell wrapped to the screen.
  public var showRow = false
  /// Screens to return to with `back`.
  public var history: [Screen] = []
  /// The focused panel of the overview.
  public var focus: PanelID = .operational
  public var showHelp = false
  public var helpScroll = 0
  /// The active table of a zoom screen.
  public var table = 0
  /// The selected row of the active table.
  public var selection = 0
  /// The first visible row of the active table (kept in view of the selection at draw time).
  public var scroll = 0
  /// The fiscal-year cursor: nil = latest; the app recomputes the Report `asOf` this year.
  public var asOf: FiscalYear?
  /// The entity filter: nil = all entities.
  public var entity: String?
  /// The Scope 2 basis the user chose with `b` for every neutrality target; nil (the start)
  /// keeps each target's own `scope2_basis`. The basis the figures use is always read from
  /// the Report (`OperationalReport.scope2Basis`), never from here.
  public var basis: Scope2Basis? = nil
  /// Mouse clicks and wheel (off with --no-mouse).
  public var mouseEnabled = true
  /// The key registry (after keys.toml).
  public var keys: KeyRegistry = .standard

  // Hooks the app sets.
  /// The dataset folder as given on the command line.
  public var datasetPath = ""
  /// The header clock, e.g. "12:03:04" (the only time the frame shows).
  public var clock = ""
  /// "watching", "polling 2s", or nil.
  public var watchText: String?
  /// A transient message, e.g. "reloaded operations.csv 12:03:04".
  public var statusMessage: String?
  /// Figures that changed recently (drawn in the `changed` role).
  public var changed: Set<FigureKey> = []
  /// The direction of each change (+1 up, -1 down, 0 unordered), for the arrow beside it.
  public var changeDirections: [FigureKey: Int] = [:]
  /// True when the terminal shows no colour: changed figures then also get a word.
  public var monochrome = false
  /// Loading text ("reading events…"); with `progress` in 0...1 when known.
  public var loading: String?
  public var progress: Double?
  /// The scenario name in the header; nil = the Report's scenario name.
  public var scenarioName: String?
  /// The levers the user set (explicitly); the others keep their defaults from history.
  /// Sent with `AppCommand.setScenario`; set by `applyOpenedScenario(_:)`.
  public var scenarioLevers: [Lever: Double] = [:]
  /// The description of the scenario opened, kept when it is saved again.
  public var scenarioDescription: String?
  /// True when the levers changed since the scenario was opened or saved (a `*` in the header).
  public var scenarioModified = false
  /// The selected lever of the scenario editor (index in `Lever.allCases`).
  public var leverSelection = 0
  /// The input line of the scenario editor (a lever's value or a name to save as), when open.
  public var input: ScenarioInput?
  /// The saved scenario names (the app fills it on `AppCommand.listScenarios`).
  public var savedScenarios: [String] = []
  /// The Report without any scenario (defaults only), for the compare screen; the app fills
  /// it whenever a scenario is in effect (nil = the Report itself is the baseline).
  public var baseline: Report?

  public init(
    size: Size, mouseEnabled: Bool = true, keys: KeyRegistry = .standard, datasetPath: String = ""
  ) {
    self.size = size
    self.mouseEnabled = mouseEnabled
    self.keys = keys
    self.datasetPath = datasetPath
  }

  /// Takes a scenario the app has read (on `AppCommand.openScenario`, or `--scenario` at
  /// start): its name, description and levers; not modified.
  public mutating func applyOpenedScenario(_ scenario: Scenario) {
    scenarioName = scenario.name.isEmpty ? nil : scenario.name
    scenarioDescription = scenario.description
    scenarioLevers = scenario.levers
    scenarioModified = false
  }

  /// The scenario as set in the editor (empty name = not saved yet).
  public var currentScenario: Scenario {
    Scenario(name: scenarioName ?? "", description: scenarioDescription, levers: scenarioLevers)
  }

  /// The minimum terminal size; below it a "terminal too small" screen is shown.
  public static let minimumSize = Size(width: 40, height: 10)

  /// True when the terminal is below the minimum size.
  public var tooSmall: Bool {
    size.width < UIState.minimumSize.width || size.height < UIState.minimumSize.height
  }

  /// True when the compact layout is used (below 80x24).
  public var compact: Bool { size.width < 80 || size.height < 24 }
}
