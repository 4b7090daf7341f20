import CarbonKit
import CarbonText

/// The drill-down: the dataset rows behind a figure, with file:line and their values.
public enum SourceRows {
  /// A title for the drill-down screen.
  public static func title(for t: DrillTarget) -> String {
    switch t {
    case .operations(let fy): return "Sources: operations \(fy)"
    case .valueChain(let fy): return "Sources: value chain and revenue \(fy)"
    case .category(let c, let fy): return "Sources: Scope 3 category \(c) \(fy)"
    case .avoided(let fy): return "Sources: avoided emissions \(fy)"
    case .avoidedEntity(let e, let fy):
      return "Sources: avoided emissions \(Sanitize.text(e)) \(fy)"
    case .program(let e, let p, let fy):
      return "Sources: \(Sanitize.text(e)) / \(Sanitize.text(p)) \(fy)"
    case .target(let id): return "Source: target \(Sanitize.text(id))"
    }
  }

  /// The rows behind a drill-down target, restricted to `entity` when the filter is on. A
  /// section's figure (`operations`, `valueChain`) lists the rows of every table behind it:
  /// with the section's target from `report`, its entities only, and value_chain.csv rows
  /// for a target that includes Scope 3 (operations.csv rows for one with Scope 1 or 2).
  /// Columns are as wide as their content (the table scrolls horizontally).
  public static func table(
    for t: DrillTarget, dataset: Dataset?, entity: String?, report: Report? = nil
  ) -> ScreenTable {
    var cols: [TableView.Column] = [
      .init("source", width: 6), .init("period", width: 6), .init("entity", width: 6),
      .init("values", width: 6),
    ]
    guard let d = dataset else {
      cols[0].width = CellWidth.of("no dataset loaded")
      return ScreenTable(
        name: "sources", columns: cols, rows: [.init(["no dataset loaded"], roles: [.muted])],
        drill: [nil])
    }
    let cal = d.organization.calendar
    // The section's target: its entity and scopes decide which rows are behind the figure.
    var section: TargetReport?
    switch t {
    case .operations:
      section = report?.targets.first { $0.id == report?.operational?.targetID }
    case .valueChain:
      section = report?.targets.first { $0.id == report?.valueChain?.targetID }
    default: section = nil
    }
    let only = section.flatMap { $0.entity == "*" ? nil : $0.entity }
    func keep(_ e: String) -> Bool { (entity == nil || entity == e) && (only == nil || only == e) }
    var rows: [TableView.Row] = []
    func add(
      _ src: SourceRef?, _ period: String, _ e: String, _ values: [(String, Double?)],
      extra: [String] = []
    ) {
      let v = values.compactMap { k, x in x.map { "\(k)=\(TUIFormat.raw($0))" } } + extra
      rows.append(.init([src?.description ?? "-", period, e, v.joined(separator: " ")]))
    }
    func operationsRows(_ fy: FiscalYear) {
      for r in d.operations ?? [] where r.period.fiscalYear(in: cal) == fy && keep(r.entity) {
        add(
          r.source, r.period.description, r.entity,
          [
            ("scope1", r.scope1), ("scope2_location", r.scope2Location),
            ("scope2_market", r.scope2Market),
            ("scope1_2", r.scope12), ("removals", r.removals), ("offsets", r.offsets),
            ("abatement", r.abatement),
            ("electricity_mwh", r.electricityMWh), ("clean_mwh", r.cleanElectricityMWh),
            ("pue", r.pue),
          ])
      }
    }
    func valueChainRows(_ fy: FiscalYear) {
      for r in d.valueChain ?? [] where r.period.fiscalYear(in: cal) == fy && keep(r.entity) {
        add(
          r.source, r.period.description, r.entity,
          [("category", r.category.map(Double.init)), ("tco2e", r.tco2e)],
          extra: r.dataQuality.map { ["quality=\($0)"] } ?? [])
      }
    }
    let scopes = section?.scopes ?? []
    switch t {
    case .operations(let fy):
      operationsRows(fy)
      if scopes.contains(.three) { valueChainRows(fy) }
    case .valueChain(let fy):
      if scopes.contains(.one) || scopes.contains(.two) { operationsRows(fy) }
      valueChainRows(fy)
      for r in d.revenue ?? [] where r.period.fiscalYear(in: cal) == fy && keep(r.entity) {
        add(r.source, r.period.description, r.entity, [("revenue", r.revenue)])
      }
    case .category(let c, let fy):
      for r in d.valueChain ?? []
      where r.period.fiscalYear(in: cal) == fy && r.category == c && keep(r.entity) {
        add(
          r.source, r.period.description, r.entity, [("tco2e", r.tco2e)],
          extra: r.dataQuality.map { ["quality=\($0)"] } ?? [])
      }
    case .avoided(let fy), .avoidedEntity(_, let fy), .program(_, _, let fy):
      var ent: String?
      var prog: String?
      if case .avoidedEntity(let e, _) = t { ent = e }
      if case .program(let e, let p, _) = t {
        ent = e
        prog = p
      }
      func match(_ e: String, _ p: String) -> Bool {
        keep(e) && (ent == nil || ent == e) && (prog == nil || prog == p)
      }
      for r in d.avoided ?? []
      where r.period.fiscalYear(in: cal) == fy && match(r.entity, r.program) {
        add(
          r.source, r.period.description, r.entity, [("avoided_tco2e", r.avoided)],
          extra: ["program=\(r.program)", "verified=\(r.verified)"])
      }
      for g in d.ledger?.groups ?? [] where g.fiscalYear == fy && match(g.entity, g.program) {
        add(
          g.firstSource, fy.description, g.entity, [("avoided_tco2e", g.tco2e)],
          extra: [
            "program=\(g.program)", "events=\(g.events)", "participants=\(g.participants)",
            "(first event)",
          ])
      }
    case .target(let id):
      if let tg = d.targets.first(where: { $0.id == id }) {
        let src = tg.line.map { SourceRef(file: "dataset.toml", line: $0) }
        add(
          src, "\(tg.baseline)-\(tg.by)", tg.entity ?? "*",
          [("reduction", tg.reduction), ("amount_tco2e", tg.amountTCO2e)],
          extra: [
            "id=\(tg.id)", "kind=\(tg.kind.rawValue)",
            "scopes=\(tg.scopes.map(\.rawValue).joined(separator: ","))",
          ])
      }
    }
    if rows.isEmpty { rows = [.init(["no source rows"], roles: [.muted])] }
    // Each column as wide as its widest cell (or its title).
    for i in cols.indices {
      let widest =
        rows.map { i < $0.cells.count ? CellWidth.of(Sanitize.text($0.cells[i])) : 0 }.max() ?? 0
      cols[i].width = max(CellWidth.of(cols[i].title), widest)
    }
    return ScreenTable(name: "sources", columns: cols, rows: rows, drill: rows.map { _ in nil })
  }
}
