import CarbonKit
import CarbonText

/// Draws the scenario editor (levers, then every target's history status and projected
/// outcome, then the input line or hints) and the list of saved scenarios.
enum ScenarioView {
  /// What a lever means (docs/data-format.md) and where its default comes from.
  static func meaning(_ l: Lever) -> String {
    switch l {
    case .scope1Change: return "Scope 1 change per year; default: CAGR of Scope 1"
    case .electricityGrowth: return "electricity use change per year; default: its CAGR"
    case .gridFactorChange:
      return "location-based grid factor (S2 location / MWh) change per year; default: its CAGR"
    case .cleanShareTarget:
      return "clean electricity share reached at T, linearly from L; default: the trend to T"
    case .removalsPerYear: return "tCO2e removed each year; default: removals at L"
    case .offsetsPerYear: return "tCO2e of offsets retired each year; default: offsets at L"
    case .revenueGrowth: return "revenue change per year; default: CAGR of revenue"
    case .scope3Change: return "Scope 3 change per year; default: CAGR of Scope 3"
    case .avoidedGrowth: return "avoided emissions change per year; default: latest YoY growth"
    }
  }

  /// What a thin default rests on: "default from FY2024 and FY2025 only (thin data)".
  static func thinNote(_ b: DefaultBasis) -> String {
    let years = b.years.map(\.description)
    let list = years.count == 2 ? years[0] + " and " + years[1] : years.joined(separator: ", ")
    return "default from \(list) only (thin data)"
  }

  /// The lever's label, with the year the clean share is reached.
  static func label(_ l: Lever, _ r: Report) -> String {
    if l == .cleanShareTarget, let t = ReportFigures(r).opsTarget?.by ?? r.targets.first?.by {
      return "clean electricity at \(t)"
    }
    return ScenarioLevers.label(l)
  }

  /// The levers table (value in effect, default, unit, whether set).
  static func leverTable(_ s: UIState, _ r: Report, width w: Int) -> TableView {
    let showKey = w >= 100
    let showDefault = w >= 56
    let showUnit = w >= 46
    var fixed = (10 + 1) + (4 + 1)
    if showDefault { fixed += 11 }
    if showUnit { fixed += 9 }
    if showKey { fixed += 21 }
    let labelW = min(32, max(8, w - fixed))
    var cols: [TableView.Column] = [
      .init("lever", width: labelW), .init("value", width: 10, alignRight: true),
    ]
    if showDefault { cols.append(.init("default", width: 10, alignRight: true)) }
    if showUnit { cols.append(.init("unit", width: 8)) }
    cols.append(.init("", width: 4))
    if showKey { cols.append(.init("in scenario files", width: 20)) }
    let rows: [TableView.Row] = Lever.allCases.map { l in
      let isSet = s.scenarioLevers[l] != nil
      let d = ScenarioEditor.defaultValue(l, r)
      var cells = [label(l, r), ScenarioLevers.format(l, ScenarioEditor.value(l, s, r))]
      var roles: [StyleRole?] = [nil, isSet ? .accent : nil]
      if showDefault {
        cells.append(ScenarioLevers.format(l, d))
        roles.append(.muted)
      }
      if showUnit {
        cells.append(ScenarioLevers.unit(l))
        roles.append(.muted)
      }
      // A default resting on thin data carries a warning mark (its years are on the line
      // under the table when the lever is selected).
      let thin = r.scenario.defaultBasis[l]?.thin == true
      cells.append((isSet ? "set" : "") + (thin ? "!" : ""))
      roles.append(thin ? .warn : .accent)
      if showKey {
        cells.append(l.rawValue)
        roles.append(.muted)
      }
      return TableView.Row(cells, roles: roles)
    }
    return TableView(
      columns: cols, rows: rows, selected: min(max(0, s.leverSelection), rows.count - 1))
  }

  /// Every target: its status (history, at L) and projected outcome (scenario); the baseline
  /// outcome beside it when wide.
  static func outcomeTable(
    _ s: UIState, _ r: Report, baseline: Report?, unit: String, width w: Int
  ) -> TableView {
    let withBase = w >= 130 && ScenarioText.scenarioActive(s, r)
    let outW = w >= 78 ? 34 : max(10, (w - 9) / 2)
    let short = outW < 32
    let titleW = min(40, max(8, w - 9 - (outW + 1) * (withBase ? 2 : 1)))
    var cols: [TableView.Column] = [
      .init("target", width: titleW), .init("history", width: 8),
      .init("projected" + (ScenarioText.scenarioActive(s, r) ? " (scenario)" : ""), width: outW),
    ]
    if withBase { cols.append(.init("baseline (no scenario)", width: outW)) }
    let rows: [TableView.Row] = r.targets.map { t in
      var cells = [
        t.title, TUIFormat.statusWord(t.status),
        ScenarioText.outcome(t, intensityUnit: unit, short: short),
      ]
      var roles: [StyleRole?] = [
        s.changed.contains(.target(t.id)) ? .changed : nil, TUIFormat.statusRole(t.status),
        ScenarioText.role(t.outcome),
      ]
      if withBase {
        if let b = baseline?.targets.first(where: { $0.id == t.id }) {
          cells.append(ScenarioText.outcome(b, intensityUnit: unit, short: short))
          roles.append(.muted)
        } else {
          cells.append("-")
          roles.append(.muted)
        }
      }
      return TableView.Row(cells, roles: roles)
    }
    return TableView(columns: cols, rows: rows)
  }

  /// The editor's parts inside its box: the lever table, the outcome table and the two
  /// bottom lines. With room for every lever, a blank line and some outcomes; else fewer
  /// levers (scrolled to the selection) and no blank line.
  static func editorAreas(inner: Rect, targetCount: Int, bottomHeight: Int? = nil) -> (
    levers: Rect, outcomes: Rect, bottom: Rect
  ) {
    let bottomH = min(bottomHeight ?? 2, inner.height)
    let (body, bottom) = inner.splitTop(inner.height - bottomH)
    let leverFull = 1 + Lever.allCases.count
    let outcomeMin = targetCount == 0 ? 0 : 1 + min(3, targetCount)
    let roomy = body.height >= leverFull + 1 + outcomeMin
    let leverH =
      roomy ? leverFull : max(min(3, body.height), body.height - outcomeMin)
    let (leverArea, rest) = body.splitTop(leverH)
    return (leverArea, roomy ? rest.splitTop(1).1 : rest, bottom)
  }

  /// The lever table's area on screen for a state (for mouse clicks).
  static func leverArea(_ s: UIState, targetCount: Int) -> Rect {
    let inner = Layout.box(s.size).inset(1)
    return editorAreas(
      inner: inner, targetCount: targetCount, bottomHeight: bottomHeight(s, inner: inner)
    ).levers
  }

  static func editor(_ s: UIState, report r: Report, dataset d: Dataset?, on c: Canvas) {
    let name = ScenarioText.headerName(s, r) ?? "no scenario (defaults from history)"
    let inner = PanelBox(
      title: "Scenario editor: " + name, focused: true, note: "levers drive projections L+1..T"
    ).draw(in: Layout.box(s.size), on: c)
    guard inner.height > 0, inner.width > 0 else { return }
    let (leverArea, outArea, bottom) = editorAreas(
      inner: inner, targetCount: r.targets.count, bottomHeight: bottomHeight(s, inner: inner))
    leverTable(s, r, width: leverArea.width).draw(in: leverArea, on: c)
    if outArea.height >= 2 {
      let base = s.baseline ?? (ScenarioText.scenarioActive(s, r) ? nil : r)
      outcomeTable(
        s, r, baseline: base, unit: PanelModels.intensityUnit(r), width: outArea.width
      ).draw(in: outArea, on: c)
    }
    drawBottom(s, r, in: bottom, on: c)
  }

  /// The input line and its message, or the selected lever's meaning and the editor's keys.
  static func drawBottom(_ s: UIState, _ r: Report, in area: Rect, on c: Canvas) {
    guard area.height > 0 else { return }
    let lines: [[Segment]]
    if let input = s.input {
      let prompt: String
      let help: String
      switch input.purpose {
      case .value(let l):
        let d = ScenarioLevers.format(l, ScenarioEditor.defaultValue(l, r))
        let unit = l.isTonnes ? "tCO2e/yr" : l == .cleanShareTarget ? "%" : "%/yr"
        prompt = "\(label(l, r)) in \(unit) (default \(d)): "
        help =
          "Enter sets it, Esc cancels; e.g. " + (l.isTonnes ? "120000 or 1.2e5" : "-2.5 or 80%")
      case .saveName:
        prompt = "save as scenarios/NAME.toml, NAME: "
        help =
          "1-\(ScenarioName.maxLength) characters: letters, digits, . _ -; Enter saves, Esc cancels"
      case .confirmReplace(let sc):
        lines = [
          [
            .text("scenarios/\(Sanitize.text(sc.name)).toml exists: replace it? ", .title),
            .text("y/N", .accent),
          ],
          [.text("y replaces it (its description is kept); n, Enter or Esc keep it", .muted)],
        ]
        draw(lines, in: area, on: c)
        return
      }
      let text = Sanitize.text(input.text)
      // Keep the end of a long text in view.
      let room = max(1, area.width - CellWidth.of(prompt) - 1)
      let shown =
        CellWidth.of(text) > room ? String(text.suffix(max(0, room - 1))) : text
      let under: [[Segment]] =
        input.error.map { e in wrap(Sanitize.text(e), width: area.width).map { [.text($0, .warn)] }
        }
        ?? [[.text(help, .muted)]]
      lines = [[.text(prompt, .title), .text(shown, .accent), .text("_", .accent)]] + under
    } else {
      let k = s.keys
      let l = ScenarioEditor.selectedLever(s)
      func h(_ a: KeyAction, _ text: String) -> String? { k.hint(a).map { "\($0) \(text)" } }
      let step = [k.hint(.scenarioDecrease), k.hint(.scenarioIncrease)].compactMap { $0 }
      let fine = [k.hint(.scenarioDecreaseFine), k.hint(.scenarioIncreaseFine)].compactMap { $0 }
      let hints = [
        step.isEmpty ? nil : step.joined(separator: "/") + " step",
        fine.isEmpty ? nil : fine.joined(separator: "/") + " fine",
        h(.scenarioType, "or digits: type"), h(.scenarioReset, "reset"),
        h(.scenarioResetAll, "reset all"), h(.scenarioSave, "save"), h(.scenarioOpen, "open"),
        h(.compare, "compare"),
      ].compactMap { $0 }
      var about: [Segment] = [.text(ScenarioLevers.label(l) + ": ", .text)]
      if let b = r.scenario.defaultBasis[l], b.thin {
        about.append(.text("! " + thinNote(b) + "; ", .warn))
      }
      about.append(.text(meaning(l), .muted))
      lines = [about, [.text(hints.joined(separator: "  "), .muted)]]
    }
    draw(lines, in: area, on: c)
  }

  /// Lines from the top of `area`, as many as fit.
  static func draw(_ lines: [[Segment]], in area: Rect, on c: Canvas) {
    for (i, line) in lines.prefix(area.height).enumerated() {
      Segment.draw(line, x: area.x, y: area.y + i, maxWidth: area.width, on: c)
    }
  }

  /// `text` in lines of at most `width` columns, broken at spaces (a longer word is cut
  /// across lines): a long message is shown whole, never cut at the edge.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var out: [String] = []
    var line = ""
    var used = 0
    func flush() {
      out.append(line)
      line = ""
      used = 0
    }
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let w = CellWidth.of(String(word))
      if used > 0 && used + 1 + w > width { flush() }
      if used > 0 {
        line.append(" ")
        used += 1
      }
      for ch in word {
        let cw = CellWidth.of(ch)
        if used + cw > width { flush() }
        line.append(ch)
        used += cw
      }
    }
    if used > 0 || out.isEmpty { flush() }
    return out
  }

  /// Rows of the bottom part: the input line or hints (2), more when a message under the
  /// input line needs them to be read whole (at most half the inside).
  static func bottomHeight(_ s: UIState, inner: Rect) -> Int {
    guard let e = s.input?.error else { return min(2, inner.height) }
    let need = 1 + wrap(Sanitize.text(e), width: inner.width).count
    return min(max(2, min(need, inner.height / 2)), inner.height)
  }

  /// The saved scenarios, to open one with Enter.
  static func list(_ s: UIState, on c: Canvas) {
    let names = s.savedScenarios
    let inner = PanelBox(
      title: "Open a scenario", focused: true,
      note: "\(names.count) saved in scenarios/"
    ).draw(in: Layout.box(s.size), on: c)
    guard inner.height > 0 else { return }
    if names.isEmpty {
      let save = s.keys.hint(.scenarioSave).map { " (\($0) in the editor saves one)" } ?? ""
      c.text(
        inner.x, inner.y, "no saved scenarios in scenarios/" + save, role: .muted,
        maxWidth: inner.width)
      return
    }
    TableView(
      columns: [.init("name", width: inner.width)],
      rows: names.map { TableView.Row([$0]) },
      selected: min(max(0, s.selection), names.count - 1), scroll: s.scroll
    ).draw(in: inner, on: c)
  }
}
