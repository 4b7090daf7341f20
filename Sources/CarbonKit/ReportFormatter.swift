/// The output formats of `carbontop report`: JSON (DATA.md's contract), text, markdown and CSV.
/// Every format replaces control characters in text taken from data (JSON escapes them).
///
/// Choices (see the report of the CarbonKit helper):
/// - JSON keys are written in DATA.md's order, then the (extra) keys; pretty-printed with two
///   spaces. Whole numbers below 1e15 print without a fraction ("1500000000").
/// - CSV: one block per section (operational, value_chain, scope3plus), each with its own header
///   row whose first column is `section`, blocks separated by one empty line; absent values are
///   empty cells; numbers at full precision.
/// - Text and markdown round tonnes to t/kt/Mt/Gt and percentages to one decimal; intensities
///   keep three significant digits and the unit "t/<revenue_unit>".
public enum ReportFormatter {
  // MARK: - JSON

  /// DATA.md's JSON report: every required key, snake_case, null for absent values.
  public static func json(_ report: Report, pretty: Bool = true) -> String {
    jsonValue(report).serialized(pretty: pretty) + "\n"
  }

  static func jsonValue(_ r: Report) -> JSONValue {
    var levers: [(String, JSONValue)] = []
    var defaults: [(String, JSONValue)] = []
    for l in Lever.allCases {
      levers.append((l.rawValue, .num(r.scenario.levers[l] ?? nil)))
      defaults.append((l.rawValue, .num(r.scenario.defaults[l] ?? nil)))
    }
    let targets: [JSONValue] = r.targets.map { t in
      .object([
        ("id", .string(t.id)), ("kind", .string(t.kind.rawValue)), ("title", .string(t.title)),
        ("entity", .string(t.entity)), ("baseline", .fy(t.baseline)), ("by", .fy(t.by)),
        ("latest_fy", .fy(t.latestFY)), ("status", .string(t.status.rawValue)),
        ("gap", .num(t.gap)),
        (
          "outcome",
          .object([
            ("projected_at_by", .num(t.outcome.projectedAtBy)), ("met", .bool(t.outcome.met)),
            ("year_met", .fy(t.outcome.yearMet)), ("shortfall", .num(t.outcome.shortfall)),
          ])
        ),
        ("scopes", .array(t.scopes.map { .string($0.rawValue) })),
        ("actual_at_latest", .num(t.actualAtLatest)), ("path_at_latest", .num(t.pathAtLatest)),
        ("goal", .num(t.goal)),
        (
          "projection",
          .array(t.projection.map { .object([("fy", .fy($0.fy)), ("value", .num($0.value))]) })
        ),
      ])
    }
    let diagnostics: [JSONValue] = r.diagnostics.map { d in
      .object([
        ("severity", .string(d.severity.rawValue)), ("file", .string(d.file)),
        ("line", .int(d.line)),
        ("column", .int(d.column)), ("message", .string(d.message)),
      ])
    }
    let fiscalYears: [JSONValue] = r.fiscalYears.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("has_data", .bool(y.hasData)),
        ("through", .str(y.through?.description)), ("months_covered", .int(y.monthsCovered)),
      ])
    }
    return .object([
      ("schema", .string(r.schema)),
      ("organization", .string(r.organization)),
      ("latest_complete_fy", .fy(r.latestCompleteFY)),
      ("in_progress_fy", .fy(r.inProgressFY)),
      ("in_progress_through", .str(r.inProgressThrough?.description)),
      (
        "scenario",
        .object([
          ("name", .str(r.scenario.name)), ("levers", .object(levers)),
          ("defaults", .object(defaults)),
        ])
      ),
      ("targets", .array(targets)),
      ("operational", r.operational.map(operationalJSON) ?? .null),
      ("value_chain", r.valueChain.map(valueChainJSON) ?? .null),
      ("scope3plus", r.scope3plus.map(scope3plusJSON) ?? .null),
      ("diagnostics", .array(diagnostics)),
      ("fiscal_years", .array(fiscalYears)),
      ("currency", .str(r.currency)),
      ("revenue_unit", .str(r.revenueUnit)),
    ])
  }

  static func operationalJSON(_ o: OperationalReport) -> JSONValue {
    let years: [JSONValue] = o.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("scope1_tco2e", .num(y.scope1)),
        ("scope2_location_tco2e", .num(y.scope2Location)),
        ("scope2_market_tco2e", .num(y.scope2Market)),
        ("scope1_2_tco2e", .num(y.scope12)), ("gross_tco2e", .num(y.gross)),
        ("removals_tco2e", .num(y.removals)),
        ("offsets_tco2e", .num(y.offsets)), ("net_tco2e", .num(y.net)),
        ("abatement_tco2e", .num(y.abatement)),
        ("clean_electricity_share", .num(y.cleanElectricityShare)), ("pue", .num(y.pue)),
        ("electricity_mwh", .num(y.electricityMWh)),
        ("clean_electricity_mwh", .num(y.cleanElectricityMWh)),
        ("offsets_share", .num(y.offsetsShare)), ("offsets_warning", .bool(y.offsetsWarning)),
        ("split_not_reported", .bool(y.splitNotReported)),
        ("scope2_fallback_rows", .int(y.scope2FallbackRows)),
        ("months_covered", .int(y.monthsCovered)), ("net_run_rate_tco2e", .num(y.netRunRate)),
        ("gross_run_rate_tco2e", .num(y.grossRunRate)),
      ])
    }
    return .object([
      ("target_id", .string(o.targetID)), ("years", .array(years)),
      ("path_net_tco2e_at_latest", .num(o.pathNetAtLatest)),
      ("required_cut_per_year_tco2e", .num(o.requiredCutPerYear)),
      (
        "projection",
        .array(o.projection.map { .object([("fy", .fy($0.fy)), ("net_tco2e", .num($0.net))]) })
      ),
      ("latest_fy", .fy(o.latestFY)), ("net_at_latest_tco2e", .num(o.netAtLatest)),
      ("scope2_basis", .string(o.scope2Basis.rawValue)),
      ("offsets_counted", .bool(o.offsetsCounted)),
    ])
  }

  static func valueChainJSON(_ v: ValueChainReport) -> JSONValue {
    let years: [JSONValue] = v.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("scope3_tco2e", .num(y.scope3)),
        ("revenue", .num(y.revenue)), ("intensity", .num(y.intensity)), ("yoy", .num(y.yoy)),
        ("emissions_tco2e", .num(y.emissions)), ("months_covered", .int(y.monthsCovered)),
        ("emissions_run_rate_tco2e", .num(y.emissionsRunRate)),
        ("revenue_run_rate", .num(y.revenueRunRate)),
      ])
    }
    let categories: [JSONValue] = v.categories.map { c in
      .object([
        ("category", .int(c.category)), ("name", .string(c.name)), ("tco2e", .num(c.tco2e)),
        ("share", .num(c.share)),
      ])
    }
    return .object([
      ("target_id", .string(v.targetID)), ("years", .array(years)),
      ("baseline_intensity", .num(v.baselineIntensity)),
      ("target_intensity", .num(v.targetIntensity)),
      ("path_intensity_at_latest", .num(v.pathIntensityAtLatest)),
      ("required_annual_reduction", .num(v.requiredAnnualReduction)),
      ("implied_target_rate", .num(v.impliedTargetRate)),
      ("sbti_intensity_ok", .bool(v.sbtiIntensityOK)),
      ("categories", .array(categories)),
      (
        "projection",
        .array(
          v.projection.map { .object([("fy", .fy($0.fy)), ("intensity", .num($0.intensity))]) })
      ),
      ("latest_fy", .fy(v.latestFY)), ("intensity_at_latest", .num(v.intensityAtLatest)),
      ("uncategorized_tco2e", .num(v.uncategorizedTCO2e)), ("reduction", .num(v.reduction)),
    ])
  }

  static func scope3plusJSON(_ s: Scope3PlusReport) -> JSONValue {
    let years: [JSONValue] = s.years.map { y in
      .object([
        ("fy", .fy(y.fy)), ("complete", .bool(y.complete)), ("avoided_tco2e", .num(y.avoided)),
        ("cumulative_tco2e", .num(y.cumulative)), ("yoy", .num(y.yoy)),
        ("verified_share", .num(y.verifiedShare)),
        ("verified_tco2e", .num(y.verifiedTCO2e)), ("months_covered", .int(y.monthsCovered)),
        ("avoided_run_rate_tco2e", .num(y.avoidedRunRate)),
      ])
    }
    return .object([
      ("target_id", .string(s.targetID)), ("years", .array(years)),
      ("amount_tco2e", .num(s.amount)), ("progress", .num(s.progress)),
      ("remaining_tco2e", .num(s.remaining)),
      ("required_growth", .num(s.requiredGrowth)),
      ("projected_total_at_by_tco2e", .num(s.projectedTotalAtBy)),
      ("projected_year_reached", .fy(s.projectedYearReached)),
      (
        "by_entity",
        .array(
          s.byEntity.map {
            .object([("entity", .string($0.entity)), ("avoided_tco2e", .num($0.avoided))])
          })
      ),
      (
        "programs",
        .array(
          s.programs.map {
            .object([
              ("entity", .string($0.entity)), ("program", .string($0.program)),
              ("avoided_tco2e", .num($0.avoided)),
              ("events", .int($0.events)), ("participants", .int($0.participants)),
            ])
          })
      ),
      ("latest_fy", .fy(s.latestFY)), ("avoided_at_latest_tco2e", .num(s.avoidedAtLatest)),
      ("cumulative_at_latest_tco2e", .num(s.cumulativeAtLatest)),
      ("latest_growth", .num(s.latestGrowth)),
      ("event_rows_read", .int(s.eventRowsRead)),
      ("event_rows_rejected", .int(s.eventRowsRejected)),
    ])
  }

  // MARK: - Text and markdown

  /// A readable plain-text summary: one paragraph per target, then the three sections' years.
  public static func text(_ report: Report) -> String {
    render(report, markdown: false)
  }

  /// The same summary in Markdown (headings, tables).
  public static func markdown(_ report: Report) -> String {
    render(report, markdown: true)
  }

  /// An intensity with three significant digits: 8.10, 0.00812.
  static func intensity(_ v: Double?) -> String {
    guard let v, v.isFinite else { return Units.none }
    let a = abs(v)
    let d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : a >= 0.01 ? 4 : 6
    return Units.fixed(v, decimals: d)
  }

  static func render(_ r: Report, markdown md: Bool) -> String {
    let s = Sanitize.text
    let unit = "t/" + s(r.revenueUnit ?? "revenue unit")
    var out = ""
    func line(_ x: String = "") { out += x + "\n" }
    func heading(_ x: String) {
      if md {
        line("## " + x)
      } else {
        line(x)
        line(String(repeating: "-", count: x.count))
      }
      line()
    }
    func table(_ header: [String], _ rows: [[String]]) {
      if md {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in "---|" }.joined())
        for row in rows {
          line(
            "| "
              + row.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ")
              + " |")
        }
      } else {
        var widths = header.map(\.count)
        for row in rows {
          for (i, c) in row.enumerated() where i < widths.count {
            widths[i] = max(widths[i], c.count)
          }
        }
        func fmt(_ cells: [String]) -> String {
          cells.enumerated().map { i, c in
            let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
            return i == 0 ? c + pad : pad + c
          }.joined(separator: "  ")
        }
        line("  " + fmt(header))
        for row in rows { line("  " + fmt(row)) }
      }
      line()
    }
    let bullet = md ? "- " : "  "

    line(md ? "# carbontop report: " + s(r.organization) : "carbontop report: " + s(r.organization))
    line()
    var period = "Latest complete fiscal year: " + (r.latestCompleteFY?.description ?? "none")
    if let p = r.inProgressFY {
      period +=
        "; in progress: \(p) through \(r.inProgressThrough?.description ?? "-") (year to date)"
    }
    line(period)
    line("Scenario: " + (r.scenario.name.map(s) ?? "none (levers at their defaults from history)"))
    line()

    heading("Targets")
    for t in r.targets {
      let what: String
      switch t.kind {
      case .neutrality: what = "net zero, scopes " + t.scopes.map(\.rawValue).joined(separator: "+")
      case .intensity: what = "intensity, scopes " + t.scopes.map(\.rawValue).joined(separator: "+")
      case .avoided: what = "avoided " + Units.tonnes(t.goal)
      }
      let ent = t.entity == "*" ? "all entities" : "entity " + s(t.entity)
      let name = t.title == t.id ? s(t.id) : "\(s(t.title)) [\(s(t.id))]"
      line(bullet + "\(name): \(t.status.word)")
      let sub = md ? "  - " : "      "
      line(
        sub
          + "\(what), \(ent), \(t.baseline) to \(t.by); judged at \(t.latestFY?.description ?? "-")"
      )
      switch t.kind {
      case .neutrality:
        line(
          sub + "net \(Units.tonnes(t.actualAtLatest)), path \(Units.tonnes(t.pathAtLatest))"
            + (t.gap.map { ", gap \(Units.tonnes($0))" } ?? ""))
      case .intensity:
        line(
          sub
            + "intensity \(intensity(t.actualAtLatest)) \(unit), target \(intensity(t.goal)), path \(intensity(t.pathAtLatest))"
            + (t.gap.map { ", gap \(intensity($0))" } ?? ""))
      case .avoided:
        line(
          sub + "cumulative \(Units.tonnes(t.actualAtLatest)) of \(Units.tonnes(t.goal))"
            + (t.gap.map { ", gap \(Units.tonnes($0))" } ?? ""))
      }
      let o = t.outcome
      let val = t.kind == .intensity ? intensity(o.projectedAtBy) : Units.tonnes(o.projectedAtBy)
      let short = t.kind == .intensity ? intensity(o.shortfall) : Units.tonnes(o.shortfall)
      var oc = "projected at \(t.by): \(val)"
      switch o.met {
      case .some(true): oc += ", met" + (o.yearMet.map { " (first in \($0))" } ?? "")
      case .some(false): oc += ", not met (short by \(short))"
      case .none: oc += ", no projection"
      }
      line(sub + oc)
    }
    line()

    if let o = r.operational {
      heading("Own operations [\(s(o.targetID))], Scope 2 \(o.scope2Basis.rawValue)-based")
      table(
        [
          "FY", "S1", "S2 loc", "S2 mkt", "S1+2", "gross", "removals", "offsets", "net",
          "abatement", "clean", "PUE",
        ],
        o.years.map { y in
          [
            y.fy.description + (y.complete || y.monthsCovered == 0 ? "" : "*"),
            Units.tonnes(y.scope1), Units.tonnes(y.scope2Location),
            Units.tonnes(y.scope2Market), Units.tonnes(y.scope12), Units.tonnes(y.gross),
            Units.tonnes(y.removals),
            Units.tonnes(y.offsets), Units.tonnes(y.net), Units.tonnes(y.abatement),
            Units.percent(y.cleanElectricityShare),
            Units.fixed(y.pue, decimals: 3),
          ]
        })
      line(
        bullet
          + "path at \(o.latestFY?.description ?? "-"): \(Units.tonnes(o.pathNetAtLatest)); required cut per year: \(Units.tonnes(o.requiredCutPerYear))"
      )
      if let last = o.years.last(where: { $0.fy == o.latestFY }) {
        if last.splitNotReported {
          line(bullet + "Scope 1 and 2 split not reported at \(last.fy) (scope1_2 total only)")
        }
        if last.scope2FallbackRows > 0 {
          line(bullet + "\(last.scope2FallbackRows) row(s) gave one Scope 2 basis, used for both")
        }
        if last.offsetsWarning {
          line(
            bullet
              + "warning: offsets carry more than removals and reductions together (reduce, remove, then offset)"
          )
        }
      }
      if !o.projection.isEmpty {
        line(
          bullet + "projection: "
            + o.projection.map { "\($0.fy) \(Units.tonnes($0.net))" }.joined(separator: ", "))
      }
      line()
    }
    if let v = r.valueChain {
      heading("Value-chain intensity [\(s(v.targetID))], \(unit)")
      table(
        ["FY", "S3", "revenue", "intensity", "YoY"],
        v.years.map { y in
          [
            y.fy.description + (y.complete || y.monthsCovered == 0 ? "" : "*"),
            Units.tonnes(y.scope3), Units.number(y.revenue),
            intensity(y.intensity), Units.percent(y.yoy, signed: true),
          ]
        })
      line(
        bullet
          + "baseline \(intensity(v.baselineIntensity)), target \(intensity(v.targetIntensity)), path at \(v.latestFY?.description ?? "-") \(intensity(v.pathIntensityAtLatest))"
      )
      line(
        bullet
          + "required annual reduction: \(Units.percent(v.requiredAnnualReduction))/yr; the target's implied rate: \(Units.percent(v.impliedTargetRate))/yr"
      )
      if v.sbtiIntensityOK == false {
        line(
          bullet
            + "SBTi: the implied rate is below the 7%/yr minimum for a Scope 3 intensity target")
      }
      let cats = v.categories.filter { $0.tco2e != nil }
      if !cats.isEmpty {
        line()
        table(
          ["category", "tCO2e", "share"],
          cats.map {
            ["\($0.category) \($0.name)", Units.tonnes($0.tco2e), Units.percent($0.share)]
          })
      }
      if !v.projection.isEmpty {
        line(
          bullet + "projection: "
            + v.projection.map { "\($0.fy) \(intensity($0.intensity))" }.joined(separator: ", "))
      }
      line()
    }
    if let a = r.scope3plus {
      heading("Scope 3+ avoided emissions [\(s(a.targetID))] (never netted against the inventory)")
      table(
        ["FY", "avoided", "cumulative", "YoY", "verified"],
        a.years.map { y in
          [
            y.fy.description + (y.complete || y.monthsCovered == 0 ? "" : "*"),
            Units.tonnes(y.avoided), Units.tonnes(y.cumulative),
            Units.percent(y.yoy, signed: true), Units.percent(y.verifiedShare),
          ]
        })
      line(
        bullet
          + "progress \(Units.percent(a.progress)) of \(Units.tonnes(a.amount)); remaining \(Units.tonnes(a.remaining))"
      )
      line(
        bullet
          + "needs \(Units.percent(a.requiredGrowth, signed: true))/yr; at the latest growth (\(Units.percent(a.latestGrowth, signed: true))) \(Units.tonnes(a.projectedTotalAtBy)) by the target year, amount reached \(a.projectedYearReached?.description ?? "not by FY2100")"
      )
      if let read = a.eventRowsRead, let rejected = a.eventRowsRejected {
        line(
          bullet
            + "events ledger: \(read) rows read, \(rejected) rejected (malformed, left out of the sums)"
        )
      }
      if !a.programs.isEmpty {
        line()
        table(
          ["entity", "program", "avoided", "events", "participants"],
          a.programs.map { p in
            [
              s(p.entity), s(p.program), Units.tonnes(p.avoided),
              p.events.map { Units.number(Double($0)) } ?? Units.none,
              p.participants.map { Units.number(Double($0)) } ?? Units.none,
            ]
          })
      }
      line()
    }
    if r.years.contains(where: { !$0.complete && $0.monthsCovered > 0 }) {
      line("* not complete: year to date")
      line()
    }
    let errors = r.diagnostics.filter { $0.severity == .error }.count
    heading("Diagnostics: \(errors) error(s), \(r.diagnostics.count - errors) warning(s)")
    for d in r.diagnostics { line(bullet + s(d.description)) }
    return out
  }

  // MARK: - CSV

  /// The per-year tables of the three sections, one block each (RFC 4180, CRLF line ends).
  public static func csv(_ r: Report) -> String {
    var blocks: [[[String]]] = []
    func n(_ d: Double?) -> String {
      guard let d, d.isFinite else { return "" }
      return JSONValue.num(d).serialized(pretty: false)
    }
    func b(_ x: Bool) -> String { x ? "true" : "false" }
    if let o = r.operational {
      var rows = [
        [
          "section", "target_id", "fy", "complete", "scope1_tco2e", "scope2_location_tco2e",
          "scope2_market_tco2e",
          "scope1_2_tco2e", "gross_tco2e", "removals_tco2e", "offsets_tco2e", "net_tco2e",
          "abatement_tco2e",
          "clean_electricity_share", "pue",
        ]
      ]
      for y in o.years {
        rows.append([
          "operational", o.targetID, y.fy.description, b(y.complete), n(y.scope1),
          n(y.scope2Location), n(y.scope2Market),
          n(y.scope12), n(y.gross), n(y.removals), n(y.offsets), n(y.net), n(y.abatement),
          n(y.cleanElectricityShare), n(y.pue),
        ])
      }
      blocks.append(rows)
    }
    if let v = r.valueChain {
      var rows = [
        ["section", "target_id", "fy", "complete", "scope3_tco2e", "revenue", "intensity", "yoy"]
      ]
      for y in v.years {
        rows.append([
          "value_chain", v.targetID, y.fy.description, b(y.complete), n(y.scope3), n(y.revenue),
          n(y.intensity), n(y.yoy),
        ])
      }
      blocks.append(rows)
    }
    if let a = r.scope3plus {
      var rows = [
        [
          "section", "target_id", "fy", "complete", "avoided_tco2e", "cumulative_tco2e", "yoy",
          "verified_share",
        ]
      ]
      for y in a.years {
        rows.append([
          "scope3plus", a.targetID, y.fy.description, b(y.complete), n(y.avoided), n(y.cumulative),
          n(y.yoy), n(y.verifiedShare),
        ])
      }
      blocks.append(rows)
    }
    return blocks.map { rows in
      rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }.joined(separator: "\r\n")
  }

  /// One RFC 4180 field: control characters replaced, quoted when it holds a comma, quote,
  /// or starts or ends with a space.
  static func csvField(_ raw: String) -> String {
    let f = Sanitize.text(raw)
    if f.contains(where: { $0 == "," || $0 == "\"" }) || f.hasPrefix(" ") || f.hasSuffix(" ") {
      return "\"" + f.replacing("\"", with: "\"\"") + "\""
    }
    return f
  }
}

extension Report {
  /// The fiscal years of the report's sections (the same range in every section).
  public var years: [Completeness.Year] { fiscalYears }
}
