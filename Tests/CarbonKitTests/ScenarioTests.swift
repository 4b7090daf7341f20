import Testing

@testable import CarbonKit

/// One entity, calendar years, neutrality S1+S2 market FY2020 -> FY2026:
/// S1: 2021 100, 2022 110, 2023 121, 2024 133.1 -> CAGR (133.1 / 100)^(1/3) - 1 = 0.1 (F = 2021).
/// Electricity 1000 each year except 2024: 1000 x 1.21 = 1210 (F = 2021: 1.21^(1/3) - 1).
/// S2 location: 400 in 2021, 2024: 484 -> grid factor 0.4 -> 0.4 (0 change).
/// Clean: 0.2 (2021) -> 0.5 (2024): trend to T = 2026: 0.5 + (0.3 / 3) x 2 = 0.7.
/// S2 market 2024: 200. Removals 2024: 10; offsets: 5.
func scenarioDataset(by: Int = 2026) -> Dataset {
  let t = Target(
    id: "ops", kind: .neutrality, scopes: [.one, .two], baseline: fy(2020), by: fy(by))
  let f = "operations.csv"
  let ops = [
    OperationsRow(
      period: annual(2020), entity: "A", scope1: 100, scope2Location: 400, scope2Market: 300,
      source: src(f, 2)),
    OperationsRow(
      period: annual(2021), entity: "A", scope1: 100, scope2Location: 400, scope2Market: 300,
      electricityMWh: 1000,
      cleanElectricityMWh: 200, source: src(f, 3)),
    OperationsRow(period: annual(2022), entity: "A", scope1: 110, source: src(f, 4)),
    OperationsRow(period: annual(2023), entity: "A", scope1: 121, source: src(f, 5)),
    OperationsRow(
      period: annual(2024), entity: "A", scope1: 133.1, scope2Location: 484, scope2Market: 200,
      removals: 10, offsets: 5,
      electricityMWh: 1210, cleanElectricityMWh: 605, source: src(f, 6)),
  ]
  return Dataset(organization: Organization(name: "S"), targets: [t], operations: ops)
}

@Suite struct ScenarioTests {
  @Test func defaultsFromHistory() {
    let b = ReportBuilder(dataset: scenarioDataset())
    let d = b.defaults
    #expect(close(d[.scope1Change] ?? nil, 0.1))
    #expect(close(d[.electricityGrowth] ?? nil, 0.0656022367666, 1e-10))  // 1.21^(1/3) - 1 (python)
    #expect(close(d[.gridFactorChange] ?? nil, 0, 1e-12))
    #expect(close(d[.cleanShareTarget] ?? nil, 0.7))
    #expect(close(d[.removalsPerYear] ?? nil, 10))
    #expect(close(d[.offsetsPerYear] ?? nil, 5))
    #expect(d[.revenueGrowth] == 0)  // no revenue history
    #expect(d[.avoidedGrowth] == 0)
  }

  @Test func cleanShareTrendClampedAndScope12Excluded() {
    // T = 2030: 0.5 + 0.1 x 6 = 1.1 -> 1.
    #expect(
      close(ReportBuilder(dataset: scenarioDataset(by: 2030)).defaults[.cleanShareTarget] ?? nil, 1)
    )
    // A second entity giving only scope1_2 in 2024: the S1 series has no value at 2024, so
    // L = 2023, F = 2020 (earliest in 2020..2022 with a value): (121 / 100)^(1/3) - 1.
    var d = scenarioDataset()
    d.operations?.append(
      OperationsRow(
        period: annual(2024), entity: "B", scope12: 50, source: src("operations.csv", 7)))
    #expect(close(ReportBuilder(dataset: d).defaults[.scope1Change] ?? nil, 0.0656022367666, 1e-10))
    // ... and the projection needs the split at L: null.
    let r = ReportBuilder(dataset: d).build(scenario: nil)
    #expect(r.operational?.projection.map(\.fy) == [fy(2025), fy(2026)])
    #expect(r.operational?.projection.allSatisfy { $0.net == nil } == true)
    #expect(r.targets[0].outcome.met == nil)
  }

  /// Levers: scope1 -10%, electricity +5%, grid -2%, clean 100% at 2026, removals 10, offsets 5.
  /// 2025 (k = 1): S1 = 133.1 x 0.9 = 119.79; Clean = 0.5 + 0.5 x 1/2 = 0.75;
  ///   S2mkt = 200 x 1.05 x 0.98 x 0.25 / 0.5 = 102.9; Net = 119.79 + 102.9 - 15 = 207.69.
  /// 2026 (k = 2): S1 = 133.1 x 0.81 = 107.811; Clean = 1 -> S2mkt = 0; Net = 92.811.
  @Test func projectionAndOutcome() throws {
    let levers: [Lever: Double] = [
      .scope1Change: -0.1, .electricityGrowth: 0.05, .gridFactorChange: -0.02, .cleanShareTarget: 1,
      .removalsPerYear: 10, .offsetsPerYear: 5,
    ]
    var r = ReportBuilder.build(
      dataset: scenarioDataset(), scenario: Scenario(name: "s", levers: levers))
    let p = try #require(r.operational?.projection)
    #expect(p.map(\.fy) == [fy(2025), fy(2026)])
    #expect(close(p[0].net, 207.69))
    #expect(close(p[1].net, 92.811))
    var o = r.targets[0].outcome
    #expect(o.met == false)
    #expect(o.yearMet == nil)
    #expect(close(o.projectedAtBy, 92.811))
    #expect(close(o.shortfall, 92.811))
    #expect(r.scenario.name == "s")
    #expect(r.scenario.levers[.scope1Change] == -0.1)
    // Removals 150: 2025 222.69 - 155 = 67.69; 2026 107.811 - 155 = -47.189 -> met in FY2026.
    var l2 = levers
    l2[.removalsPerYear] = 150
    r = ReportBuilder.build(dataset: scenarioDataset(), scenario: Scenario(name: "s", levers: l2))
    o = r.targets[0].outcome
    #expect(o.met == true)
    #expect(o.yearMet == fy(2026))
    #expect(o.shortfall == 0)
    #expect(close(o.projectedAtBy, -47.189))
  }

  @Test func locationBasisProjection() throws {
    // S2loc(y) = 484 x (1.05 x 0.98)^k: 2025 = 498.036; S1 2025 = 119.79; net 617.826 - 15.
    var d = scenarioDataset()
    d.targets[0].scope2Basis = .location
    let levers: [Lever: Double] = [
      .scope1Change: -0.1, .electricityGrowth: 0.05, .gridFactorChange: -0.02,
    ]
    let r = ReportBuilder.build(dataset: d, scenario: Scenario(name: "s", levers: levers))
    #expect(close(r.operational?.projection.first?.net, 119.79 + 498.036 - 15))
  }

  @Test func intensityProjection() throws {
    // S3(L) 900, scope3 -10%/yr; revenue 120, +20%/yr:
    // 2025: 810 / 144 = 5.625; 2026: 729 / 172.8 = 4.21875 <= I* 5 -> met first in FY2026.
    let levers: [Lever: Double] = [.scope3Change: -0.1, .revenueGrowth: 0.2]
    let r = ReportBuilder.build(
      dataset: intensityDataset(), scenario: Scenario(name: "s", levers: levers))
    let p = try #require(r.valueChain?.projection)
    #expect(p.count == 6)  // FY2025 ... FY2030
    #expect(close(p[0].intensity, 5.625))
    #expect(close(p[1].intensity, 4.21875))
    #expect(r.targets[0].outcome.yearMet == fy(2026))
    #expect(r.targets[0].outcome.met == true)
    #expect(r.targets[0].outcome.shortfall == 0)
  }

  @Test func avoidedProjectionUsesLever() throws {
    // avoided_growth 0.15: Cum(2035) = 115.455e6 + 59.208e6 x sum_{k=1..10} 1.15^k
    // = 115.455e6 + 59.208e6 x 23.349275 = 1497.9e6 < 1.5e9 -> not met by a hair.
    // sum 1.15^k, k=1..10 = 1.15 (1.15^10 - 1) / 0.15 = 23.34927...
    let r = ReportBuilder.build(
      dataset: avoidedDataset(), scenario: Scenario(name: "s", levers: [.avoidedGrowth: 0.15]))
    let o = r.targets[0].outcome
    let sum = 1.15 * (pow15(10) - 1) / 0.15
    #expect(close(o.projectedAtBy, 115.455e6 + 59.208e6 * sum, 1e-12))
    #expect(o.met == false)
    #expect(close(o.shortfall, 1.5e9 - (115.455e6 + 59.208e6 * sum), 1e-9))
    // Default lever: latest YoY 0.7759 -> met, first in FY2030.
    let d = ReportBuilder.build(dataset: avoidedDataset(), scenario: nil)
    #expect(close(d.scenario.levers[.avoidedGrowth] ?? nil, 0.7758848230353927, 1e-12))
    #expect(d.targets[0].outcome.yearMet == fy(2030))
  }

  func pow15(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 1.15 } }

  @Test func outcomeWhenTargetYearHasPassed() {
    // T = FY2024 = L: judged on actual Net(2024) = 133.1 + 200 - 10 - 5 = 318.1 -> not met.
    var d = scenarioDataset(by: 2024)
    var r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.operational?.projection.isEmpty == true)
    #expect(close(r.targets[0].outcome.projectedAtBy, 318.1))
    #expect(r.targets[0].outcome.met == false)
    #expect(r.targets[0].outcome.yearMet == nil)
    #expect(close(r.targets[0].outcome.shortfall, 318.1))
    #expect(r.operational?.requiredCutPerYear == nil)  // T <= L and not achieved
    // T = FY2022 < L with offsets 1000 from FY2021 on: net 2021 = 400 - 1000 < 0, 2022 = no S2
    // (null), so judged at 2022: null -> no outcome. Give 2022 an S2: net 110 + 0 - 1000 < 0.
    d.targets[0].by = fy(2022)
    d.operations?[1].offsets = 1000
    d.operations?[2].scope2Market = 0
    d.operations?[2].offsets = 1000
    r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].outcome.met == true)
    #expect(r.targets[0].outcome.yearMet == fy(2021))
    #expect(close(r.targets[0].outcome.projectedAtBy, 110 - 1000))
    #expect(r.targets[0].outcome.shortfall == 0)
  }

  @Test func avoidedOutcomeWhenTargetYearHasPassed() {
    // by FY2024 <= L FY2025: Cum(FY2024) = 56.247e6 of 50e6 -> met, first in FY2024 (22.9e6 at FY2023).
    var d = avoidedDataset()
    d.targets[0].by = fy(2024)
    d.targets[0].amountTCO2e = 50e6
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.targets[0].outcome.met == true)
    #expect(r.targets[0].outcome.yearMet == fy(2024))
    #expect(close(r.targets[0].outcome.projectedAtBy, 56.247e6))
  }

  @Test func nonHeadlineTargetUsesOwnDefaults() throws {
    // A second neutrality target (entity A only) ignores the scenario's levers: with
    // scope1_change -100% in the scenario the headline's S1 vanishes but the second target's
    // projection keeps S1 growing at its own 10%/yr default.
    var d = scenarioDataset()
    d.targets.append(
      Target(
        id: "a", kind: .neutrality, scopes: [.one], offsets: false, entity: "A", baseline: fy(2020),
        by: fy(2026)))
    let r = ReportBuilder.build(
      dataset: d, scenario: Scenario(name: "s", levers: [.scope1Change: -1]))
    // Second target: S1 133.1 x 1.1 = 146.41, minus its own removals default 10 (no offsets).
    #expect(close(r.targets[1].projection.first?.value, 146.41 - 10))
    #expect(
      close(
        r.targets[0].projection.last?.value.map { $0 } ?? nil,
        0 + 200 * pow2(1.0656022367666) * (1 - 0.7) / 0.5 - 15, 1e-9))
  }

  func pow2(_ x: Double) -> Double { x * x }
}
