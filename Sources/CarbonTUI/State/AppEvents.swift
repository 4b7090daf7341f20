import CarbonKit

/// `update` for the events that are not input: loads, ticks, and the results of the commands
/// the app carried out. Pure.
enum AppEvents {
  static func apply(_ event: AppEvent, _ state: UIState, _ context: UpdateContext) -> (
    UIState, [AppCommand]
  ) {
    var s = state
    var commands: [AppCommand] = []
    switch event {
    case .input:
      break
    case .dataShown(let d):
      s.dataTime = d.time
      s.newestWrite = d.newestWrite ?? s.newestWrite
      if !d.changes.isEmpty {
        s.changed = Set(d.changes.keys)
        s.changeDirections = d.changes
      }
      commands = alert(d.alerts, time: d.time, &s)
      if !d.first {
        s.statusMessage = "reloaded \(d.reason) \(d.time)"
      } else if d.hasErrors {
        s.statusMessage = "the data has errors: D lists them"
      }
    case .dataKept(let k):
      s.newestWrite = k.newestWrite ?? s.newestWrite
      s.statusMessage =
        k.noData
        ? "the dataset cannot be read: D lists the errors"
        : "errors in \(k.brokenFiles.joined(separator: ", ")): showing the data of \(s.dataTime); D lists them"
      if k.noData && k.first { s.screen = .diagnostics }
      commands = alert(k.alerts, time: k.time, &s)
    case .loadFailed(let why):
      s.statusMessage = "cannot read the dataset: \(why)"
    case .folderGone:
      s.statusMessage = "dataset folder is gone: showing the last good data"
    case .loading(let text, let progress):
      s.loading = text
      s.progress = progress
    case .changeMarksExpired:
      s.changed = []
    case .clock(let text, let now):
      s.clock = text
      s.now = now
    case .themeApplied(let name, let problem, let announce):
      if announce {
        s.statusMessage = "theme \(name)"
      } else if let problem {
        s.statusMessage = "theme \(name): \(problem) (using the default theme)"
      }
    case .keysLoaded(let keys, let problem):
      s.keys = keys
      if let problem { s.statusMessage = problem }
    case .baselineBuilt(let baseline):
      s.baseline = baseline
    case .scenarioSaveDone(let sc, let outcome):
      s = ScenarioEditor.saved(s, sc, outcome)
    case .scenarioOpened(let sc, let warnings):
      s.applyOpenedScenario(sc)
      s.statusMessage =
        "scenario \(sc.name)" + (warnings == 0 ? "" : ": \(warnings) warning(s), D lists them")
    case .scenarioOpenFailed(let why):
      s.statusMessage = "scenario not opened: \(why)"
    case .scenariosListed(let names):
      s.savedScenarios = names
    case .sourceStatus(let watchText, let message):
      if let watchText { s.watchText = watchText }
      if let message { s.statusMessage = message }
    case .started(let monochrome, let watchText, let bell, let notify):
      s.monochrome = monochrome
      s.watchText = watchText
      s.bell = bell
      s.notify = notify
    }
    return (s, commands)
  }

  /// Adds a reload's changes to the session's alerts; one bell and one notification for the
  /// reload (with --bell, --notify), nothing when nothing changed.
  static func alert(_ changes: [ReportChange], time: String, _ s: inout UIState) -> [AppCommand] {
    guard !changes.isEmpty else { return [] }
    s.alerts += changes.map { AlertEntry(time: time, change: $0) }
    s.alertsPending += changes.count
    var out: [AppCommand] = []
    if s.bell { out.append(.bell) }
    if s.notify {
      let body = changes.map(\.text).joined(separator: "; ")
      out.append(.notify(title: "carbontop", body: body))
    }
    return out
  }
}
