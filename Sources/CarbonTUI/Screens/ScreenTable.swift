import CarbonKit
import CarbonSystem
import CarbonText

/// A table a screen shows, with the drill-down target of each row. Built from the Report (and
/// the Dataset for drill-downs) by pure functions shared by `render` and `update`.
public struct ScreenTable: Sendable {
  public var name: String
  public var columns: [TableView.Column]
  public var rows: [TableView.Row]
  /// Per row: what `drillDown` opens (nil = nothing).
  public var drill: [DrillTarget?]

  public init(
    name: String, columns: [TableView.Column], rows: [TableView.Row], drill: [DrillTarget?]
  ) {
    self.name = name
    self.columns = columns
    self.rows = rows
    self.drill = drill
  }

  /// The tables of a screen (empty for the overview).
  public static func tables(for screen: Screen, report: Report, dataset: Dataset?, entity: String?)
    -> [ScreenTable]
  {
    switch screen {
    case .overview, .scenarioEditor, .scenarioList, .compare: return []
    case .zoom(.operational): return [operationalYears(report)]
    case .zoom(.valueChain):
      return [valueChainYears(report), categories(report), categoriesByYear(report)]
    case .zoom(.scope3plus):
      return [avoidedYears(report), avoidedEntities(report), programs(report)]
    case .targets: return [targets(report)]
    case .diagnostics: return [diagnostics(report.diagnostics)]
    case .drillDown(let t):
      return [SourceRows.table(for: t, dataset: dataset, entity: entity, report: report)]
    }
  }

  static func operationalYears(_ r: Report) -> ScreenTable {
    let cols: [TableView.Column] = [
      .init("FY", width: 11), .init("net", width: 9, alignRight: true),
      .init("gross", width: 9, alignRight: true),
      .init("S1", width: 9, alignRight: true), .init("S2 mkt", width: 9, alignRight: true),
      .init("S2 loc", width: 9, alignRight: true), .init("removals", width: 9, alignRight: true),
      .init("offsets", width: 9, alignRight: true), .init("reduction", width: 9, alignRight: true),
      .init("clean el.", width: 9, alignRight: true), .init("S1+2", width: 9, alignRight: true),
      .init("PUE", width: 5, alignRight: true),
    ]
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for y in r.operational?.years ?? [] {
      let t = Units.tonnes
      rows.append(
        .init(
          [
            y.fy.description + (y.complete ? "" : " YTD"), t(y.net), t(y.gross), t(y.scope1),
            t(y.scope2Market),
            t(y.scope2Location), t(y.removals), t(y.offsets), t(y.abatement),
            Units.percent(y.cleanElectricityShare), t(y.scope12),
            Units.fixed(y.pue, decimals: 3),
          ], roles: y.complete ? [] : [.muted]))
      drill.append(.operations(y.fy))
    }
    for p in r.operational?.projection ?? [] {
      rows.append(
        .init(
          [p.fy.description + " proj", Units.tonnes(p.net)],
          roles: [.chartProjection, .chartProjection]))
      drill.append(nil)
    }
    return ScreenTable(name: "by fiscal year", columns: cols, rows: rows, drill: drill)
  }

  static func valueChainYears(_ r: Report) -> ScreenTable {
    let cols: [TableView.Column] = [
      .init("FY", width: 11), .init("Scope 3", width: 10, alignRight: true),
      .init("revenue", width: 12, alignRight: true),
      .init("intensity", width: 10, alignRight: true),
      .init("YoY", width: 8, alignRight: true), .init("", width: 8),
    ]
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for y in r.valueChain?.years ?? [] {
      rows.append(
        .init(
          [
            y.fy.description + (y.complete ? "" : " YTD"), Units.tonnes(y.scope3),
            Units.number(y.revenue),
            Units.intensity(y.intensity), Units.percent(y.yoy, signed: true),
            y.complete ? "" : "in progress",
          ], roles: y.complete ? [] : [.muted]))
      drill.append(.valueChain(y.fy))
    }
    for p in r.valueChain?.projection ?? [] {
      rows.append(
        .init(
          [p.fy.description + " proj", "", "", Units.intensity(p.intensity)],
          roles: [.chartProjection, nil, nil, .chartProjection]))
      drill.append(nil)
    }
    return ScreenTable(name: "by fiscal year", columns: cols, rows: rows, drill: drill)
  }

  static func categories(_ r: Report) -> ScreenTable {
    let fy = ReportFigures(r).vcTarget?.latestFY ?? r.latestCompleteFY
    let cols: [TableView.Column] = [
      .init("cat", width: 4, alignRight: true), .init("name", width: 40),
      .init("tCO2e", width: 10, alignRight: true), .init("share", width: 7, alignRight: true),
    ]
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for c in r.valueChain?.categories ?? [] {
      rows.append(
        .init([String(c.category), c.name, Units.tonnes(c.tco2e), Units.percent(c.share)]))
      drill.append(fy.map { .category(c.category, $0) })
    }
    return ScreenTable(name: "by Scope 3 category", columns: cols, rows: rows, drill: drill)
  }

  /// Scope 3 by category (rows) and fiscal year (columns): every category given in some year.
  static func categoriesByYear(_ r: Report) -> ScreenTable {
    let years = r.valueChain?.years ?? []
    var cols: [TableView.Column] = [.init("category", width: 34)]
    cols += years.map {
      .init($0.fy.description + ($0.complete ? "" : " YTD"), width: 10, alignRight: true)
    }
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for i in 0..<15 where years.contains(where: { $0.categories[i] != nil }) {
      rows.append(
        .init(
          ["\(i + 1) \(Scope3Category.name(i + 1))"]
            + years.map { Units.tonnes($0.categories[i]) }))
      drill.append(r.valueChain?.latestFY.map { .category(i + 1, $0) })
    }
    return ScreenTable(name: "categories by year", columns: cols, rows: rows, drill: drill)
  }

  static func avoidedYears(_ r: Report) -> ScreenTable {
    let cols: [TableView.Column] = [
      .init("FY", width: 11), .init("avoided", width: 10, alignRight: true),
      .init("cumulative", width: 11, alignRight: true), .init("YoY", width: 8, alignRight: true),
      .init("verified", width: 8, alignRight: true),
    ]
    var rows: [TableView.Row] = []
    var drill: [DrillTarget?] = []
    for y in r.scope3plus?.years ?? [] {
      rows.append(
        .init(
          [
            y.fy.description + (y.complete ? "" : " YTD"), Units.tonnes(y.avoided),
            Units.tonnes(y.cumulative),
            Units.percent(y.yoy, signed: true), Units.percent(y.verifiedShare),
          ], roles: y.complete ? [] : [.muted]))
      drill.append(.avoided(y.fy))
    }
    return ScreenTable(name: "by fiscal year", columns: cols, rows: rows, drill: drill)
  }

  static func avoidedEntities(_ r: Report) -> ScreenTable {
    let fy = ReportFigures(r).avTarget?.latestFY ?? r.latestCompleteFY
    let cols: [TableView.Column] = [
      .init("entity", width: 30), .init("avoided", width: 10, alignRight: true),
    ]
    let list = r.scope3plus?.byEntity ?? []
    return ScreenTable(
      name: "by entity", columns: cols,
      rows: list.map { .init([$0.entity, Units.tonnes($0.avoided)]) },
      drill: list.map { e in fy.map { .avoidedEntity(e.entity, $0) } })
  }

  static func programs(_ r: Report) -> ScreenTable {
    let fy = ReportFigures(r).avTarget?.latestFY ?? r.latestCompleteFY
    let cols: [TableView.Column] = [
      .init("entity", width: 20), .init("program", width: 26),
      .init("avoided", width: 10, alignRight: true),
      .init("events", width: 10, alignRight: true),
      .init("participants", width: 12, alignRight: true),
    ]
    let list = r.scope3plus?.programs ?? []
    return ScreenTable(
      name: "by program", columns: cols,
      rows: list.map {
        .init([
          $0.entity, $0.program, Units.tonnes($0.avoided), Units.count($0.events),
          Units.count($0.participants),
        ])
      },
      drill: list.map { p in fy.map { .program(entity: p.entity, program: p.program, $0) } })
  }

  static func targets(_ r: Report) -> ScreenTable {
    let cols: [TableView.Column] = [
      .init("target", width: 24), .init("entity", width: 14), .init("base", width: 6),
      .init("by", width: 6),
      .init("L", width: 6), .init("status", width: 8), .init("gap", width: 10, alignRight: true),
      .init("projected", width: 10, alignRight: true), .init("met", width: 6),
      .init("shortfall", width: 10, alignRight: true),
    ]
    var rows: [TableView.Row] = []
    for t in r.targets {
      let isIntensity = t.kind == .intensity
      let fmt: (Double?) -> String = {
        isIntensity ? Units.intensity($0) : Units.tonnes($0)
      }
      let met: String
      switch t.outcome.met {
      case true?: met = t.outcome.yearMet?.description ?? "yes"
      case false?: met = "no"
      case nil: met = "-"
      }
      rows.append(
        .init(
          [
            t.title, t.entity == "*" ? "all" : t.entity, t.baseline.description, t.by.description,
            t.latestFY?.description ?? "-", TUIFormat.statusWord(t.status), fmt(t.gap),
            fmt(t.outcome.projectedAtBy), met, fmt(t.outcome.shortfall),
          ],
          roles: [
            nil, nil, nil, nil, nil, TUIFormat.statusRole(t.status), nil, .chartProjection,
            t.outcome.met == false ? .warn : nil,
          ]))
    }
    return ScreenTable(
      name: "targets", columns: cols, rows: rows, drill: r.targets.map { .target($0.id) })
  }

  static func diagnostics(_ list: [Diagnostic]) -> ScreenTable {
    ScreenTable(
      name: "diagnostics", columns: [.init("file:line:column: severity: message", width: 200)],
      rows: list.map { .init([$0.description], roles: [$0.severity == .error ? .bad : .warn]) },
      drill: list.map { _ in nil })
  }
}
