import CarbonKit
import CarbonText

/// The targets screen (T) and the screen of one target (Enter on it): every figure read from
/// the Report's `targets`, in the target's own unit.
enum TargetView {
  /// "absolute S1+2", "net zero S1+2+3", "share", "intensity S3/revenue", "avoided".
  static func kindText(_ t: TargetReport) -> String {
    let scopes = t.scopes.isEmpty ? "" : " S" + t.scopes.map(\.rawValue).joined(separator: "+")
    switch t.kind {
    case .intensity: return "intensity" + scopes + "/" + Sanitize.text(t.per ?? "revenue")
    case .share: return "clean share"
    case .avoided: return "avoided"
    default: return t.kind.label + scopes
    }
  }

  /// The next milestone still ahead: "FY2025 237 kt", "-" without one.
  static func nextMilestone(_ t: TargetReport, _ r: Report) -> String {
    guard let m = t.milestones.first(where: { $0.status == .upcoming }) else { return "-" }
    return "\(m.fy) " + r.figure(m.level, of: t)
  }

  /// "yes", "NO" or "-" (not judged).
  static func sbtiText(_ t: TargetReport) -> String {
    switch t.sbti {
    case true?: return "yes"
    case false?: return "NO"
    case nil: return "-"
    }
  }

  /// The targets table of the T screen, with the title column given whatever width the
  /// terminal leaves (`width` 0: the minimum).
  static func list(_ r: Report, width: Int) -> ScreenTable {
    var cols: [TableView.Column] = [
      .init("target", width: 24), .init("status", width: 8),
      .init("achieved", width: 8, alignRight: true), .init("kind", width: 21),
      .init("L", width: 6), .init("at L", width: 22, alignRight: true),
      .init("gap", width: 18, alignRight: true), .init("next milestone", width: 24),
      .init("SBTi", width: 4), .init("outcome", width: 28), .init("entity", width: 16),
      .init("by", width: 6),
    ]
    // The title takes the width the terminal leaves beside the columns up to the gap (the
    // box's borders take 2); what does not fit on the right is cut, as in every table.
    let first = cols[1...6].reduce(0) { $0 + $1.width + 1 }
    let longest = r.targets.map { CellWidth.of(Sanitize.text($0.title)) }.max() ?? 0
    cols[0].width = max(24, min(longest, width - 2 - first))
    var rows: [TableView.Row] = []
    for t in r.targets {
      let outcome = ScenarioText.outcome(t, intensityUnit: PanelModels.intensityUnit(r))
      rows.append(
        .init(
          [
            Sanitize.text(t.title), TUIFormat.statusWord(t.status),
            Units.percent(t.achievedFraction), kindText(t), t.latestFY?.description ?? "-",
            r.figure(t.valueAtLatest, of: t), r.figure(t.gap, of: t), nextMilestone(t, r),
            sbtiText(t), outcome, t.entity == "*" ? "all" : Sanitize.text(t.entity),
            t.by.description,
          ],
          roles: [
            nil, TUIFormat.statusRole(t.status), .accent, .muted, .muted, nil,
            t.gap == nil ? .muted : .bad, nil, t.sbti == false ? .warn : nil,
            ScenarioText.role(t.outcome), nil, nil,
          ]))
    }
    return ScreenTable(
      name: "targets", columns: cols, rows: rows,
      drill: r.targets.map { .targetYear($0.id, $0.latestFY) })
  }

  /// The tables of one target's screen: by fiscal year, then the milestones.
  static func tables(_ t: TargetReport, _ r: Report) -> [ScreenTable] {
    let f = { (v: Double?) in r.figure(v, of: t) }
    let cols: [TableView.Column] = [
      .init("FY", width: 11),
      .init(t.kind == .avoided ? "cumulative" : "figure", width: 20, alignRight: true),
      .init("path", width: 20, alignRight: true), .init("vs path", width: 20, alignRight: true),
      .init("", width: 12),
    ]
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for y in t.years {
      var diff: Double?
      if y.complete, let v = y.value, let p = y.path { diff = v - p }
      rows.append(
        .init(
          [
            y.fy.description + (y.complete ? "" : " YTD"), f(y.value), f(y.path), f(diff),
            y.fy == t.latestFY ? "L" : y.complete ? "" : "in progress",
          ], roles: y.complete ? [] : [.muted]))
      drill.append(.targetYear(t.id, y.fy))
    }
    for p in t.projection {
      rows.append(
        .init(
          [p.fy.description + " proj", f(p.value)], roles: [.chartProjection, .chartProjection]))
      drill.append(nil)
    }
    let years = ScreenTable(name: "by fiscal year", columns: cols, rows: rows, drill: drill)
    let mcols: [TableView.Column] = [
      .init("milestone", width: 10), .init("level", width: 20, alignRight: true),
      .init("actual", width: 20, alignRight: true), .init("status", width: 9),
      .init("projected", width: 20, alignRight: true),
    ]
    var mrows: [TableView.Row] = []
    var mdrill: [DrillTarget?] = []
    for m in t.milestones {
      let role: StyleRole? =
        m.status == .met ? .good : m.status == .missed ? .bad : m.status == .noData ? .muted : nil
      mrows.append(
        .init(
          [m.fy.description, f(m.level), f(m.actual), m.status.word, f(m.projected)],
          roles: [nil, nil, nil, role, .chartProjection]))
      mdrill.append(m.status == .upcoming ? nil : .targetYear(t.id, m.fy))
    }
    if mrows.isEmpty {
      mrows = [.init(["no milestones in dataset.toml"], roles: [.muted])]
      mdrill = [nil]
    }
    let ms = ScreenTable(name: "milestones", columns: mcols, rows: mrows, drill: mdrill)
    return [years, ms]
  }

  /// The chart: the target's figure (history), its path with the milestones marked, and the
  /// projection (dashed) from L.
  static func chart(_ t: TargetReport, _ r: Report) -> LineChart {
    let hist = t.years.filter(\.complete).map { ChartPoint(x: Double($0.fy.year), y: $0.value) }
    var series = [ChartSeries(kind: .history, points: hist)]
    var markers: [ChartPoint] = []
    if t.kind != .avoided, let pb = t.years.first(where: { $0.fy == t.baseline })?.path {
      var pts = [ChartPoint(x: Double(t.baseline.year), y: pb)]
      for m in t.milestones {
        pts.append(.init(x: Double(m.fy.year), y: m.level))
        markers.append(.init(x: Double(m.fy.year), y: m.level))
      }
      pts.append(.init(x: Double(t.by.year), y: t.targetLevel))
      series.append(ChartSeries(kind: .path, points: pts))
    } else {
      // Avoided: no path; the milestones' amounts are marked.
      markers = t.milestones.map { .init(x: Double($0.fy.year), y: $0.level) }
      if t.kind == .avoided {
        series.append(
          ChartSeries(
            kind: .path,
            points: [.init(x: Double(t.by.year), y: t.targetLevel)]))
      }
    }
    if !t.projection.isEmpty {
      var pts: [ChartPoint] = []
      if let l = t.latestFY { pts.append(.init(x: Double(l.year), y: t.valueAtLatest)) }
      pts += t.projection.map { .init(x: Double($0.fy.year), y: $0.value) }
      series.append(ChartSeries(kind: .projection, points: pts))
    }
    let first = min(t.years.first?.fy ?? t.baseline, t.baseline)
    let last = max(t.projection.last?.fy ?? t.by, t.by)
    return LineChart(
      series: series, yLabel: { r.figure($0, of: t) },
      xLabels: (first.description, last.description), markers: markers)
  }

  /// The summary lines of a target: what it is, where it stands at L, what it needs.
  static func summary(_ t: TargetReport, _ r: Report, _ s: UIState) -> [[Segment]] {
    let f = { (v: Double?) in r.figure(v, of: t) }
    var what: [Segment] = [
      .text(kindText(t), .accent),
      .text(
        "  \(t.entity == "*" ? "all entities" : Sanitize.text(t.entity))  \(t.baseline) to \(t.by)",
        .muted),
    ]
    if let red = t.reduction { what.append(.text("  -" + Units.percent(red), .text)) }
    what.append(.text("  level " + f(t.targetLevel), .text))
    var now: [Segment] = [
      .text(t.kind == .avoided ? "cumulative " : "figure ", .muted),
      .text(f(t.valueAtLatest), .text),
    ]
    if t.kind != .avoided { now += [.text("  path ", .muted), .text(f(t.pathAtLatest), .text)] }
    now += [.text("  ", .text), .status(t.status)]
    if let g = t.gap { now.append(.text(" gap " + f(g), .text)) }
    now.append(.text("  " + Units.percent(t.achievedFraction) + " achieved", .accent))
    if let l = t.latestFY { now.append(.text("  \(l)", .muted)) }
    var needs: [Segment] = [
      .text("needs ", .muted),
      .text(Units.requiredChange(t.requiredChangePerYear, kind: t.kind), .text),
    ]
    if let v = t.sbti {
      needs.append(.text("  SBTi ", .muted))
      needs.append(
        .text(
          (v ? "meets the minimum" : "below the minimum")
            + (t.sbtiRate.map { " (" + Units.percent($0) + "/yr)" } ?? ""), v ? .good : .warn))
    }
    needs +=
      [.text("  ", .text)] + PanelModels.outcomeLine(t, r, s, unit: PanelModels.intensityUnit(r))
    return [what, now, needs]
  }

  /// A panel model of any target (the fallback of the own-operations and value-chain panels).
  static func panel(_ t: TargetReport, _ r: Report, _ s: UIState) -> PanelModel {
    let lines = summary(t, r, s)
    return PanelModel(
      title: Sanitize.text(t.title), note: kindText(t), head: [lines[1]], chart: chart(t, r),
      tail: [lines[2], lines[0]], bars: nil)
  }

  /// The screen of one target.
  static func draw(_ id: String, _ s: UIState, report r: Report, on c: Canvas) {
    let box = Layout.box(s.size)
    guard let t = r.targets.first(where: { $0.id == id }) else {
      PanelBox(title: "Target \(Sanitize.text(id))", focused: true, note: nil).draw(in: box, on: c)
      c.text(box.x + 1, box.y + 1, "no such target in the report", role: .muted)
      return
    }
    PanelBox(title: Sanitize.text(t.title), focused: true, note: kindText(t)).draw(in: box, on: c)
    let parts = Layout.zoom(s.size)
    var y = parts.summary.y
    for line in summary(t, r, s) where y < parts.summary.maxY {
      Segment.draw(line, x: parts.summary.x, y: y, maxWidth: parts.summary.width, on: c)
      y += 1
    }
    chart(t, r).draw(in: parts.chart, on: c)
    let tables = tables(t, r)
    Frame.tabs(tables, active: s.table, in: parts.tabs, on: c)
    if s.table < tables.count { Frame.table(tables[s.table], s, in: parts.table, on: c) }
  }
}
