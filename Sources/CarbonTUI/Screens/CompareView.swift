import CarbonKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The compare screen: the baseline (no scenario, defaults from history) and the scenario side
/// by side, target by target (projected outcome) and year by year (the headline projections:
/// net emissions, value-chain intensity, cumulative avoided).
enum CompareView {
  /// One fiscal year of the headline projections, baseline and scenario.
  struct YearRow {
    var fy: FiscalYear
    var net: (base: Double?, scenario: Double?)
    var intensity: (base: Double?, scenario: Double?)
    var avoided: (base: Double?, scenario: Double?)
  }

  /// The baseline Report to compare with: the app's, else the Report itself when no scenario
  /// is in effect (nil when a scenario is in effect and the app has not given a baseline).
  static func baseline(_ s: UIState, _ r: Report) -> Report? {
    s.baseline ?? (ScenarioText.scenarioActive(s, r) ? nil : r)
  }

  /// The projected cumulative avoided emissions by year, from L+1 to T: the Scope 3+ target's
  /// projection in the report (Cum(L) plus A(L)(1 + g)^k, g the growth lever in effect).
  static func avoidedProjection(_ r: Report) -> [FiscalYear: Double] {
    var out: [FiscalYear: Double] = [:]
    for p in ReportFigures(r).avTarget?.projection ?? [] {
      if let v = p.value { out[p.fy] = v }
    }
    return out
  }

  /// Every fiscal year projected in either Report, ascending.
  static func yearRows(report r: Report, baseline b: Report?, state s: UIState) -> [YearRow] {
    let base = b ?? baseline(s, r)
    func net(_ x: Report?) -> [FiscalYear: Double?] {
      Dictionary(
        (x?.operational?.projection ?? []).map { ($0.fy, $0.net) }, uniquingKeysWith: { a, _ in a })
    }
    func int(_ x: Report?) -> [FiscalYear: Double?] {
      Dictionary(
        (x?.valueChain?.projection ?? []).map { ($0.fy, $0.intensity) },
        uniquingKeysWith: { a, _ in a })
    }
    let (nb, ns, ib, intensityScenario) = (net(base), net(r), int(base), int(r))
    let ab = base.map(avoidedProjection) ?? [:]
    let avoidedScenario = avoidedProjection(r)
    var years = Set<FiscalYear>()
    for d in [nb, ns, ib, intensityScenario] { years.formUnion(d.keys) }
    years.formUnion(ab.keys)
    years.formUnion(avoidedScenario.keys)
    return years.sorted().map { fy in
      YearRow(
        fy: fy, net: ((nb[fy] ?? nil), (ns[fy] ?? nil)),
        intensity: (ib[fy] ?? nil, intensityScenario[fy] ?? nil),
        avoided: (ab[fy], avoidedScenario[fy]))
    }
  }

  /// The parts of the screen: the levers line, the targets table, the years table.
  static func layout(_ s: UIState, targetCount: Int) -> (levers: Rect, targets: Rect, years: Rect) {
    let inner = Layout.box(s.size).inset(1)
    let (levers, rest) = inner.splitTop(min(2, inner.height))
    let targetsH = min(1 + targetCount, max(0, rest.height / 2))
    let (targets, rest2) = rest.splitTop(targetsH)
    let years = rest2.splitTop(1).1
    return (levers, targets, years)
  }

  /// Rows of the years table visible at once.
  static func yearTableVisible(_ s: UIState, report r: Report) -> Int {
    let h = layout(s, targetCount: r.targets.count).years.height
    return max(1, h - 1 - (h >= 4 ? 1 : 0))
  }

  /// The levers set, with their defaults: "clean electricity at FY2030 80.0% (default
  /// 52.0%)".
  static func leversLine(_ s: UIState, _ r: Report) -> String {
    let set = Lever.allCases.compactMap { l -> String? in
      guard let v = s.scenarioLevers[l] else { return nil }
      let d = ScenarioLevers.format(l, ScenarioEditor.defaultValue(l, r))
      let unit = l.isTonnes ? " t/yr" : ScenarioLevers.isRate(l) ? "/yr" : ""
      return "\(ScenarioView.label(l, r)) \(ScenarioLevers.format(l, v))\(unit) (default \(d))"
    }
    if set.isEmpty {
      if ScenarioText.scenarioActive(s, r) {
        return "scenario levers: see the editor"
      }
      return "no levers set: the scenario is the baseline"
    }
    return "levers set: " + set.joined(separator: "; ")
  }

  static func draw(_ s: UIState, report r: Report, dataset d: Dataset?, on c: Canvas) {
    let name = ScenarioText.headerName(s, r) ?? "no scenario"
    let base = baseline(s, r)
    _ = PanelBox(
      title: "Compare: baseline vs scenario " + name, focused: true,
      note: base == nil ? "baseline not computed yet" : "baseline = defaults from history"
    ).draw(in: Layout.box(s.size), on: c)
    let parts = layout(s, targetCount: r.targets.count)
    if parts.levers.height > 0 {
      c.text(
        parts.levers.x, parts.levers.y, leversLine(s, r), role: .accent,
        maxWidth: parts.levers.width)
    }
    let unit = PanelModels.intensityUnit(r)
    // Targets: outcome under the baseline and under the scenario.
    let w = parts.targets.width
    let outW = w >= 100 ? 34 : max(10, (w - 7 - 2) / 3)
    let short = outW < 32
    let titleW = min(40, max(6, w - 7 - 2 * (outW + 1)))
    let tcols: [TableView.Column] = [
      .init("target", width: titleW), .init("by", width: 6),
      .init("baseline", width: outW), .init("scenario", width: outW),
    ]
    let trows: [TableView.Row] = r.targets.map { t in
      let b = base?.targets.first { $0.id == t.id }
      let bText = b.map { ScenarioText.outcome($0, intensityUnit: unit, short: short) } ?? "-"
      let sText = ScenarioText.outcome(t, intensityUnit: unit, short: short)
      return TableView.Row(
        [t.title, t.by.description, bText, sText],
        roles: [
          nil, .muted, b.map { ScenarioText.role($0.outcome) } ?? .muted,
          ScenarioText.role(t.outcome),
        ])
    }
    TableView(columns: tcols, rows: trows).draw(in: parts.targets, on: c)
    // Years: headline projections.
    let yw = parts.years.width
    let cw = yw >= 100 ? 13 : max(6, min(10, (yw - 8) / 6 - 1))
    let wide = cw >= 13
    let ycols: [TableView.Column] = [
      .init("FY", width: 7),
      .init(wide ? "net base" : "net base", width: cw, alignRight: true),
      .init(wide ? "net scenario" : "net scen", width: cw, alignRight: true),
      .init(wide ? "intens. base" : "int base", width: cw, alignRight: true),
      .init(wide ? "intens. scen." : "int scen", width: cw, alignRight: true),
      .init(wide ? "S3+ cum base" : "S3+ base", width: cw, alignRight: true),
      .init(wide ? "S3+ cum scen." : "S3+ scen", width: cw, alignRight: true),
    ]
    func diff(_ a: Double?, _ b: Double?) -> StyleRole? {
      guard let a, let b else { return nil }
      return abs(a - b) > 1e-9 * max(1, abs(a)) ? .chartProjection : nil
    }
    let yrows: [TableView.Row] = yearRows(report: r, baseline: base, state: s).map { y in
      let t = Units.tonnes
      let i = Units.intensity
      return TableView.Row(
        [
          y.fy.description, t(y.net.base), t(y.net.scenario), i(y.intensity.base),
          i(y.intensity.scenario), t(y.avoided.base), t(y.avoided.scenario),
        ],
        roles: [
          nil, .muted, diff(y.net.base, y.net.scenario), .muted,
          diff(y.intensity.base, y.intensity.scenario), .muted,
          diff(y.avoided.base, y.avoided.scenario),
        ])
    }
    if parts.years.height >= 2 {
      TableView(columns: ycols, rows: yrows, scroll: s.scroll).draw(in: parts.years, on: c)
    }
  }
}
