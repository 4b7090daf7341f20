import CarbonKit
import CarbonText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Builds the three panels' models from a Report (no figure is computed here that the Report
/// does not hold, except chart geometry: straight paths and the projected cumulative).
enum PanelModels {
  static func role(_ key: FigureKey, _ state: UIState, _ base: StyleRole = .text) -> StyleRole {
    state.changed.contains(key) ? .changed : base
  }

  /// A figure's text, marked when it changed a moment ago: the `changed` role, an arrow for
  /// its direction, and in monochrome also the word "new" (colour is never the only signal).
  static func figure(_ text: String, _ key: FigureKey, _ state: UIState, _ base: StyleRole = .text)
    -> Segment
  {
    guard state.changed.contains(key) else { return .text(text, base) }
    return .changed(text, direction: state.changeDirections[key] ?? 0, word: state.monochrome)
  }

  static func years(_ a: FiscalYear, _ b: FiscalYear) -> (String, String) {
    (a.description, b.description)
  }

  static func model(_ p: PanelID, report: Report, dataset: Dataset?, state: UIState) -> PanelModel {
    switch p {
    case .operational: return operational(report, state)
    case .valueChain: return valueChain(report, dataset, state)
    case .scope3plus: return scope3plus(report, state)
    }
  }

  /// The plain statement of a target's projected outcome ("projected: met in FY2029",
  /// "scenario: missed by 1.20 Mt"; the year is the `by` in the panel's title): it follows
  /// the scenario, while the status word on the line above stays a statement about history.
  static func outcomeLine(_ t: TargetReport, _ r: Report, _ s: UIState, unit: String = "")
    -> [Segment]
  {
    [
      .text(ScenarioText.label(s, r), .muted),
      .text(
        ScenarioText.outcome(t, intensityUnit: unit, short: true), ScenarioText.role(t.outcome)),
    ]
  }

  static func empty(_ title: String, _ what: String) -> PanelModel {
    var m = PanelModel(
      title: title, note: nil, head: [[.text("no \(what) target in dataset.toml", .muted)]],
      chart: nil, tail: [], bars: nil)
    m.isEmpty = true
    return m
  }

  /// The panels with nothing to show (no target of their kind and no data), which the
  /// overview leaves out so that the others get their rows. None when all three are empty.
  static func hidden(report: Report, dataset: Dataset?, state: UIState) -> Set<Int> {
    let empty = PanelID.allCases.filter {
      model($0, report: report, dataset: dataset, state: state).isEmpty
    }
    return empty.count == 3 ? [] : Set(empty.map(\.rawValue))
  }

  /// The scopes and the year of a target, as its panel's title ends: "S1+2, by FY2030".
  static func scopeTag(_ t: TargetReport) -> String {
    let scopes = t.scopes.map(\.rawValue).joined(separator: "+")
    return (scopes.isEmpty ? "" : "S" + scopes + ", ") + "by \(t.by)"
  }

  static func operational(_ r: Report, _ s: UIState) -> PanelModel {
    let f = ReportFigures(r)
    guard let ops = r.operational, let t = f.opsTarget else {
      // docs/data-format.md: without a neutrality target, the closest absolute or net_zero target.
      if let t = r.operationalFallback { return TargetView.panel(t, r, s) }
      return empty("Own operations", "neutrality")
    }
    // The heading is the target's own title and scopes (a "Carbon negative" target over
    // Scopes 1-3 is not called "own operations").
    let title = Sanitize.text(t.title)
    let y = f.opsL
    var head: [Segment] = [
      .text("net ", .muted), figure(Units.tonnes(y?.net), .operationalNet, s),
      .text("  path ", .muted), .text(Units.tonnes(ops.pathNetAtLatest), .text),
      .text("  ", .text),
      .status(t.status),
    ]
    if let gap = t.gap { head += [.text(" gap " + Units.tonnes(gap), .text)] }
    if let l = t.latestFY { head += [.text("  \(l)", .muted)] }
    let clean: [Segment] = [
      .text("clean electricity ", .muted),
      figure(Units.percent(y?.cleanElectricityShare), .operationalClean, s),
      .text(" ", .text), .gauge(y?.cleanElectricityShare, width: 12),
    ]
    let red: [Segment] = [
      .text("reduction ", .muted),
      figure(Units.tonnes(y?.abatement), .operationalReduction, s),
      .text("  removals ", .muted),
      figure(Units.tonnes(y?.removals), .operationalReduction, s),
      .text("  offsets ", .muted),
      figure(Units.tonnes(y?.offsets), .operationalReduction, s),
    ]
    var needs: [Segment] = [
      .text("S2 \(ops.scope2Basis.rawValue)  ", .accent), .text("needs ", .muted),
      .text(Units.tonnes(ops.requiredCutPerYear.map { -$0 }) + "/yr", .text),
    ]
    // The Report's flags for year L (one rule each, in CarbonKit).
    if y?.offsetsWarning == true {
      needs += [.text("  offsets exceed removals+reductions", .warn)]
    }
    if y?.splitNotReported == true {
      needs += [.text("  S1/S2 split not reported", .warn)]
    }
    // Chart: history (complete years), straight path from Net(b) to zero at T, projection.
    let hist = ops.years.filter(\.complete).map { ChartPoint(x: Double($0.fy.year), y: $0.net) }
    var series = [ChartSeries(kind: .history, points: hist)]
    if let nb = ops.years.first(where: { $0.fy == t.baseline })?.net {
      series.append(
        ChartSeries(
          kind: .path,
          points: [.init(x: Double(t.baseline.year), y: nb), .init(x: Double(t.by.year), y: 0)]))
    }
    if !ops.projection.isEmpty {
      var pts = [ChartPoint]()
      if let y { pts.append(.init(x: Double(y.fy.year), y: y.net)) }
      pts += ops.projection.map { .init(x: Double($0.fy.year), y: $0.net) }
      series.append(ChartSeries(kind: .projection, points: pts))
    }
    series += YearInProgressText.series(.operational, r, s)
    let first = ops.years.first?.fy ?? t.baseline
    let last = max(ops.projection.last?.fy ?? t.by, t.by)
    var chart = LineChart(
      series: series, yLabel: { Units.tonnes($0) }, xLabels: years(min(first, t.baseline), last)
    )
    chart.names = [.history: "net", .path: "path to zero", .projection: "projection"]
    if let ip = ops.years.last(where: { !$0.complete && $0.monthsCovered > 0 }) {
      chart.names[.yearToDate] = "\(ip.fy) YTD"
      chart.names[.runRate] = "\(ip.fy) run-rate"
    }
    var m = PanelModel(
      title: title, note: "S2 \(ops.scope2Basis.rawValue)",
      head: [head] + YearInProgressText.lines(.operational, r, s), chart: chart,
      tail: [outcomeLine(t, r, s), clean, red, needs], bars: nil)
    m.scopeTag = scopeTag(t)
    return m
  }

  /// The intensity unit of a Report, short form ("t/M CNY").
  static func intensityUnit(_ r: Report) -> String {
    Units.intensityUnit(r.revenueUnit, short: true)
  }

  static func valueChain(_ r: Report, _ d: Dataset?, _ s: UIState) -> PanelModel {
    let f = ReportFigures(r)
    guard let vc = r.valueChain, vc.hasTarget, let t = f.vcTarget else {
      // docs/data-format.md: without an intensity target, the closest absolute or net_zero
      // target with Scope 3; else the organization's Scope 3 data; else nothing.
      if let t = r.valueChainFallback { return TargetView.panel(t, r, s) }
      if let vc = r.valueChain { return valueChainData(vc, r, s) }
      return empty("Value-chain intensity", "intensity")
    }
    let title = Sanitize.text(t.title)
    let y = f.vcL
    var head: [Segment] = [
      figure(Units.intensity(y?.intensity), .valueChainIntensity, s),
      .text(" " + intensityUnit(r), .muted),
      .text("  target ", .muted), .text(Units.intensity(vc.targetIntensity), .text),
      .text("  ", .text), .status(t.status),
    ]
    if let l = t.latestFY { head += [.text("  \(l)", .muted)] }
    let yoy: [Segment] = [
      figure(Units.percent(y?.yoy, signed: true), .valueChainYoY, s), .text(" YoY  ", .muted),
      .text(
        "needs " + Units.percent(vc.requiredAnnualReduction.map { -$0 }, signed: true)
          + "/yr from now",
        .text),
    ]
    let cats = topCategories(vc)
    var sbti: [Segment] = [
      .text("implied rate ", .muted), .text(Units.percent(vc.impliedTargetRate) + "/yr", .text),
    ]
    if vc.sbtiIntensityOK == false { sbti.append(.text("  below SBTi 7%/yr", .warn)) }
    let hist = vc.years.filter(\.complete).map {
      ChartPoint(x: Double($0.fy.year), y: $0.intensity)
    }
    var series = [ChartSeries(kind: .history, points: hist)]
    if let b = vc.baselineIntensity, let ts = vc.targetIntensity {
      series.append(
        ChartSeries(
          kind: .path,
          points: [.init(x: Double(t.baseline.year), y: b), .init(x: Double(t.by.year), y: ts)]))
    }
    if !vc.projection.isEmpty {
      var pts = [ChartPoint]()
      if let y { pts.append(.init(x: Double(y.fy.year), y: y.intensity)) }
      pts += vc.projection.map { .init(x: Double($0.fy.year), y: $0.intensity) }
      series.append(ChartSeries(kind: .projection, points: pts))
    }
    series += YearInProgressText.series(.valueChain, r, s)
    let first = min(vc.years.first?.fy ?? t.baseline, t.baseline)
    let last = max(vc.projection.last?.fy ?? t.by, t.by)
    var chart = LineChart(
      series: series, yLabel: { Units.intensity($0) }, xLabels: years(first, last))
    chart.names = [.history: "intensity", .path: "path to target", .projection: "projection"]
    if let ip = vc.years.last(where: { !$0.complete && $0.monthsCovered > 0 }) {
      chart.names[.yearToDate] = "\(ip.fy) YTD"
      chart.names[.runRate] = "\(ip.fy) run-rate"
    }
    var m = PanelModel(
      title: title, note: nil,
      head: [head]
        + YearInProgressText.lines(.valueChain, r, s, unit: intensityUnit(r)),
      chart: chart,
      tail: [outcomeLine(t, r, s, unit: intensityUnit(r)), yoy, cats, sbti], bars: nil)
    m.scopeTag = scopeTag(t)
    return m
  }

  /// The top two Scope 3 categories at L: "top categories: 1 Purchased goods 62%  ...".
  static func topCategories(_ vc: ValueChainReport) -> [Segment] {
    var cats: [Segment] = [.text("top categories: ", .muted)]
    let top = vc.categories.filter { ($0.tco2e ?? 0) > 0 }.sorted {
      ($0.tco2e ?? 0) > ($1.tco2e ?? 0)
    }.prefix(2)
    if top.isEmpty { cats.append(.text("no data", .muted)) }
    for c in top {
      cats.append(
        .text("\(c.category) \(Sanitize.text(c.name)) \(Units.percent(c.share))  ", .text))
    }
    return cats
  }

  /// The value-chain panel of an organization without an intensity target: its Scope 3 by
  /// year (every entity), the intensity where revenue is given, and the top categories.
  static func valueChainData(_ vc: ValueChainReport, _ r: Report, _ s: UIState) -> PanelModel {
    let y = vc.years.first { $0.fy == vc.latestFY }
    var head: [Segment] = [
      .text("Scope 3 ", .muted), figure(Units.tonnes(y?.scope3), .valueChainIntensity, s),
    ]
    if let l = vc.latestFY { head += [.text("  \(l)", .muted)] }
    if let i = y?.intensity {
      head += [
        .text("  ", .text), .text(Units.intensity(i), .text),
        .text(" " + intensityUnit(r), .muted),
      ]
    }
    let hist = vc.years.filter(\.complete).map { ChartPoint(x: Double($0.fy.year), y: $0.scope3) }
    var chart: LineChart?
    if let first = vc.years.first?.fy, let last = vc.years.last?.fy {
      chart = LineChart(
        series: [ChartSeries(kind: .history, points: hist)], yLabel: { Units.tonnes($0) },
        xLabels: years(first, last))
      chart?.names = [.history: "Scope 3"]
    }
    return PanelModel(
      title: "Value chain: Scope 3 (no intensity target)", note: nil, head: [head], chart: chart,
      tail: [
        topCategories(vc),
        [.text("every entity; zoom (2) shows Scope 3 by category and year", .muted)],
      ], bars: nil)
  }

  static func scope3plus(_ r: Report, _ s: UIState) -> PanelModel {
    let f = ReportFigures(r)
    guard let av = r.scope3plus, let t = f.avTarget else {
      return empty("Scope 3+ avoided", "avoided")
    }
    let short = Sanitize.text(t.title)
    let title = short + " (never netted against the inventory)"
    let y = f.avL
    var head: [Segment] = [
      .text("cumulative ", .muted),
      figure(Units.tonnes(y?.cumulative), .avoidedCumulative, s),
      .text(" of " + Units.tonnes(av.amount) + "  ", .muted),
      .text(Units.percent(av.progress), .text),
      .text(" ", .text), .gauge(av.progress, width: 12), .text("  ", .text), .status(t.status),
    ]
    if let gap = t.gap { head += [.text(" gap " + Units.tonnes(gap), .text)] }
    var line2: [Segment] = []
    if let y {
      line2 += [
        .text("\(y.fy) ", .muted), figure(Units.tonnes(y.avoided), .avoidedLatest, s),
        .text(" " + Units.percent(y.yoy, signed: true), .text),
      ]
    }
    line2 += [.text("  needs " + Units.percent(av.requiredGrowth, signed: true) + "/yr", .text)]
    line2 += [
      .text("  projected ", .muted),
      .text(Units.tonnes(av.projectedTotalAtBy), .chartProjection),
      .text(" by \(t.by)", .muted),
    ]
    // Chart: cumulative history; needed path compounding at the required growth from L to T;
    // the target's projection (the growth lever in effect), as the report gives it.
    let hist = av.years.filter(\.complete).map {
      ChartPoint(x: Double($0.fy.year), y: $0.cumulative)
    }
    var series = [ChartSeries(kind: .history, points: hist)]
    if let y, let cum = y.cumulative, let a = y.avoided, y.fy < t.by {
      let start = ChartPoint(x: Double(y.fy.year), y: cum)
      if let g = av.requiredGrowth {
        var pts = [start]
        var total = cum
        for k in 1...(t.by - y.fy) {
          total += a * pow(1 + g, Double(k))
          pts.append(.init(x: Double(y.fy.year + k), y: total))
        }
        series.append(ChartSeries(kind: .path, points: pts))
      }
      let projected = t.projection.map { ChartPoint(x: Double($0.fy.year), y: $0.value) }
      if !projected.isEmpty {
        series.append(ChartSeries(kind: .projection, points: [start] + projected))
      }
    }
    if let p = r.yearInProgress?.fy {
      let before = av.years.last { $0.fy < p && $0.cumulative != nil }?.cumulative
      series += YearInProgressText.series(.scope3plus, r, s, cumulativeBefore: before ?? 0)
    }
    let first = min(av.years.first?.fy ?? t.baseline, t.baseline)
    let histMax = hist.compactMap(\.y).max() ?? 0
    var chart = LineChart(
      series: series, yLabel: { Units.tonnes($0) }, xLabels: years(first, t.by),
      yCeiling: max(av.amount * 1.2, histMax))
    chart.names = [.history: "cumulative", .path: "needed path", .projection: "projection"]
    if let ip = av.years.last(where: { !$0.complete && $0.monthsCovered > 0 }) {
      chart.names[.yearToDate] = "\(ip.fy) YTD"
      chart.names[.runRate] = "\(ip.fy) run-rate"
    }
    let bars = BarList(
      items: av.byEntity.map {
        .init(label: $0.entity, value: $0.avoided, text: Units.tonnes($0.avoided))
      })
    // Malformed ledger rows are left out of the sums: say so on the panel's border, where it
    // stays visible in every layout, and in the summary when there is room.
    var note: String?
    var tail: [[Segment]] = []
    if let rejected = av.eventRowsRejected, rejected > 0, let read = av.eventRowsRead {
      note = "\(rejected) event rows rejected"
      tail = [
        [.text("events: \(rejected) of \(read) rows rejected (left out; D lists them)", .warn)]
      ]
    }
    var m = PanelModel(
      title: title, note: note,
      head: [head, outcomeLine(t, r, s), line2]
        + YearInProgressText.lines(.scope3plus, r, s), chart: chart,
      tail: tail, bars: av.byEntity.isEmpty ? nil : bars)
    m.shortTitle = short
    m.notice = "never netted against the inventory"
    m.scopeTag = "Scope 3+, by \(t.by)"
    if let l = t.latestFY { m.barsCaption = "avoided \(l) by entity" }
    m.chartCaption = "cumulative avoided (axis: tCO2e)"
    return m
  }
}
