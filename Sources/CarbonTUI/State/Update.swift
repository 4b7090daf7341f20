import CarbonKit
import CarbonTerminal

/// The next UI state for an input event, and the side effects the app must carry out.
/// Pure: the same state, event and context give the same result.
public func update(_ state: UIState, _ event: InputEvent, _ context: UpdateContext) -> (
  UIState, [AppCommand]
) {
  var s = state
  switch event {
  case .resize(let size):
    s.size = size
    return (s, [])
  case .hangup:
    return (s, [.quit])
  case .mouse(let button, let x, let y):
    guard s.mouseEnabled else { return (s, []) }
    return mouse(s, button, x: x, y: y, context)
  case .key(let key):
    if let handled = ScenarioEditor.key(key, s, context) { return handled }
    guard let action = s.keys.action(for: key) else {
      // Esc always closes the help, even when remapped away.
      if key == .escape && s.showHelp { s.showHelp = false }
      return (s, [])
    }
    return perform(action, s, context)
  }
}

/// Carries out one action of the key registry.
public func perform(_ action: KeyAction, _ state: UIState, _ context: UpdateContext) -> (
  UIState, [AppCommand]
) {
  var s = state
  if s.showHelp {
    switch action {
    case .quit: return (s, [.quit])
    case .help, .back:
      s.showHelp = false
      s.helpScroll = 0
    case .scrollUp: s.helpScroll = max(0, s.helpScroll - 1)
    case .scrollDown: s.helpScroll = min(max(0, s.keys.helpLines().count - 1), s.helpScroll + 1)
    case .pageUp: s.helpScroll = max(0, s.helpScroll - 10)
    case .pageDown: s.helpScroll = min(max(0, s.keys.helpLines().count - 1), s.helpScroll + 10)
    case .home: s.helpScroll = 0
    case .end: s.helpScroll = max(0, s.keys.helpLines().count - 1)
    default: break
    }
    return (s, [])
  }
  if let handled = ScenarioEditor.perform(action, s, context) { return handled }
  func open(_ screen: Screen) { openScreen(screen, &s) }
  func recompute() -> [AppCommand] { [.recompute(asOf: s.asOf, entity: s.entity, basis: s.basis)] }
  let tables = ScreenTable.tables(
    for: s.screen, report: context.report, dataset: context.dataset, entity: s.entity)
  let rowCount = s.table < tables.count ? tables[s.table].rows.count : 0
  func move(_ delta: Int) {
    if s.screen == .overview {
      if delta > 0 { s.focus = s.focus.next } else if delta < 0 { s.focus = s.focus.previous }
      return
    }
    s.selection = min(max(0, s.selection + delta), max(0, rowCount - 1))
  }
  let page = max(1, pageSize(s) - 1)
  switch action {
  case .quit: return (s, [.quit])
  case .help:
    s.showHelp = true
    s.helpScroll = 0
  case .zoom1:
    open(.zoom(.operational))
    s.focus = .operational
  case .zoom2:
    open(.zoom(.valueChain))
    s.focus = .valueChain
  case .zoom3:
    open(.zoom(.scope3plus))
    s.focus = .scope3plus
  case .zoomFocused:
    if s.screen == .overview {
      open(.zoom(s.focus))
    } else if case .drillDown = s.screen {
      // Enter shows the selected source row whole (long notes included); again hides it.
      s.showRow.toggle()
    } else {
      return perform(.drillDown, s, context)
    }
  case .back:
    if s.showRow {
      s.showRow = false
    } else {
      backScreen(&s)
    }
  case .focusNext, .focusPrev:
    let d = action == .focusNext ? 1 : -1
    if s.screen == .overview {
      // Panels left out of the overview (nothing to show) are skipped.
      let hidden = PanelModels.hidden(report: context.report, dataset: context.dataset, state: s)
      for _ in 0..<3 {
        s.focus = d > 0 ? s.focus.next : s.focus.previous
        if !hidden.contains(s.focus.rawValue) { break }
      }
    } else if case .drillDown = s.screen {
      // One table: Left and Right scroll it horizontally, within its width.
      let width = tables.first.map { t in t.columns.reduce(0) { $0 + $1.width + 1 } } ?? 0
      let room = Layout.list(s.size).width
      let step = max(1, room / 2)
      s.hscroll = min(max(0, s.hscroll + d * step), max(0, width - room))
    } else if tables.count > 1 {
      s.table = (s.table + d + tables.count) % tables.count
      s.selection = 0
      s.scroll = 0
    }
  case .yearPrev, .yearNext:
    let years = context.years
    guard let latest = years.last else { return (s, []) }
    let current = s.asOf ?? latest
    let idx = years.firstIndex(of: current) ?? (years.lastIndex { $0 < current } ?? 0)
    let target = action == .yearPrev ? idx - 1 : idx + 1
    guard target >= 0, target < years.count else { return (s, []) }
    let fy = years[target]
    let newAsOf: FiscalYear? = fy == latest ? nil : fy
    guard newAsOf != s.asOf else { return (s, []) }
    s.asOf = newAsOf
    return (s, recompute())
  case .entityNext:
    let list = context.entities
    if let e = s.entity, let i = list.firstIndex(of: e) {
      s.entity = i + 1 < list.count ? list[i + 1] : nil
    } else {
      s.entity = list.first
    }
    if s.entity == state.entity { return (s, []) }
    return (s, recompute())
  case .basisToggle:
    // From the basis the figures on screen use (the target's own until toggled).
    let shown = s.basis ?? context.report.operational?.scope2Basis ?? .market
    s.basis = shown == .market ? .location : .market
    return (s, recompute())
  case .themeNext: return (s, [.nextTheme])
  case .scenarioEditor: open(.scenarioEditor)
  case .compare: open(.compare)
  case .scenarioIncrease, .scenarioDecrease, .scenarioIncreaseFine, .scenarioDecreaseFine,
    .scenarioType, .scenarioReset, .scenarioResetAll, .scenarioSave, .scenarioOpen:
    // The editor's own actions (its context of the registry); nothing elsewhere.
    if s.screen == .scenarioEditor { return ScenarioEditor.editorAction(action, s, context) }
    return (s, [])
  case .targets: open(.targets)
  case .diagnostics: open(.diagnostics)
  case .drillDown:
    if let t = drillTarget(s, tables: tables, report: context.report) { open(.drillDown(t)) }
  case .scrollUp: move(-1)
  case .scrollDown: move(1)
  case .pageUp: move(-page)
  case .pageDown: move(page)
  case .home: if s.screen != .overview { s.selection = 0 }
  case .end: if s.screen != .overview { s.selection = max(0, rowCount - 1) }
  }
  if s.screen != .overview {
    s.scroll = TableView.clampedScroll(
      scroll: s.scroll, selected: s.selection, rowCount: rowCount, visible: pageSize(s))
  }
  return (s, [])
}

/// Shows a screen, remembering the current one for `back`; going to the screen just before
/// (editor <-> compare) goes back instead, so the history does not grow.
func openScreen(_ screen: Screen, _ s: inout UIState) {
  guard screen != s.screen else { return }
  if s.history.last == screen && (screen == .scenarioEditor || screen == .compare) {
    backScreen(&s)
    return
  }
  s.history.append(s.screen)
  s.screen = screen
  s.table = 0
  s.selection = 0
  s.scroll = 0
  s.hscroll = 0
  s.showRow = false
}

/// Returns to the previous screen (the overview when there is none).
func backScreen(_ s: inout UIState) {
  if let prev = s.history.popLast() {
    s.screen = prev
    s.table = 0
    s.selection = 0
    s.scroll = 0
    s.hscroll = 0
  } else if s.screen != .overview {
    s.screen = .overview
  }
}

/// What the drill-down opens from the current screen: the focused panel's figure at its L on
/// the overview, else the selected row.
func drillTarget(_ s: UIState, tables: [ScreenTable], report: Report) -> DrillTarget? {
  if s.screen == .overview {
    let f = ReportFigures(report)
    switch s.focus {
    case .operational:
      return (f.opsTarget?.latestFY ?? report.latestCompleteFY).map { .operations($0) }
    case .valueChain:
      return (f.vcTarget?.latestFY ?? report.latestCompleteFY).map { .valueChain($0) }
    case .scope3plus: return (f.avTarget?.latestFY ?? report.latestCompleteFY).map { .avoided($0) }
    }
  }
  guard s.table < tables.count, s.selection < tables[s.table].drill.count else { return nil }
  return tables[s.table].drill[s.selection]
}

/// Rows of the active table visible at once (for paging).
func pageSize(_ s: UIState) -> Int {
  switch s.screen {
  case .overview: return 1
  case .zoom: return max(1, Layout.zoom(s.size).table.height - 2)
  default: return max(1, Layout.list(s.size).height - 2)
  }
}

private func mouse(
  _ state: UIState, _ button: MouseButton, x: Int, y: Int, _ context: UpdateContext
) -> (UIState, [AppCommand]) {
  var s = state
  switch button {
  case .wheelUp, .wheelDown:
    if s.showHelp || s.screen == .scenarioEditor || s.screen == .scenarioList
      || s.screen == .compare
    {
      return perform(button == .wheelUp ? .scrollUp : .scrollDown, s, context)
    }
    guard s.screen != .overview else { return (s, []) }
    let tables = ScreenTable.tables(
      for: s.screen, report: context.report, dataset: context.dataset, entity: s.entity)
    let n = s.table < tables.count ? tables[s.table].rows.count : 0
    s.selection = min(max(0, s.selection + (button == .wheelUp ? -3 : 3)), max(0, n - 1))
    return (s, [])
  case .left:
    guard !s.showHelp, !s.tooSmall else { return (s, []) }
    if s.screen == .overview {
      let layout = Layout.overview(
        s.size, targetCount: context.report.targets.count,
        hidden: PanelModels.hidden(report: context.report, dataset: context.dataset, state: s))
      for p in PanelID.allCases where layout.panels[p.rawValue].contains(x: x, y: y) {
        if s.focus == p { return perform(.zoomFocused, s, context) }
        s.focus = p
      }
      return (s, [])
    }
    if s.screen == .scenarioEditor {
      // A click on a lever selects it.
      let area = ScenarioView.leverArea(s, targetCount: context.report.targets.count)
      if let (row, _) = clickedRow(
        area, x: x, y: y, rowCount: Lever.allCases.count, scroll: 0, selected: s.leverSelection)
      {
        s.leverSelection = row
      }
      return (s, [])
    }
    if s.screen == .scenarioList {
      // A click selects a saved scenario; a click on the selected one opens it.
      let names = s.savedScenarios
      let area = Layout.box(s.size).inset(1)
      guard
        let (row, _) = clickedRow(
          area, x: x, y: y, rowCount: names.count, scroll: s.scroll, selected: s.selection)
      else { return (s, []) }
      if row == s.selection { return perform(.zoomFocused, s, context) }
      s.selection = row
      return (s, [])
    }
    guard s.screen != .compare else { return (s, []) }
    // A click on a table row selects it (first row below the header).
    let area = s.screen.isZoom ? Layout.zoom(s.size).table : Layout.list(s.size)
    let tables = ScreenTable.tables(
      for: s.screen, report: context.report, dataset: context.dataset, entity: s.entity)
    let n = s.table < tables.count ? tables[s.table].rows.count : 0
    if let (row, first) = clickedRow(
      area, x: x, y: y, rowCount: n, scroll: s.scroll, selected: s.selection)
    {
      s.selection = row
      s.scroll = first
    }
    return (s, [])
  default:
    return (s, [])
  }
}

/// The row of a `TableView` drawn in `area` that a click at (x, y) falls on, with the table's
/// first visible row: header on the first line, a footer when it scrolls (as
/// `TableView.draw`); nil outside the rows.
private func clickedRow(
  _ area: Rect, x: Int, y: Int, rowCount n: Int, scroll: Int, selected: Int
) -> (row: Int, first: Int)? {
  guard area.contains(x: x, y: y), y > area.y else { return nil }
  let visible = area.height - 1 - (area.height >= 4 && n > area.height - 1 ? 1 : 0)
  let first = TableView.clampedScroll(
    scroll: scroll, selected: selected, rowCount: n, visible: visible)
  let line = y - area.y - 1
  guard line < visible, first + line < n else { return nil }
  return (first + line, first)
}

extension Screen {
  var isZoom: Bool {
    if case .zoom = self { return true }
    return false
  }
}
