import CarbonText

extension ReportFormatter {
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
  static func render(_ r: Report, markdown md: Bool) -> String {
    let s = Sanitize.text
    let unit = Units.intensityUnit(r.revenueUnit)
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
    // A section's heading is its target's title and scopes (an all-scopes target is not
    // called "own operations").
    func title(_ id: String) -> String {
      let t = r.targets.first { $0.id == id }
      guard let t, t.title != t.id else { return "[\(s(id))]" }
      return "\(s(t.title)) [\(s(id))]"
    }
    func scopes(_ id: String) -> String {
      let list = r.targets.first { $0.id == id }?.scopes ?? []
      return (list.count == 1 ? "Scope " : "Scopes ") + list.map(\.rawValue).joined(separator: "+")
    }

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
            + "intensity \(Units.intensity(t.actualAtLatest)) \(unit), target \(Units.intensity(t.goal)), path \(Units.intensity(t.pathAtLatest))"
            + (t.gap.map { ", gap \(Units.intensity($0))" } ?? ""))
      case .avoided:
        line(
          sub + "cumulative \(Units.tonnes(t.actualAtLatest)) of \(Units.tonnes(t.goal))"
            + (t.gap.map { ", gap \(Units.tonnes($0))" } ?? ""))
      }
      let o = t.outcome
      let val =
        t.kind == .intensity ? Units.intensity(o.projectedAtBy) : Units.tonnes(o.projectedAtBy)
      let short = t.kind == .intensity ? Units.intensity(o.shortfall) : Units.tonnes(o.shortfall)
      var oc = "projected at \(t.by): \(val)"
      switch o.met {
      case .some(true): oc += ", met" + (o.yearMet.map { " (first in \($0))" } ?? "")
      case .some(false): oc += ", not met (short by \(short))"
      case .none:
        oc =
          t.projectionMissing.map { "no projection: " + $0 } ?? oc
          + ", not judged (no figure at the baseline)"
      }
      line(sub + oc)
    }
    line()

    if let o = r.operational {
      heading(
        "\(title(o.targetID)): net emissions of \(scopes(o.targetID)), Scope 2 \(o.scope2Basis.rawValue)-based"
      )
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
        if last.offsetsWarning {
          line(
            bullet
              + "warning: offsets carry more than removals and reductions together (reduce, remove, then offset)"
          )
        }
      }
      if o.scope2FallbackRowsTotal > 0 {
        line(bullet + o.scope2FallbackNote)
      }
      if !o.projection.isEmpty {
        line(
          bullet + "projection: "
            + o.projection.map { "\($0.fy) \(Units.tonnes($0.net))" }.joined(separator: ", "))
      }
      line()
    }
    if let v = r.valueChain {
      heading(
        v.hasTarget
          ? "\(title(v.targetID)): intensity of \(scopes(v.targetID)), \(unit)"
          : "Value chain: Scope 3 of every entity (no intensity target), \(unit)")
      table(
        ["FY", "S3", "revenue", "intensity", "YoY"],
        v.years.map { y in
          [
            y.fy.description + (y.complete || y.monthsCovered == 0 ? "" : "*"),
            Units.tonnes(y.scope3), Units.number(y.revenue),
            Units.intensity(y.intensity), Units.percent(y.yoy, signed: true),
          ]
        })
      if v.hasTarget {
        line(
          bullet
            + "baseline \(Units.intensity(v.baselineIntensity)), target \(Units.intensity(v.targetIntensity)), path at \(v.latestFY?.description ?? "-") \(Units.intensity(v.pathIntensityAtLatest))"
        )
        line(
          bullet
            + "required annual reduction: \(Units.percent(v.requiredAnnualReduction))/yr; the target's implied rate: \(Units.percent(v.impliedTargetRate))/yr"
        )
      }
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
      // Scope 3 by category and year: every category with a value in some year.
      let given = (0..<15).filter { i in v.years.contains { $0.categories[i] != nil } }
      if !given.isEmpty {
        line(bullet + "Scope 3 by category and fiscal year:")
        table(
          ["category"] + v.years.map(\.fy.description),
          given.map { i in
            ["\(i + 1) \(Scope3Category.name(i + 1))"]
              + v.years.map { Units.tonnes($0.categories[i]) }
          })
      }
      if !v.projection.isEmpty {
        line(
          bullet + "projection: "
            + v.projection.map { "\($0.fy) \(Units.intensity($0.intensity))" }.joined(
              separator: ", "))
      }
      line()
    }
    if let a = r.scope3plus {
      heading(
        "\(title(a.targetID)): Scope 3+ avoided emissions (never netted against the inventory)")
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

}
