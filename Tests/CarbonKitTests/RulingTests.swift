import Foundation
import Testing

@testable import CarbonKit

/// The lead's rulings on the cross-check disagreements (Tests/crosscheck/AMBIGUITIES.md), with
/// hand-worked figures.
@Suite struct RulingTests {
  /// Ruling 1: headline levers come from the entities of the headline target each lever drives.
  /// Neutrality target on A, intensity target on B, calendar years, data in 2021 and 2024 (F =
  /// 2021, L = 2024, L - F = 3):
  /// - scope1_change from A: (133.1 / 100)^(1/3) - 1 = 0.1 (all entities: (333.1 / 200)^(1/3) - 1).
  /// - scope3_change from B: (172.8 / 100)^(1/3) - 1 = 0.2; revenue_growth from B:
  ///   (13.31 / 10)^(1/3) - 1 = 0.1 (A's S3 and revenue are flat).
  /// - avoided_growth: no avoided target, all entities, no data: 0.
  @Test func headlineLeversFromTheirTargetsEntities() {
    let neu = Target(
      id: "n", kind: .neutrality, scopes: [.one], entity: "A", baseline: fy(2021), by: fy(2030))
    let int = Target(
      id: "i", kind: .intensity, scopes: [.three], entity: "B", baseline: fy(2021), by: fy(2030),
      reduction: 0.5)
    let o = "operations.csv"
    let v = "value_chain.csv"
    let r = "revenue.csv"
    let d = Dataset(
      organization: Organization(name: "X"), targets: [neu, int],
      operations: [
        OperationsRow(period: annual(2021), entity: "A", scope1: 100, source: src(o, 2)),
        OperationsRow(period: annual(2024), entity: "A", scope1: 133.1, source: src(o, 3)),
        OperationsRow(period: annual(2021), entity: "B", scope1: 100, source: src(o, 4)),
        OperationsRow(period: annual(2024), entity: "B", scope1: 200, source: src(o, 5)),
      ],
      valueChain: [
        ValueChainRow(
          period: annual(2021), entity: "A", category: 1, tco2e: 1000, source: src(v, 2)),
        ValueChainRow(
          period: annual(2024), entity: "A", category: 1, tco2e: 1000, source: src(v, 3)),
        ValueChainRow(
          period: annual(2021), entity: "B", category: 1, tco2e: 100, source: src(v, 4)),
        ValueChainRow(
          period: annual(2024), entity: "B", category: 1, tco2e: 172.8, source: src(v, 5)),
      ],
      revenue: [
        RevenueRow(period: annual(2021), entity: "A", revenue: 10, source: src(r, 2)),
        RevenueRow(period: annual(2024), entity: "A", revenue: 10, source: src(r, 3)),
        RevenueRow(period: annual(2021), entity: "B", revenue: 10, source: src(r, 4)),
        RevenueRow(period: annual(2024), entity: "B", revenue: 13.31, source: src(r, 5)),
      ])
    let def = ReportBuilder(dataset: d).defaults
    #expect(close(def[.scope1Change] ?? nil, 0.1))
    #expect(close(def[.scope3Change] ?? nil, 0.2))
    #expect(close(def[.revenueGrowth] ?? nil, 0.1))
    #expect(def[.avoidedGrowth] == 0)
  }

  /// Ruling 2: removals/offsets_per_year default to the series' own L. scenarioDataset plus a
  /// complete FY2025 with offsets 7 and no removals: removals at their L (FY2024) = 10, offsets
  /// at theirs (FY2025) = 7, although the target's L is FY2025. Never reported: 0.
  @Test func removalsAndOffsetsAtTheSeriesOwnLatestYear() {
    var d = scenarioDataset()
    d.operations?.append(
      OperationsRow(
        period: annual(2025), entity: "A", scope1: 146.41, scope2Location: 500, scope2Market: 200,
        offsets: 7, electricityMWh: 1300, cleanElectricityMWh: 650,
        source: src("operations.csv", 7)))
    let b = ReportBuilder(dataset: d)
    #expect(b.build(scenario: nil).targets[0].latestFY == fy(2025))
    #expect(close(b.defaults[.removalsPerYear] ?? nil, 10))
    #expect(close(b.defaults[.offsetsPerYear] ?? nil, 7))
    // No operations at all: 0.
    let none = ReportBuilder(dataset: intensityDataset()).defaults
    #expect(none[.removalsPerYear] == 0)
    #expect(none[.offsetsPerYear] == 0)
  }

  /// Ruling 3: a non-headline target's clean_share_target default carries its own entities'
  /// trend to T of the first neutrality target (FY2026), not to its own T (FY2030).
  /// Own defaults (entity A = all of scenarioDataset): S1 +10%/yr, electricity 1.21^(1/3) - 1,
  /// grid 0, clean 0.5 + (0.5 - 0.2) / 3 x (2026 - 2024) = 0.7, removals 10, offsets 5.
  /// Revision 4's correction (one clean-share trajectory): the share reaches 0.7 at T_c =
  /// FY2026, not at the target's own FY2030, and stays there after FY2026.
  /// Its 2025 (k = 1, T_c - L = 2): Clean = 0.5 + (0.7 - 0.5) x 1/2 = 0.6;
  /// S2mkt = 200 x 1.21^(1/3) x (1 - 0.6) / 0.5 = 200 x 1.065602 x 0.8 = 170.4964;
  /// S1 = 133.1 x 1.1 = 146.41; Net = 146.41 + 170.4964 - 10 - 5 = 301.9064.
  /// Its 2028 (k = 4, after T_c: Clean held at 0.7): S1 = 133.1 x 1.1^4 = 194.8717;
  /// S2mkt = 200 x 1.21^(4/3) x 0.3 / 0.5 = 120 x 1.289379 = 154.7254;
  /// Net = 194.8717 + 154.7254 - 15 = 334.5972.
  /// (Before the correction: Clean(2025) = 0.5 + 0.2 / 6 = 0.53333, Net 330.3224.)
  @Test func cleanShareTargetUsesFirstNeutralityTargetsT() throws {
    var d = scenarioDataset()
    d.targets.append(
      Target(
        id: "a2", kind: .neutrality, scopes: [.one, .two], entity: "A", baseline: fy(2020),
        by: fy(2030)))
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(close(r.targets[1].projection.first?.value, 301.9064, 1e-6))
    #expect(close(r.targets[1].projection[3].value, 334.5972, 1e-6))
    #expect(r.targets[1].projection.count == 6)
  }

  /// Ruling 4: T <= L and the actual figure at T is null: the whole outcome is null.
  /// Neutrality by FY2022: Net(2022) needs S2, which FY2022 lacks (S1 110 only).
  /// Avoided from = by = FY2021: Cum(FY2021) is null (data start in FY2023), so the outcome and
  /// the projected total at T are null; status behind (R = 1.5e9 - 115.455e6 > 0), gap null.
  @Test func nullActualAtTargetYearGivesNullOutcome() {
    let neu = ReportBuilder.build(dataset: scenarioDataset(by: 2022), scenario: nil)
    #expect(neu.targets[0].latestFY == fy(2024))
    #expect(
      neu.targets[0].outcome == Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil))
    var d = avoidedDataset()
    d.targets[0].by = fy(2021)
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(
      r.targets[0].outcome == Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil))
    #expect(r.targets[0].status == .behind)
    #expect(r.targets[0].gap == nil)
    #expect(r.scope3plus?.projectedTotalAtBy == nil)
  }

  /// Ruling 5: the SBTi check for every intensity target, whatever its scopes, from its own
  /// implied rate: 1 - 0.5^(1/9) = 0.0741253 >= 7% -> true; over 10 years 1 - 0.5^(1/10) =
  /// 0.0669670 -> false.
  @Test func sbtiCheckForEveryIntensityTarget() {
    var d = intensityDataset()
    d.targets[0].scopes = [.one, .two]
    #expect(ReportBuilder.build(dataset: d, scenario: nil).valueChain?.sbtiIntensityOK == true)
    d.targets[0].by = fy(2031)
    #expect(ReportBuilder.build(dataset: d, scenario: nil).valueChain?.sbtiIntensityOK == false)
  }

  /// Ruling 6: without I* (no complete baseline year: FY2022 has no data) the outcome still
  /// gives the projected I(T); met, year_met and shortfall are null.
  /// Defaults: S3 (900 / 1000)^(1/3) - 1, revenue (120 / 100)^(1/3) - 1 (F = 2021, L = 2024).
  /// I(2030), k = 6: 900 x 0.9^2 / (120 x 1.2^2) = 729 / 172.8 = 4.21875.
  /// By FY2023 (< L): the actual I(2023) = 960 / 120 = 8.
  @Test func intensityOutcomeWithoutTargetIntensity() {
    var d = intensityDataset()
    d.targets[0].baseline = fy(2022)
    var r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.valueChain?.targetIntensity == nil)
    #expect(r.targets[0].status == .noData)
    var o = r.targets[0].outcome
    #expect(close(o.projectedAtBy, 4.21875))
    #expect(o.met == nil && o.yearMet == nil && o.shortfall == nil)
    d.targets[0].by = fy(2023)
    r = ReportBuilder.build(dataset: d, scenario: nil)
    o = r.targets[0].outcome
    #expect(close(o.projectedAtBy, 8))
    #expect(o.met == nil && o.yearMet == nil && o.shortfall == nil)
  }

  /// EF(L) = S2loc(L) / Elec(L) is an input of the Scope 2 projection: without Elec(L) the
  /// projection is null (location basis too, although Elec(L) would cancel out).
  @Test func scope2ProjectionNeedsElectricityAtL() {
    var d = scenarioDataset()
    d.targets[0].scope2Basis = .location
    d.operations?[4].electricityMWh = nil
    d.operations?[4].cleanElectricityMWh = nil
    let r = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r.operational?.projection.count == 2)
    #expect(r.operational?.projection.allSatisfy { $0.net == nil } == true)
    #expect(r.targets[0].outcome.projectedAtBy == nil)
  }

  /// year_met where T <= L: the first year from the baseline to T where the actual figure met
  /// the target, even when it is not met at T. Net: 2021 400 - 1000 < 0 (met), 2022 110 + 0 -
  /// 0 = 110 (not met) -> met false, year_met FY2021, shortfall 110.
  @Test func yearMetBeforeTargetYearWhenNotMetAtT() {
    var d = scenarioDataset(by: 2022)
    d.operations?[1].offsets = 1000
    d.operations?[2].scope2Market = 0
    let o = ReportBuilder.build(dataset: d, scenario: nil).targets[0].outcome
    #expect(o.met == false)
    #expect(o.yearMet == fy(2021))
    #expect(close(o.projectedAtBy, 110))
    #expect(close(o.shortfall, 110))
  }
}
