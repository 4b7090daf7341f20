import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonTUI
import CarbonTerminal
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// The dashboard: one event loop, `poll()` over the terminal input, a signalfd, the dataset
/// watcher's inotify descriptor and a wake-up pipe from background loading. Nothing sleeps
/// and nothing is redrawn on a timer: a frame is drawn after input, a finished load, a
/// resize, the end of a "changed" mark or a new minute of the header clock, and ncurses
/// sends only the cells that changed, so an idle dashboard sends nothing but the clock's
/// minute.
///
/// The loop only turns inputs into `AppEvent`s, hands them to `update` (`dispatch`), carries
/// out the commands it returns and renders; it never writes a `UIState` field. Another source
/// of events (a database socket) adds its descriptor to `run`'s poll set and sends its own
/// event (e.g. "tables changed" -> a load) through `dispatch`.
final class Dashboard {
  struct Options {
    var theme: String?
    var noColor = false
    var ascii = false
    var mouse = true
    var poll: Double?
    var scenarioPath: String?
    var bell = false
    var notify = false
  }

  /// How long a changed figure stays marked.
  static let changedMarkSeconds = 3.0

  private let folder: String
  private let options: Options
  private let signals: SignalWatcher
  private let wake: WakePipe
  /// The folder's watcher; nil for a database, which `live` follows.
  private let watcher: DatasetWatcher?
  private let session: DatasetSession
  /// A dataset in PostgreSQL: its socket joins the poll, notifications reload changed tables.
  private let live: PostgresLive?
  private let terminal: NcursesTerminal
  private let terminalGuard: TerminalGuard
  private let themes: ThemeLoader
  private var themeName: String
  /// Themes already read: each theme file is parsed once per run, so cycling themes with `t`
  /// costs no file reads.
  private var themeCache: [String: ThemeLoader.Result] = [:]
  private var theme: Theme
  private let glyphs: GlyphSet
  private var state: UIState

  /// The last good data: what stays on screen while a file is broken.
  private var dataset: Dataset?
  /// Error counts per file of the data on screen, to tell a newly broken file.
  private var goodErrors: [String: Int] = [:]
  /// Error counts per file of the latest load, to alert once when a file turns broken.
  private var lastErrors: [String: Int] = [:]
  /// Diagnostics of the latest load (which may be newer than the data on screen).
  private var diagnostics: [Diagnostic] = []
  /// Problems with the theme, the key map or the scenario: shown with the data's.
  private var settingsDiagnostics: [Diagnostic] = []
  private var view = DatasetView()
  private var builder: ReportBuilder?
  private var scenario: Scenario?
  private var report: Report
  private var years: [FiscalYear] = []
  private var changedUntil: ContinuousClock.Instant?
  /// The wall-clock minute the header shows (seconds since the epoch, a multiple of 60).
  private var clockMinute: Int64 = -1
  /// The tables of the screen on show, built once per state for `update` and `render`.
  private var tables = ScreenTableMemo()
  private var dirty = true
  private var loadedOnce = false

  init(folder: String, options: Options) throws {
    // Signals first: the mask must be in place before any thread starts.
    signals = try SignalWatcher()
    wake = try WakePipe()
    self.folder = folder
    self.options = options
    // The watcher before the first load, so nothing written in between is missed.
    if let target = PGTarget(url: folder) {
      live = PostgresLive(target: target)
      watcher = nil
    } else {
      live = nil
      watcher = DatasetWatcher(
        folder: folder, mode: options.poll.map { .poll(seconds: $0) } ?? .auto)
    }
    session = DatasetSession(folder: folder, wake: wake)
    themes = ThemeLoader.standard()
    FatalSignalRestore.install()
    terminal = try NcursesTerminal(
      options: .init(noColor: options.noColor, ascii: options.ascii, mouse: options.mouse))
    terminalGuard = TerminalGuard { NcursesTerminal.restoreScreen() }
    glyphs = GlyphSet.choose(terminalUnicode: terminal.unicode, asciiFlag: options.ascii)
    themeName = options.theme ?? "dark"
    theme = ThemeLoader.defaultTheme
    state = UIState(
      size: terminal.size, mouseEnabled: options.mouse,
      datasetPath: DatasetLocation.display(folder))
    report = ReportBuilder.build(
      dataset: Dataset(
        organization: Organization(name: live?.target.schema ?? PathText.lastComponent(folder))),
      scenario: nil)
    dispatch(
      .started(
        monochrome: terminal.colorDepth == .none, watchText: watcher?.modeDescription ?? "live",
        bell: options.bell, notify: options.notify))
    applyTheme(named: themeName, announce: false)
    loadKeyMap()
    loadScenario()
    tickClock()
  }

  /// Runs until q, Ctrl-C, SIGTERM or SIGHUP. The terminal is restored on every way out.
  func run() {
    terminalGuard.run {
      drawLoading()
      if let live { apply(live.start()) } else { session.request(reason: "start") }
      loop: while true {
        let now = ContinuousClock.now
        var fds = [terminal.inputFD, signals.fd, wake.readFD]
        if let watcher, watcher.fd >= 0 { fds.append(watcher.fd) }
        let liveFD = live?.socket ?? -1
        if liveFD >= 0 { fds.append(liveFD) }
        let ready = Poller.wait(fds: fds, timeoutMs: timeout(now: now))
        if ready.contains(signals.fd), !signals.read().isEmpty { break loop }
        if let watcher, watcher.fd >= 0, ready.contains(watcher.fd) { watcher.handleReadable() }
        if let change = watcher?.takeChanges() { reload(for: change) }
        if let live {
          if liveFD >= 0, ready.contains(liveFD) { apply(live.readable()) }
          apply(live.tick(now: .now))
        }
        if ready.contains(wake.readFD) {
          _ = wake.drain()
          if let result = session.take() { apply(result) }
        }
        for event in terminal.pollInput() {
          if dispatch(.input(event)) == false { break loop }
        }
        tick(now: ContinuousClock.now)
        if dirty { draw() }
      }
    }
  }

  // MARK: - Loop pieces

  private func timeout(now: ContinuousClock.Instant) -> Int32 {
    var ms = watcher?.timeoutMs(now: now) ?? -1
    func consider(_ t: Int32) { ms = ms < 0 ? t : min(ms, t) }
    if let t = live?.timeoutMs(now: now), t >= 0 { consider(t) }
    if let until = changedUntil {
      let left = until - now
      consider(
        max(
          0,
          Int32(
            left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
          + 1)
    }
    if session.isRunning { consider(100) }
    consider(Dashboard.msToNextMinute())
    return ms
  }

  /// Time-driven changes: the end of "changed" marks, the loading indicator, the minute.
  private func tick(now: ContinuousClock.Instant) {
    if let until = changedUntil, now >= until {
      changedUntil = nil
      dispatch(.changeMarksExpired)
    }
    let progress = session.slowProgress()
    let loading: String? = progress == nil ? nil : "reading"
    if loading != state.loading || progress?.fraction != state.progress {
      dispatch(.loading(loading, progress: progress?.fraction))
    }
    tickClock()
  }

  /// A new wall-clock minute: the header clock (and the age of the data) move on.
  private func tickClock() {
    let t = Int64(time(nil))
    let minute = t - t % 60
    guard minute != clockMinute else { return }
    clockMinute = minute
    dispatch(.clock(Dashboard.clock(seconds: false), now: minute))
  }

  /// Milliseconds until the next wall-clock minute (at least 1).
  private static func msToNextMinute() -> Int32 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    let into = Int64(ts.tv_sec % 60) * 1000 + Int64(ts.tv_nsec / 1_000_000)
    return Int32(max(1, 60_000 - into))
  }

  private func reload(for change: DatasetChange) {
    let names = change.paths.filter { $0 != "." && !$0.hasPrefix("scenarios/") }
    if change.folderGone {
      dispatch(.folderGone)
      return
    }
    if names.isEmpty && !change.entries.contains(where: { $0.kind == .folderBack }) { return }
    let rewritten = change.entries.filter {
      if case .appended = $0.kind { return false }
      return true
    }.map(\.path)
    session.request(
      reason: names.isEmpty ? "dataset" : names.joined(separator: ", "), rewritten: rewritten)
  }

  /// Takes a finished load: the new data if it is no worse than the data on screen,
  /// otherwise the new diagnostics with the last good data kept.
  private func apply(_ result: DatasetSession.Result) {
    dirty = true
    let stamp = Dashboard.clock(seconds: true)
    guard let loaded = result.loaded else {
      dispatch(.loadFailed(result.failure ?? "unknown error"))
      return
    }
    diagnostics = loaded.diagnostics
    let errors = Dashboard.errorCounts(loaded.diagnostics)
    let worse = errors.contains { file, n in n > (goodErrors[file] ?? 0) }
    let first = !loadedOnce
    loadedOnce = true
    let turnedBroken = first ? [] : ReportChange.broken(before: lastErrors, now: errors)
    lastErrors = errors
    if let new = loaded.dataset, !(worse && dataset != nil) {
      dataset = new
      goodErrors = errors
      let old = report
      let changes = rebuild(markChanges: !first)
      let statuses = first ? [] : ReportChange.statuses(from: old, to: report)
      dispatch(
        .dataShown(
          DataShown(
            reason: result.reason, time: stamp, first: first, hasErrors: loaded.hasErrors,
            changes: changes, newestWrite: result.newestWrite, alerts: statuses + turnedBroken)))
    } else {
      let broken = errors.filter { $0.value > (goodErrors[$0.key] ?? 0) }.keys.sorted()
      refreshDiagnostics()
      dispatch(
        .dataKept(
          DataKept(
            brokenFiles: broken, noData: dataset == nil, first: first,
            newestWrite: result.newestWrite, alerts: turnedBroken, time: stamp)))
    }
  }

  /// What the database source reports: loads go through `apply` like a folder's; a dropped
  /// connection keeps the data on screen and says so in the status bar.
  private func apply(_ events: [PostgresLive.Event]) {
    for event in events {
      dirty = true
      switch event {
      case .loaded(let loaded, let reason):
        apply(DatasetSession.Result(loaded: loaded, reason: reason, ledgerRead: "", seconds: 0))
        dispatch(.sourceStatus(watchText: "live", message: nil))
      case .failed(let message):
        dispatch(
          .sourceStatus(
            watchText: nil,
            message: "database: \(message)"
              + (dataset == nil ? "" : ": showing the data of \(state.clock)")))
      case .disconnected(let why, let retryIn):
        dispatch(
          .sourceStatus(
            watchText: "disconnected",
            message: "database connection lost (\(why))"
              + (dataset == nil ? "" : ": showing the data of \(state.clock)")
              + CFormat.string("; reconnecting in %.1f s", retryIn)))
      case .reconnected:
        dispatch(
          .sourceStatus(watchText: "live", message: "database reconnected \(Dashboard.clock())"))
      }
    }
  }

  private static func errorCounts(_ diags: [Diagnostic]) -> [String: Int] {
    var out: [String: Int] = [:]
    for d in diags where d.severity == .error { out[d.file, default: 0] += 1 }
    return out
  }

  /// Recomputes the report from the data on screen, the view and the scenario; returns the
  /// figures that changed (when asked to mark them).
  @discardableResult
  private func rebuild(markChanges: Bool) -> [FigureKey: Int] {
    guard let dataset else { return [:] }
    builder = ReportBuilder(dataset: dataset.viewed(view))
    let old = report
    report = builder?.build(scenario: scenario) ?? report
    reportChanged()
    if view.asOf == nil { years = UpdateContext.years(of: report) }
    guard markChanges else { return [:] }
    let changed = FigureKey.changeDirections(from: old, to: report)
    if !changed.isEmpty { changedUntil = .now + .seconds(Dashboard.changedMarkSeconds) }
    return changed
  }

  /// Only the levers changed: the dataset index is kept, the projections are redone.
  private func recomputeScenario() {
    guard let builder else { return }
    report = builder.build(scenario: scenario)
    reportChanged()
  }

  /// The Report was rebuilt: its diagnostics, the baseline of the compare screen, the tables.
  private func reportChanged() {
    refreshDiagnostics()
    tables.reportChanged()
    dispatch(.baselineBuilt(scenario == nil ? nil : builder?.build(scenario: nil)))
    dirty = true
  }

  private func refreshDiagnostics() {
    report.diagnostics = DiagnosticOrder.sorted(diagnostics) + settingsDiagnostics
  }

  /// One event through `update`, then its commands; false to quit.
  @discardableResult
  private func dispatch(_ event: AppEvent) -> Bool {
    if case .input(.resize) = event { dirty = true }
    let context = UpdateContext(
      report: report, dataset: dataset, years: years.isEmpty ? nil : years,
      tables: tables.tables(for: state, report: report, dataset: dataset))
    let (next, commands) = update(state, event, context)
    if next != state {
      state = next
      dirty = true
    }
    for command in commands where perform(command) == false { return false }
    return true
  }

  /// Carries out one command of `update`; its result comes back as an event. False to quit.
  private func perform(_ command: AppCommand) -> Bool {
    switch command {
    case .quit:
      return false
    case .recompute(let asOf, let entity, let basis):
      view = DatasetView(asOf: asOf, entity: entity, basis: basis)
      rebuild(markChanges: false)
    case .nextTheme:
      applyTheme(named: themes.nextTheme(after: themeName), announce: true)
    case .setScenario(let sc):
      scenario = sc.levers.isEmpty ? nil : sc
      recomputeScenario()
    case .saveScenario(let sc), .replaceScenario(let sc):
      var replace = false
      if case .replaceScenario = command { replace = true }
      let outcome: ScenarioEditor.SaveOutcome
      do {
        let path: String
        if let live {
          // A database source: only the scenario table is written, in a transaction.
          if !replace && live.scenarios[sc.name] != nil {
            throw ScenarioFileError.exists(sc.name)
          }
          try PostgresDataset.saveScenario(PGConnection(live.target), sc)
          path = "scenarios/" + sc.name + ".toml"
        } else {
          path = try ScenarioFile.save(sc, datasetFolder: folder, replace: replace)
        }
        outcome = .saved(
          file: PathText.lastComponent(path), clock: Dashboard.clock(seconds: true))
        scenario = sc.levers.isEmpty ? nil : sc
        recomputeScenario()
      } catch ScenarioFileError.exists {
        outcome = .exists
      } catch {
        outcome = .failed("\(error)")
      }
      dispatch(.scenarioSaveDone(sc, outcome))
    case .listScenarios:
      dispatch(
        .scenariosListed(
          live.map { Array($0.scenarios.keys).sortedByBytes() }
            ?? ScenarioFile.list(datasetFolder: folder)))
    case .openScenario(let name):
      openScenario(
        path: folder + "/scenarios/" + name + ".toml", display: "scenarios/\(name).toml")
    case .bell:
      TerminalEscapes.send(TerminalEscapes.bell)
    case .notify(let title, let body):
      TerminalEscapes.send(
        TerminalEscapes.notification(title: title, body: body, environment: SystemInfo.environment))
    }
    return true
  }

  // MARK: - Drawing

  private func draw() {
    dirty = false
    if terminal.size != state.size { dispatch(.input(.resize(terminal.size))) }
    dirty = false
    render(
      state, report: report, dataset: dataset, palette: theme, glyphs: glyphs,
      tables: tables.tables(for: state, report: report, dataset: dataset), on: terminal)
    terminal.flush()
  }

  private func drawLoading() {
    terminal.clear(style: theme[.background])
    terminal.put(
      x: 1, y: 0, "carbontop  reading \(DatasetLocation.display(folder)) ...",
      style: theme[.header])
    terminal.flush()
  }

  // MARK: - Settings

  private func applyTheme(named name: String, announce: Bool) {
    let result = themeCache[name] ?? themes.load(named: name)
    themeCache[name] = result
    themeName = name
    theme = result.theme.styleForDepth(terminal.colorDepth)
    settingsDiagnostics.removeAll { $0.file.hasSuffix(".toml") && $0.file.contains("theme") }
    settingsDiagnostics += result.diagnostics
    refreshDiagnostics()
    dirty = true
    dispatch(
      .themeApplied(name: name, problem: result.diagnostics.first?.message, announce: announce))
  }

  private func loadKeyMap() {
    guard let dir = ConfigDirectory.path(environment: SystemInfo.environment)
    else { return }
    let path = dir + "/keys.toml"
    guard
      case .bytes(let data) = FileBytes.contents(
        of: path, limit: InputLimits.settingsFileBytes)
    else { return }
    let (keys, errors) = KeyRegistry.standard.applying(
      tomlText: String(decoding: data, as: UTF8.self), file: path)
    dispatch(.keysLoaded(keys, problem: errors.first))
  }

  private func loadScenario() {
    guard let path = options.scenarioPath else { return }
    openScenario(path: path, display: path)
  }

  /// Opens a scenario file: its levers drive the projections; a broken file is a diagnostic
  /// and a message, and the scenario in effect stays.
  private func openScenario(path: String, display: String) {
    let (s, diags) =
      live.flatMap { db in
        db.scenarios[PathText.lastComponent(path).replacing(".toml", with: "")].map {
          ScenarioFile.parse($0, name: display, path: path)
        }
      } ?? ScenarioFile.load(path: path, name: display)
    settingsDiagnostics.removeAll { $0.file == display }
    settingsDiagnostics += diags
    if let s {
      scenario = s.levers.isEmpty ? nil : s
      recomputeScenario()
      dispatch(.scenarioOpened(s, warnings: diags.count))
    } else {
      dispatch(.scenarioOpenFailed(diags.first.map { $0.description } ?? "cannot be read"))
    }
    refreshDiagnostics()
    dirty = true
  }

  /// HH:MM:SS (or HH:MM), local time.
  static func clock(seconds: Bool = true) -> String {
    var t = time(nil)
    var tm = tm()
    localtime_r(&t, &tm)
    return seconds
      ? CFormat.string("%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec)
      : CFormat.string("%02d:%02d", tm.tm_hour, tm.tm_min)
  }
}
