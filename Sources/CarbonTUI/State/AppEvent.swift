import CarbonKit
import CarbonTerminal

/// Everything that happens to the dashboard, as a value. The event loop turns each input into
/// one (a key, a finished load, a tick of the clock, the result of a command it carried out)
/// and hands it to `update`; the loop itself never changes a `UIState` field. A new source of
/// events (another watched descriptor) adds a case here and a branch in `update`.
public enum AppEvent: Sendable {
  /// A key, a mouse click or a resize.
  case input(InputEvent)
  /// A finished load whose data are now on screen.
  case dataShown(DataShown)
  /// A finished load whose data were not taken: a file got worse (the last good data stay) or
  /// nothing could be read.
  case dataKept(DataKept)
  /// The load itself failed (the folder could not be listed).
  case loadFailed(String)
  /// The dataset folder disappeared; the last good data stay.
  case folderGone
  /// A load is running slowly ("reading", with its progress when known), or nil when none is.
  case loading(String?, progress: Double?)
  /// The "changed" marks of the last reload are over.
  case changeMarksExpired
  /// The wall clock reached a new minute (`clock` "HH:MM", `now` seconds since the epoch).
  case clock(String, now: Int64)
  /// A theme was applied; `problem` is why its file was not used, if so; `announce` puts
  /// "theme NAME" in the status line (the theme key, not the start).
  case themeApplied(name: String, problem: String?, announce: Bool)
  /// keys.toml was read; `problem` is its first error.
  case keysLoaded(KeyRegistry, problem: String?)
  /// The report was rebuilt: the baseline for the compare screen (nil = no scenario).
  case baselineBuilt(Report?)
  /// `AppCommand.saveScenario` or `replaceScenario` done, with what became of it.
  case scenarioSaveDone(Scenario, ScenarioEditor.SaveOutcome)
  /// A scenario file was read (by `--scenario` or `AppCommand.openScenario`).
  case scenarioOpened(Scenario, warnings: Int)
  case scenarioOpenFailed(String)
  /// `AppCommand.listScenarios` done.
  case scenariosListed([String])
  /// A data source's state changed (a database connection lost or back): the watch text and
  /// a status message, each left as it is when nil.
  case sourceStatus(watchText: String?, message: String?)
  /// The terminal's abilities, the watcher's mode and the alert options, once at start.
  case started(monochrome: Bool, watchText: String?, bell: Bool = false, notify: Bool = false)
}

/// A load whose data are now shown.
public struct DataShown: Sendable, Hashable {
  /// What caused the load ("start", or the changed files).
  public var reason: String
  /// The wall-clock time of the load, "HH:MM:SS".
  public var time: String
  /// True for the first data of the session.
  public var first: Bool
  /// The data have errors (the first load only says so).
  public var hasErrors: Bool
  /// Figures that changed, with their direction (empty on the first load).
  public var changes: [FigureKey: Int]
  /// The newest write among the dataset's files.
  public var newestWrite: FileWrite?
  /// What the reload changed that is an alert (target statuses; none on the first load).
  public var alerts: [ReportChange]

  public init(
    reason: String, time: String, first: Bool, hasErrors: Bool, changes: [FigureKey: Int] = [:],
    newestWrite: FileWrite? = nil, alerts: [ReportChange] = []
  ) {
    self.newestWrite = newestWrite
    self.alerts = alerts
    self.reason = reason
    self.time = time
    self.first = first
    self.hasErrors = hasErrors
    self.changes = changes
  }
}

/// A load whose data were not taken.
public struct DataKept: Sendable, Hashable {
  /// The files with more errors than in the data on screen, sorted.
  public var brokenFiles: [String]
  /// True when no data could ever be read.
  public var noData: Bool
  /// True for the first load of the session.
  public var first: Bool
  /// The newest write among the dataset's files (a broken file is a write too).
  public var newestWrite: FileWrite?
  /// The files that turned broken with this load (not those broken already), as alerts.
  public var alerts: [ReportChange]
  /// The wall-clock time of the load, "12:03:04".
  public var time: String

  public init(
    brokenFiles: [String], noData: Bool, first: Bool, newestWrite: FileWrite? = nil,
    alerts: [ReportChange] = [], time: String = ""
  ) {
    self.newestWrite = newestWrite
    self.alerts = alerts
    self.time = time
    self.brokenFiles = brokenFiles
    self.noData = noData
    self.first = first
  }
}
