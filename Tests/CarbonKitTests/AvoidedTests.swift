import CarbonText
import Testing

@testable import CarbonKit

/// Alibaba-like Scope 3+ (FY ends 03-31): from FY2021 to FY2035, 1.5e9 t.
/// A: FY2023 22.907e6, FY2024 33.34e6, FY2025 59.208e6 (Cloud 9.88e6 verified in FY2025 plus
/// events 1,000 t for Taobao). Cum: FY2021-22 null (no data yet), FY2023 22.907e6,
/// FY2024 56.247e6, FY2025 115.455e6. Progress 115.455 / 1500 = 0.07697; R = 1384.545e6; n = 10.
/// g* = 0.150261426034 (independent bisection in python over sum_{k=1..10} A(1+g)^k = R).
/// Latest growth 59.208 / 33.34 - 1 = 0.775884823035; projected Cum(FY2035)
/// = 115.455e6 + sum_{k=1..10} 59.208e6 x 1.7758848^k = 4.22609987047904e10 (python);
/// amount first reached in FY2030 (cum 1327.8e6 at FY2029, 2373.6e6 at FY2030).
func avoidedDataset(extraTargets: [Target] = []) -> Dataset {
  let t = Target(id: "s3p", kind: .avoided, baseline: fy(2021), by: fy(2035), amountTCO2e: 1.5e9)
  let f = "avoided.csv"
  let rows = [
    AvoidedRow(
      period: annual(2023), entity: "Group", program: "all", avoided: 22.907e6, source: src(f, 2)),
    AvoidedRow(
      period: annual(2024), entity: "Group", program: "all", avoided: 33.34e6, source: src(f, 3)),
    AvoidedRow(
      period: annual(2025), entity: "Group", program: "all", avoided: 59.208e6 - 9.88e6 - 1000,
      source: src(f, 4)),
    AvoidedRow(
      period: annual(2025), entity: "Alibaba Cloud", program: "green cloud", avoided: 9.88e6,
      verified: true, source: src(f, 5)),
  ]
  let ledger = LedgerSummary(groups: [
    EventGroup(
      fiscalYear: fy(2025), entity: "Taobao", program: "Carbon88", milliKg: 1_000_000_000,
      events: 3, participants: 2)
  ])
  // An operations row in FY2021 makes the years start there.
  let ops = [
    OperationsRow(
      period: annual(2021), entity: "Group", scope1: 1, source: src("operations.csv", 2))
  ]
  return Dataset(
    organization: Organization(name: "Alibaba-like", calendar: FiscalCalendar(endMonth: 3)),
    targets: [t] + extraTargets,
    operations: ops, avoided: rows, ledger: ledger)
}

@Suite struct AvoidedTests {
  @Test func sectionProjectionFollowsTheScenario() throws {
    // avoided_growth = 0.10 from L = FY2025 (A(L) = 59.208e6, Cum(L) = 115.455e6), n = 10:
    // Cum(FY2035) = 115.455e6 + 59.208e6 x sum_{k=1..10} 1.1^k
    //             = 115.455e6 + 59.208e6 x 17.53116706110 = 1153.4314...e6 (< 1.5e9: not met).
    // Year reached at 10%: FY2035 1153.43e6; FY2036 adds 59.208e6 x 1.1^11 = 168.93e6 ->
    // 1322.36e6; FY2037 adds 185.82e6 -> 1508.18e6 >= 1.5e9: FY2037.
    let sum = (1...10).reduce(0.0) { acc, k in acc + (0..<k).reduce(1.0) { p, _ in p * 1.1 } }
    let expected = 115.455e6 + 59.208e6 * sum
    let r = ReportBuilder.build(
      dataset: avoidedDataset(), scenario: Scenario(name: "s", levers: [.avoidedGrowth: 0.10]))
    let s3 = try #require(r.scope3plus)
    #expect(close(s3.projectedTotalAtBy, expected, 1e-3))
    #expect(s3.projectedTotalAtBy == r.targets[0].outcome.projectedAtBy)
    #expect(s3.projectedYearReached == fy(2037))
    // The status stays on history (the latest growth reaches the amount in FY2030).
    #expect(r.targets[0].status == .onTrack)
    // Without a scenario: the latest growth, DATA.md's definition (FY2030, 4.226e10).
    let base = ReportBuilder.build(dataset: avoidedDataset(), scenario: nil)
    #expect(close(base.scope3plus?.projectedTotalAtBy, 4.22609987047904e10, 1e2))
    #expect(base.scope3plus?.projectedYearReached == fy(2030))
  }

  @Test func bisectionAlibabaLike() throws {
    let g = try #require(
      Formulas.requiredGrowth(latest: 59.208e6, remaining: 1.5e9 - 115.455e6, years: 10))
    #expect(abs(g - 0.150261426034) < 1e-9)
    // Plugging back: sum_{k=1..10} 59.208e6 (1 + g)^k = 1384.545e6.
    var s = 0.0
    for k in 1...10 { s += 59.208e6 * pow1p(g, k) }
    #expect(abs(s - 1384.545e6) < 1e-2)
  }

  func pow1p(_ g: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { acc, _ in acc * (1 + g) } }

  @Test func bisectionBracketEndsAndNulls() {
    // 100 x (1 - 0.99) = 1 > 0.5 even at the lowest growth -> -0.99.
    #expect(Formulas.requiredGrowth(latest: 100, remaining: 0.5, years: 1) == -0.99)
    // 1 x (11 + 121) = 132 < 1e30 even at 1000%/yr -> 10.
    #expect(Formulas.requiredGrowth(latest: 1, remaining: 1e30, years: 2) == 10)
    #expect(Formulas.requiredGrowth(latest: 1, remaining: 0, years: 2) == nil)  // achieved
    #expect(Formulas.requiredGrowth(latest: 1, remaining: 5, years: 0) == nil)  // n <= 0
    #expect(Formulas.requiredGrowth(latest: 0, remaining: 5, years: 3) == nil)  // A(L) = 0
    #expect(Formulas.requiredGrowth(latest: nil, remaining: 5, years: 3) == nil)
    // Exact: 100 (1+g) + 100 (1+g)^2 = 231 at g = 0.1.
    #expect(
      abs((Formulas.requiredGrowth(latest: 100, remaining: 231, years: 2) ?? 0) - 0.1) < 1e-11)
  }

  @Test func section() throws {
    let r = ReportBuilder.build(dataset: avoidedDataset(), scenario: nil)
    let s = try #require(r.scope3plus)
    let t = r.targets[0]
    #expect(t.latestFY == fy(2025))
    #expect(t.status == .onTrack)
    #expect(s.years.map(\.fy) == (2021...2025).map(fy))
    #expect(s.years[0].cumulative == nil && s.years[1].cumulative == nil)
    #expect(close(s.years[2].cumulative, 22.907e6))
    #expect(close(s.years[3].cumulative, 56.247e6))
    #expect(close(s.years[4].cumulative, 115.455e6))
    #expect(close(s.years[4].avoided, 59.208e6))
    #expect(close(s.years[3].yoy, 33.34 / 22.907 - 1))
    #expect(close(s.progress, 115.455e6 / 1.5e9))
    #expect(close(s.remaining, 1384.545e6))
    #expect(close(s.requiredGrowth, 0.150261426034, 1e-9))
    #expect(close(s.latestGrowth, 0.7758848230353927, 1e-12))
    #expect(close(s.projectedTotalAtBy, 4.22609987047904e10, 1e-9))
    #expect(s.projectedYearReached == fy(2030))
    // Verified: 9.88e6 of 59.208e6 (events are never verified).
    #expect(close(s.years[4].verifiedShare, 9.88e6 / 59.208e6))
    #expect(s.years[3].verifiedShare == 0)
  }

  @Test func entitiesAndProgramsSortedByBytes() throws {
    let s = try #require(ReportBuilder.build(dataset: avoidedDataset(), scenario: nil).scope3plus)
    // UTF-8 bytes: "Alibaba Cloud" < "Group" < "Taobao".
    #expect(s.byEntity.map(\.entity) == ["Alibaba Cloud", "Group", "Taobao"])
    #expect(close(s.byEntity[2].avoided, 1000))
    #expect(s.programs.map(\.program) == ["green cloud", "all", "Carbon88"])
    #expect(s.programs[0].events == nil && s.programs[0].participants == nil)
    #expect(s.programs[2].events == 3 && s.programs[2].participants == 2)
    // Lower case sorts after upper case, and non-ASCII after both.
    #expect(ByteOrder.less("Zeta", "alpha") && ByteOrder.less("alpha", "Éclair"))
  }

  @Test func achievedAndBehind() {
    var d = avoidedDataset()
    d.targets[0].amountTCO2e = 100e6  // Cum(L) 115.455e6 >= 100e6
    var r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .achieved)
    #expect(r.scope3plus?.requiredGrowth == nil)
    #expect(r.scope3plus?.projectedYearReached == fy(2025))  // 56.2e6 at FY2024, 115.5e6 at FY2025
    // Amount 1e15 at latest growth 77.6%/yr: projected 4.226e10 < 1e15 -> behind, gap 1e15 - 4.226e10.
    d.targets[0].amountTCO2e = 1e15
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].status == .behind)
    #expect(close(r.targets[0].gap, 1e15 - 4.22609987047904e10, 1e-9))
  }
}

@Suite struct AvoidedHorizonTests {
  @Test func notReachedByFY2100() throws {
    // FY2024 = FY2025 = 59.208e6 -> latest growth 0. Cum(FY2025) = 22.907e6 + 2 x 59.208e6
    // = 141.323e6; projected Cum(FY2035) = 141.323e6 + 10 x 59.208e6 = 733.403e6.
    // Amount 1e10 needs (1e10 - 141.323e6) / 59.208e6 = 166.5 more years: not by FY2100 -> nil.
    var d = avoidedDataset()
    d.avoided?[1].avoided = 59.208e6
    d.targets[0].amountTCO2e = 1e10
    let s = try #require(ReportBuilder.build(dataset: d, scenario: nil).scope3plus)
    #expect(s.latestGrowth == 0)
    #expect(close(s.projectedTotalAtBy, 733.403e6))
    #expect(s.projectedYearReached == nil)
    #expect(close(s.remaining, 1e10 - 141.323e6))
  }

  @Test func cleanShareWithoutEarlierYearIsCleanAtL() {
    // Only FY2024 has a clean share (605 / 1210 = 0.5): no F -> default 0.5.
    var d = scenarioDataset()
    d.operations?[1].cleanElectricityMWh = nil
    #expect(close(ReportBuilder(dataset: d).defaults[.cleanShareTarget] ?? nil, 0.5))
  }
}
