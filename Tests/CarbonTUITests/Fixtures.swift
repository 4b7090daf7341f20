import CarbonKit
import CarbonTerminal

@testable import CarbonTUI

/// Hand-built reports and datasets for the screen tests (figures are illustrative, set by hand).
enum Fixtures {
  /// The Scope 3+ target's projection as ReportBuilder gives it, FY2026-FY2035: Cum(L) =
  /// 126.9 Mt (the cumulative of the avoided list below) plus A(L) = 59.2 Mt x (1 + g)^k.
  static func avoidedProjection(growth g: Double) -> [YearValue] {
    var total = 126.9e6
    var a = 59.2e6
    return (2026...2035).map { y in
      a *= 1 + g
      total += a
      return YearValue(fy: FiscalYear(y), value: total)
    }
  }

  static func fy(_ y: Int) -> FiscalYear { FiscalYear(y) }

  static func report(diagnostics: [Diagnostic]? = nil) -> Report {
    var opsYears: [OperationalReport.Year] = []
    // Net by year, tCO2e: 5.1e6, 4.9e6, 4.7e6, 4.6e6, 4.45e6 (FY2021...FY2025).
    let nets: [Double] = [5.1e6, 4.9e6, 4.7e6, 4.6e6, 4.45e6]
    for (i, n) in nets.enumerated() {
      var y = OperationalReport.Year(fy: fy(2021 + i), complete: true)
      y.scope1 = 1e6
      y.scope2Market = n - 1e6
      y.scope2Location = n
      y.gross = n
      y.net = n
      y.abatement = 2.32e6
      y.cleanElectricityShare = 0.39
      y.pue = 1.2
      opsYears.append(y)
    }
    var ytd = OperationalReport.Year(fy: fy(2026), complete: false)
    ytd.net = 1.1e6
    opsYears.append(ytd)
    let ops = OperationalReport(
      targetID: "ops-neutral", years: opsYears, pathNetAtLatest: 2.53e6, requiredCutPerYear: 0.89e6,
      projection: (2026...2030).map { .init(fy: fy($0), net: 4.45e6 - Double($0 - 2025) * 0.3e6) })
    var vcYears: [ValueChainReport.Year] = []
    let ints: [Double] = [8.22, 9.0, 8.9, 8.71, 8.10]
    for (i, v) in ints.enumerated() {
      var y = ValueChainReport.Year(fy: fy(2021 + i), complete: true)
      y.intensity = v
      y.scope3 = v * 1e6
      y.revenue = 1e6
      y.yoy = i == 4 ? -0.07 : nil
      vcYears.append(y)
    }
    let vc = ValueChainReport(
      targetID: "vc-intensity", years: vcYears, baselineIntensity: 8.22, targetIntensity: 4.11,
      pathIntensityAtLatest: 6.39, requiredAnnualReduction: 0.111, impliedTargetRate: 0.074,
      sbtiIntensityOK: true,
      categories: [
        .init(category: 1, name: "Purchased goods and services", tco2e: 5.0e6, share: 0.62),
        .init(category: 11, name: "Use of sold products", tco2e: 1.5e6, share: 0.185),
      ],
      projection: (2026...2030).map { .init(fy: fy($0), intensity: 8.1 - Double($0 - 2025) * 0.5) })
    var avYears: [Scope3PlusReport.Year] = []
    let avoided: [Double] = [5e6, 12e6, 17.4e6, 33.3e6, 59.2e6]
    var cum = 0.0
    for (i, a) in avoided.enumerated() {
      var y = Scope3PlusReport.Year(fy: fy(2021 + i), complete: true)
      cum += a
      y.avoided = a
      y.cumulative = cum
      y.yoy = i == 4 ? 0.776 : nil
      avYears.append(y)
    }
    let av = Scope3PlusReport(
      targetID: "scope3plus", years: avYears, amount: 1.5e9, progress: 0.0844, remaining: 1.3734e9,
      requiredGrowth: 0.15, projectedTotalAtBy: 2.0e9, projectedYearReached: fy(2033),
      byEntity: [
        .init(entity: "Alibaba Cloud", avoided: 40e6),
        .init(entity: "Cainiao\u{1B}[2J", avoided: 19.2e6),
      ],
      programs: [
        .init(
          entity: "Alibaba Cloud", program: "Green compute", avoided: 40e6, events: nil,
          participants: nil),
        .init(
          entity: "Cainiao\u{1B}[2J", program: "Recycling\u{7}", avoided: 19.2e6, events: 12345,
          participants: 678),
      ])
    let none = Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil)
    var targets = [
      TargetReport(
        id: "ops-neutral", kind: .neutrality, title: "Carbon-neutral own operations", entity: "*",
        baseline: fy(2021), by: fy(2030), latestFY: fy(2025), status: .behind, gap: 1.92e6,
        outcome: Outcome(projectedAtBy: 2.95e6, met: false, yearMet: nil, shortfall: 2.95e6)),
      TargetReport(
        id: "vc-intensity", kind: .intensity, title: "vc-intensity", entity: "*",
        baseline: fy(2021),
        by: fy(2030), latestFY: fy(2025), status: .behind, gap: 1.71, outcome: none),
      TargetReport(
        id: "scope3plus", kind: .avoided, title: "scope3plus", entity: "*", baseline: fy(2021),
        by: fy(2035),
        latestFY: fy(2025), status: .onTrack, gap: nil,
        outcome: Outcome(projectedAtBy: 2.0e9, met: true, yearMet: fy(2033), shortfall: 0)),
      TargetReport(
        id: "cloud-neutral", kind: .neutrality, title: "Alibaba Cloud all-scope neutral",
        entity: "Alibaba Cloud",
        baseline: fy(2021), by: fy(2030), latestFY: fy(2025), status: .achieved, gap: nil,
        outcome: none),
      TargetReport(
        id: "x", kind: .neutrality, title: "Evil\u{1B}]0;pwned\u{7}", entity: "*",
        baseline: fy(2021),
        by: fy(2030), latestFY: nil, status: .noData, gap: nil, outcome: none),
    ]
    targets[2].projection = avoidedProjection(growth: 0.776)
    targets[0].scopes = [.one, .two]
    targets[1].scopes = [.three]
    targets[3].scopes = [.one, .two, .three]
    targets[4].scopes = [.one, .two]
    var r = Report(
      organization: "Alibaba Group", latestCompleteFY: fy(2025), inProgressFY: fy(2026),
      inProgressThrough: YearMonth(year: 2025, month: 6),
      scenario: ScenarioInfo(name: nil, levers: [:], defaults: [:]), targets: targets,
      operational: ops,
      valueChain: vc, scope3plus: av,
      diagnostics: diagnostics ?? [
        Diagnostic(
          .error, file: "operations.csv", line: 14, column: 3,
          "scope1_tco2e: expected a number, found \"1,234\""),
        Diagnostic(
          .warning, file: "value_chain.csv", line: 2, column: 7, "unknown column \"qualty\""),
      ])
    // As ReportBuilder copies it from dataset.toml: the panels read the unit from the Report.
    r.revenueUnit = "million CNY"
    return r
  }

  static func dataset() -> Dataset {
    let cal = FiscalCalendar(endMonth: 3)
    func p(_ s: String) -> Period { Period(parsing: s) ?? .fiscalYear(FiscalYear(1)) }
    return Dataset(
      organization: Organization(
        name: "Alibaba Group", calendar: cal, currency: "CNY", revenueUnit: "million CNY"),
      targets: [
        Target(
          id: "ops-neutral", kind: .neutrality, scopes: [.one, .two], baseline: fy(2021),
          by: fy(2030), line: 7)
      ],
      operations: [
        OperationsRow(
          period: p("FY2025"), entity: "Alibaba Cloud", scope1: 100,
          source: SourceRef(file: "operations.csv", line: 3)),
        OperationsRow(
          period: p("2024-05"), entity: "Cainiao", scope1: 7.5,
          source: SourceRef(file: "operations.csv", line: 4)),
        // 2024-03 belongs to FY2024 with a March year end: not an FY2025 source.
        OperationsRow(
          period: p("2024-03"), entity: "Cainiao", scope1: 9,
          source: SourceRef(file: "operations.csv", line: 5)),
      ],
      avoided: [
        AvoidedRow(
          period: p("FY2025"), entity: "Alibaba Cloud", program: "Green compute", avoided: 40e6,
          verified: true, source: SourceRef(file: "avoided.csv", line: 2))
      ],
      ledger: LedgerSummary(groups: [
        EventGroup(
          fiscalYear: fy(2025), entity: "Cainiao", program: "Recycling",
          milliKg: 19_200_000_000_000, events: 12345, participants: 678,
          firstSource: SourceRef(file: "events/2024.csv", line: 2))
      ]))
  }

  static func state(_ w: Int, _ h: Int) -> UIState {
    var s = UIState(size: Size(width: w, height: h), datasetPath: "sample-data/alibaba")
    s.clock = "12:03:04"
    s.watchText = "watching"
    return s
  }

  /// Renders a state into a fresh test terminal.
  static func draw(
    _ s: UIState, report: Report = Fixtures.report(), dataset: Dataset? = Fixtures.dataset(),
    unicode: Bool = true
  ) -> TestTerminal {
    let t = TestTerminal(width: s.size.width, height: s.size.height, unicode: unicode)
    render(
      s, report: report, dataset: dataset, palette: DefaultPalette(),
      glyphs: unicode ? .unicode : .ascii, on: t)
    return t
  }

  static func context(_ r: Report = Fixtures.report()) -> UpdateContext {
    UpdateContext(report: r, dataset: Fixtures.dataset())
  }
}
