import CarbonKit
import CarbonTerminal
import CarbonText

/// Draws a full frame of the dashboard for a state: erases, then draws the screen, the header,
/// the status bar and the help overlay when open. Depends on nothing but its arguments (the
/// clock comes in through `state.clock`); the terminal layer sends only what changed.
/// `tables` are the screen's tables when the app has built them for this state already.
public func render(
  _ state: UIState, report: Report, dataset: Dataset?, palette: any StylePalette, glyphs: GlyphSet,
  tables: [ScreenTable]? = nil, on terminal: any Terminal
) {
  let tables =
    tables
    ?? ScreenTable.tables(for: state, report: report, dataset: dataset)
  let c = Canvas(terminal: terminal, palette: palette, glyphs: glyphs)
  terminal.clear(style: palette.style(.background))
  let size = state.size
  if state.tooSmall {
    Frame.tooSmall(size, on: c)
    return
  }
  Frame.header(state, report: report, on: c)
  switch state.screen {
  case .overview: Frame.overview(state, report: report, dataset: dataset, on: c)
  case .zoom(let p): Frame.zoom(p, state, report: report, dataset: dataset, tables: tables, on: c)
  case .targets: Frame.list("Targets", state, report: report, tables: tables, on: c)
  case .target(let id): TargetView.draw(id, state, report: report, on: c)
  case .diagnostics: Frame.list("Diagnostics", state, report: report, tables: tables, on: c)
  case .drillDown(let t):
    Frame.list(SourceRows.title(for: t), state, report: report, tables: tables, on: c)
  case .scenarioEditor: ScenarioView.editor(state, report: report, dataset: dataset, on: c)
  case .scenarioList: ScenarioView.list(state, on: c)
  case .compare: CompareView.draw(state, report: report, dataset: dataset, on: c)
  case .alerts: Frame.list("Alerts", state, report: report, tables: tables, on: c)
  }
  Frame.statusBar(state, report: report, on: c)
  PromptView.alertLine(state, on: c)
  PromptView.draw(
    state, report: report, context: UpdateContext(report: report, dataset: dataset), on: c)
  if state.showHelp {
    HelpOverlay(registry: state.keys, scroll: state.helpScroll).draw(
      in: Rect(x: 0, y: 0, width: size.width, height: size.height), on: c)
  }
}

/// The parts of a frame.
enum Frame {
  static func tooSmall(_ size: Size, on c: Canvas) {
    let need = UIState.minimumSize
    let lines = [
      "terminal too small: need \(need.width)x\(need.height)", "now \(size.width)x\(size.height)",
    ]
    for (i, l) in lines.enumerated() {
      let y = size.height / 2 - 1 + i
      let x = max(0, (size.width - CellWidth.of(l)) / 2)
      c.text(x, max(0, min(y, size.height - 1)), l, role: i == 0 ? .warn : .muted)
    }
  }

  static func header(_ s: UIState, report: Report, on c: Canvas) {
    let w = s.size.width
    var left: [Segment] = [
      .text("carbontop  ", .title), .text(Sanitize.text(report.organization), .text),
    ]
    if let a = s.asOf {
      left.append(.text("  as of \(a)", .warn))
    } else if let l = report.latestCompleteFY {
      // Narrow with a scenario: the scenario's name matters more than the words.
      let words = w < 100 && ScenarioText.headerName(s, report) != nil ? "" : " (latest complete)"
      left.append(.text("  \(l)\(words)", .text))
    } else {
      left.append(.text("  no complete year", .muted))
    }
    if let p = report.inProgressFY, s.asOf == nil, w >= 100 {
      left.append(.text("  \(p) through \(report.inProgressThrough?.description ?? "?")", .muted))
    }
    if let e = s.entity { left.append(.text("  entity: " + Sanitize.text(e), .accent)) }
    if let name = ScenarioText.headerName(s, report) {
      left.append(.text("  scenario: " + name, .accent))
    }
    // The user's choice of basis (b) over the targets' own, when there is one.
    if let b = s.basis { left.append(.text("  S2 \(b.rawValue) (b)", .accent)) }
    if !s.datasetPath.isEmpty { left.append(.text("  " + Sanitize.text(s.datasetPath), .muted)) }
    var right: [Segment] = []
    func width(_ segs: [Segment]) -> Int {
      segs.reduce(0) { n, seg in
        if case .text(let t, _) = seg { return n + CellWidth.of(t) }
        return n
      }
    }
    if let l = s.loading {
      right.append(
        .text(Sanitize.text(l) + (s.progress.map { " " + Units.percent($0) } ?? "") + "  ", .warn))
    }
    if let wt = s.watchText { right.append(.text(Sanitize.text(wt) + "  ", .muted)) }
    if !s.clock.isEmpty { right.append(.text(Sanitize.text(s.clock), .text)) }
    // The age of the data where the left part leaves room (STALE always).
    right.insert(
      contentsOf: FreshnessText.segments(s, report, room: w - width(left) - width(right) - 1),
      at: 0)
    let rw = width(right)
    Segment.draw(left, x: 0, y: 0, maxWidth: max(0, w - rw - 1), on: c)
    if rw < w { Segment.draw(right, x: w - rw, y: 0, maxWidth: rw, on: c) }
  }

  static func diagnosticsSummary(_ d: [Diagnostic]) -> (String, StyleRole) {
    let e = d.filter { $0.severity == .error }.count
    let w = d.count - e
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    if e > 0 { return (plural(e, "error") + (w > 0 ? ", " + plural(w, "warning") : ""), .bad) }
    if w > 0 { return (plural(w, "warning"), .warn) }
    return ("no diagnostics", .statusBarText)
  }

  static func statusBar(_ s: UIState, report: Report, on c: Canvas) {
    let k = s.keys
    func h(_ a: KeyAction, _ label: String) -> String? { k.hint(a).map { "\($0):\(label)" } }
    var hints: [String?]
    switch s.screen {
    case .overview:
      let zoom = [k.hint(.zoom1), k.hint(.zoom3)].compactMap { $0 }
      hints = [
        h(.help, "help"), h(.quit, "quit"), zoom.count == 2 ? "\(zoom[0])-\(zoom[1]):zoom" : nil,
        [k.hint(.yearPrev), k.hint(.yearNext)].compactMap { $0 }.joined(separator: " ") + ":year",
        h(.entityNext, "entity"), h(.basisToggle, "basis"), h(.scenarioEditor, "scenario"),
        h(.themeNext, "theme"), h(.targets, "targets"), h(.drillDown, "sources"),
        h(.diagnostics, "diagnostics"),
      ]
    case .scenarioEditor:
      let step = [k.hint(.scenarioDecrease), k.hint(.scenarioIncrease)].compactMap { $0 }
      hints = [
        h(.back, "back"), step.isEmpty ? nil : step.joined(separator: "/") + ":step",
        h(.scenarioType, "type"), h(.scenarioReset, "reset"), h(.scenarioSave, "save"),
        h(.scenarioOpen, "open"), h(.compare, "compare"), h(.help, "help"),
      ]
    case .scenarioList:
      hints = [h(.back, "back"), h(.zoomFocused, "open"), h(.help, "help"), h(.quit, "quit")]
    case .compare:
      hints = [
        h(.back, "back"), h(.scenarioEditor, "editor"), h(.scrollDown, "scroll"),
        h(.help, "help"), h(.quit, "quit"),
      ]
    default:
      hints = [
        h(.back, "back"), h(.focusNext, "table"), h(.drillDown, "sources"), h(.help, "help"),
        h(.quit, "quit"),
      ]
    }
    var (right, role) = diagnosticsSummary(report.diagnostics)
    if let m = s.statusMessage { right = Sanitize.text(m) + "  " + right }
    // Whole hints only: two spaces apart, else one, else drop hints from the end.
    let room = s.size.width - CellWidth.of(right) - 2
    var list = hints.compactMap { $0 }
    var left = " " + list.joined(separator: "  ")
    while CellWidth.of(left) > room && !list.isEmpty {
      left = " " + list.joined(separator: " ")
      if CellWidth.of(left) > room { list.removeLast() }
    }
    StatusBar(left: left, right: right + " ", rightRole: role).draw(
      y: s.size.height - 1, width: s.size.width, on: c)
  }

  static func overview(_ s: UIState, report: Report, dataset: Dataset?, on c: Canvas) {
    let hidden = PanelModels.hidden(report: report, dataset: dataset, state: s)
    let layout = Layout.overview(s.size, targetCount: report.targets.count, hidden: hidden)
    for p in PanelID.allCases where !hidden.contains(p.rawValue) {
      let key = s.keys.hint(p == .operational ? .zoom1 : p == .valueChain ? .zoom2 : .zoom3)
      let prefix = key.map { "\($0) " } ?? ""
      let m = PanelModels.model(p, report: report, dataset: dataset, state: s).fitted(
        width: layout.panels[p.rawValue].width, prefix: prefix, ellipsis: c.glyphs.ellipsis)
      let title = prefix + m.title
      let inner = PanelBox(title: title, focused: s.focus == p, note: m.note).draw(
        in: layout.panels[p.rawValue], on: c)
      if layout.compact {
        // One or two summary lines per box.
        var cm = m
        cm.chart = nil
        cm.bars = nil
        cm.tail = Array(m.tail.prefix(1))
        cm.draw(in: inner, on: c)
      } else {
        m.draw(in: inner, on: c)
      }
    }
    if layout.strip.height >= 5 && layout.strip.width >= 100 {
      // Room to spare: the full targets table instead of the strip.
      let t = TargetView.list(report, width: layout.strip.width)
      let inner = PanelBox(title: "Targets", note: "\(t.rows.count) targets").draw(
        in: layout.strip, on: c)
      TableView(columns: t.columns, rows: t.rows).draw(in: inner, on: c)
    } else {
      strip(report, s, in: layout.strip, on: c)
    }
  }

  /// Every target with its status word and gap, in columns.
  static func strip(_ r: Report, _ s: UIState, in area: Rect, on c: Canvas) {
    guard area.height > 0, !r.targets.isEmpty else { return }
    let cols = max(1, min(r.targets.count, area.width / 40))
    let colW = area.width / cols
    let capacity = cols * area.height
    for (i, t) in r.targets.enumerated() {
      guard i < capacity else { break }
      let x = area.x + (i % cols) * colW
      let y = area.y + i / cols
      if i == capacity - 1 && r.targets.count > capacity {
        let more = r.targets.count - capacity + 1
        c.text(
          x, y,
          "+\(more) more: " + (s.keys.hint(.targets).map { "press \($0)" } ?? "targets screen"),
          role: .muted, maxWidth: colW - 1)
        break
      }
      let gap = t.gap.map { " gap " + r.figure($0, of: t) } ?? ""
      let word = TUIFormat.statusWord(t.status)
      // % achieved beside each status (CDP's "% of target achieved").
      let achieved = t.achievedFraction.map { " " + Units.percent($0) } ?? ""
      let room = colW - 1 - CellWidth.of(word) - CellWidth.of(achieved) - CellWidth.of(gap) - 1
      let titleRole: StyleRole = s.changed.contains(.target(t.id)) ? .changed : .text
      let used = c.text(
        x, y,
        TUIFormat.truncate(Sanitize.text(t.id), to: max(4, room), ellipsis: c.glyphs.ellipsis)
          + " ",
        role: titleRole, maxWidth: colW - 1)
      Segment.draw(
        [.status(t.status), .text(achieved, .accent), .text(gap, .muted)], x: x + used, y: y,
        maxWidth: colW - 1 - used, on: c
      )
    }
  }

  static func zoom(
    _ p: PanelID, _ s: UIState, report: Report, dataset: Dataset?, tables: [ScreenTable],
    on c: Canvas
  ) {
    let m = PanelModels.model(p, report: report, dataset: dataset, state: s).fitted(
      width: s.size.width, ellipsis: c.glyphs.ellipsis)
    PanelBox(title: m.title, focused: true, note: m.note).draw(in: Layout.box(s.size), on: c)
    let parts = Layout.zoom(s.size)
    // Summary: the head lines and as many tail lines as fit; then the chart (and bars).
    var summary = m
    summary.chart = nil
    summary.bars = nil
    summary.draw(in: parts.summary, on: c)
    var chartOnly = m
    chartOnly.head = []
    chartOnly.tail = []
    // The legend under the chart: which line is the figure, the path, the projection and
    // the year in progress.
    var chartArea = parts.chart
    if let chart = m.chart, chartArea.height >= 4 {
      let legend = chart.legend(glyphs: c.glyphs)
      if !legend.isEmpty {
        chartArea.height -= 1
        Segment.draw(
          [.text("legend: ", .muted)] + legend, x: chartArea.x, y: chartArea.maxY,
          maxWidth: chartArea.width, on: c)
      }
    }
    chartOnly.draw(in: chartArea, on: c)
    tabs(tables, active: s.table, in: parts.tabs, on: c)
    if s.table < tables.count { table(tables[s.table], s, in: parts.table, on: c) }
  }

  static func tabs(_ tables: [ScreenTable], active: Int, in r: Rect, on c: Canvas) {
    var x = r.x
    for (i, t) in tables.enumerated() {
      let label = i == active ? "[\(t.name)]" : " \(t.name) "
      x += c.text(x, r.y, label, role: i == active ? .title : .muted, maxWidth: r.maxX - x) + 1
    }
  }

  static func table(_ t: ScreenTable, _ s: UIState, in r: Rect, on c: Canvas) {
    var view = TableView(
      columns: t.columns, rows: t.rows, selected: t.rows.isEmpty ? nil : s.selection,
      scroll: s.scroll)
    if case .drillDown = s.screen {
      view.hscroll = s.hscroll
      view.hscrolls = view.fullWidth > r.width
    }
    view.draw(in: r, on: c)
  }

  static func list(
    _ title: String, _ s: UIState, report: Report, tables: [ScreenTable], on c: Canvas
  ) {
    let count = tables.first?.rows.count ?? 0
    var note = "\(count) rows"
    if let f = s.filter { note = "\(count) rows matching /\(Sanitize.text(f.typed))" }
    PanelBox(title: title, focused: true, note: note).draw(in: Layout.box(s.size), on: c)
    if let t = tables.first {
      if s.screen == .alerts && s.alerts.isEmpty {
        c.text(
          Layout.list(s.size).x, Layout.list(s.size).y,
          "no alerts in this session: status changes and broken files show here", role: .muted)
        return
      }
      if s.screen == .diagnostics && report.diagnostics.isEmpty && s.filter == nil {
        c.text(
          Layout.list(s.size).x, Layout.list(s.size).y, "no diagnostics: the dataset reads cleanly",
          role: .good)
        return
      }
      table(t, s, in: Layout.list(s.size), on: c)
      if s.showRow, case .drillDown = s.screen, s.selection < t.rows.count {
        wholeRow(t, row: s.selection, in: Layout.list(s.size), on: c)
      }
    }
  }

  /// The selected row of a drill-down, every cell whole: "column: value", wrapped at word
  /// boundaries to the box (Enter shows it, Enter or Esc hides it).
  static func wholeRow(_ t: ScreenTable, row: Int, in area: Rect, on c: Canvas) {
    let width = max(10, area.width - 4)
    var lines: [(String, StyleRole)] = []
    for (i, col) in t.columns.enumerated() where i < t.rows[row].cells.count {
      let text = col.title + ": " + Sanitize.text(t.rows[row].cells[i])
      for l in wrapWords(text, width: width) { lines.append((l, .text)) }
    }
    lines.append(("Enter or Esc: back to the table", .muted))
    let h = min(area.height, lines.count + 2)
    let box = Rect(x: area.x, y: area.maxY - h, width: area.width, height: h)
    let inner = PanelBox(title: "row \(row + 1) of \(t.rows.count)", focused: true).draw(
      in: box, on: c)
    for (k, l) in lines.prefix(inner.height).enumerated() {
      c.text(inner.x + 1, inner.y + k, l.0, role: l.1, maxWidth: inner.width - 1)
    }
  }

  /// `text` in lines of at most `width` cells, broken at spaces (a word longer than a line is
  /// cut into pieces).
  static func wrapWords(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      var w = word
      while CellWidth.of(w) > width {
        if !line.isEmpty {
          lines.append(line)
          line = ""
        }
        let head = TableView.clip(w, skip: 0, width: width)
        lines.append(head)
        w = String(w.dropFirst(head.count))
      }
      if line.isEmpty {
        line = w
      } else if CellWidth.of(line) + 1 + CellWidth.of(w) <= width {
        line += " " + w
      } else {
        lines.append(line)
        line = w
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
