import Testing

@testable import CarbonKit

/// Issue 12, "what a new user met": the report's side of each fix.
@Suite struct FirstDayTests {
  /// Item 8: rows fell back in FY2020 (B gives only location) and FY2025 (A's month gives
  /// only market), none at L = FY2024 (B gives scope1_2 only, which is no fallback): the
  /// count is over every year, with the years named.
  @Test func scope2FallbackCountsEveryYearAndNamesThem() {
    let r = ReportBuilder.build(dataset: opsDataset(), scenario: nil)
    let o = r.operational!
    #expect(o.scope2FallbackRowsTotal == 2)
    #expect(o.scope2FallbackYears == [fy(2020), fy(2025)])
    let text = ReportFormatter.text(r)
    #expect(text.contains("Scope 2: 2 rows in FY2020, FY2025 gave one basis only, used for both"))
  }

  /// Item 7: a projection that cannot be made names the missing input, once, in the Report.
  @Test func projectionNamesTheMissingInput() throws {
    // opsDataset: at L = FY2024 entity B gives only scope1_2_tco2e.
    let r = ReportBuilder.build(dataset: opsDataset(), scenario: nil)
    #expect(r.targets[0].outcome.projectedAtBy == nil)
    #expect(
      r.targets[0].projectionMissing
        == "Scope 1 and 2 split not reported at FY2024 (scope1_2_tco2e only)")
    // One entity with the split but no electricity at L.
    let t = Target(
      id: "ops", kind: .neutrality, scopes: [.one, .two], baseline: fy(2020), by: fy(2030))
    let ops = [
      OperationsRow(
        period: annual(2020), entity: "A", scope1: 100, scope2Location: 300, scope2Market: 200,
        electricityMWh: 1000, cleanElectricityMWh: 100, source: src("operations.csv", 2)),
      OperationsRow(
        period: annual(2023), entity: "A", scope1: 90, scope2Location: 280, scope2Market: 150,
        source: src("operations.csv", 3)),
    ]
    let d = Dataset(organization: Organization(name: "Acme"), targets: [t], operations: ops)
    let r2 = ReportBuilder.build(dataset: d, scenario: nil)
    #expect(r2.targets[0].projectionMissing == "electricity_mwh missing at FY2023")
    let text = ReportFormatter.text(r2)
    #expect(text.contains("no projection: electricity_mwh missing at FY2023"))
    let json = ReportFormatter.json(r2)
    #expect(json.contains(#""projection_missing": "electricity_mwh missing at FY2023""#))
    // With electricity the projection exists and no reason is given.
    var d3 = d
    d3.operations?[1].electricityMWh = 1000
    d3.operations?[1].cleanElectricityMWh = 200
    let r3 = ReportBuilder.build(dataset: d3, scenario: nil)
    #expect(r3.targets[0].outcome.projectedAtBy != nil)
    #expect(r3.targets[0].projectionMissing == nil)
  }

  /// Scope 3 in FY2022 (cats 1 and 11), FY2023 (cat 1), FY2024 (cat 1 and a row without
  /// category); revenue in FY2023 and FY2024 only. No intensity target.
  static func scope3Only() -> Dataset {
    let f = "value_chain.csv"
    let vc = [
      ValueChainRow(period: annual(2022), entity: "A", category: 1, tco2e: 100, source: src(f, 2)),
      ValueChainRow(period: annual(2022), entity: "A", category: 11, tco2e: 50, source: src(f, 3)),
      ValueChainRow(period: annual(2023), entity: "A", category: 1, tco2e: 120, source: src(f, 4)),
      ValueChainRow(period: annual(2024), entity: "A", category: 1, tco2e: 90, source: src(f, 5)),
      ValueChainRow(period: annual(2024), entity: "B", category: nil, tco2e: 30, source: src(f, 6)),
    ]
    let rev = [
      RevenueRow(period: annual(2023), entity: "A", revenue: 10, source: src("revenue.csv", 2)),
      RevenueRow(period: annual(2024), entity: "A", revenue: 40, source: src("revenue.csv", 3)),
    ]
    let t = Target(
      id: "ops", kind: .neutrality, scopes: [.one, .two], baseline: fy(2020), by: fy(2030))
    return Dataset(
      organization: Organization(name: "Acme"), targets: [t], valueChain: vc, revenue: rev)
  }

  /// Item 6: Scope 3 rows without an intensity target still give the value-chain section:
  /// by year and by category, in JSON (target_id null), text and CSV.
  @Test func scope3WithoutAnIntensityTarget() throws {
    let r = ReportBuilder.build(dataset: Self.scope3Only(), scenario: nil)
    let v = try #require(r.valueChain)
    #expect(!v.hasTarget)
    #expect(v.years.map(\.fy) == [fy(2022), fy(2023), fy(2024)])
    #expect(v.years.map(\.scope3) == [150, 120, 120])
    #expect(v.years[0].categories[0] == 100 && v.years[0].categories[10] == 50)
    #expect(v.years[2].categories[0] == 90 && v.years[2].categories[10] == nil)
    // Intensity where revenue is given: 120 / 10 = 12, 120 / 40 = 3; yoy 3 / 12 - 1 = -0.75.
    #expect(v.years[0].intensity == nil)
    #expect(v.years[1].intensity == 12 && v.years[2].intensity == 3)
    #expect(v.years[2].yoy == -0.75)
    #expect(v.latestFY == fy(2024))
    #expect(v.categories[0].tco2e == 90 && v.categories[0].share == 0.75)
    #expect(v.uncategorizedTCO2e == 30)
    #expect(v.targetIntensity == nil && v.sbtiIntensityOK == nil)
    let json = ReportFormatter.json(r)
    #expect(json.contains(#""value_chain": {"#))
    #expect(json.contains(#""target_id": null"#))
    #expect(json.contains(#""categories_tco2e": ["#))
    let text = ReportFormatter.text(r)
    #expect(text.contains("Value chain: Scope 3 of every entity (no intensity target)"))
    #expect(text.contains("Scope 3 by category and fiscal year:"))
    #expect(text.contains("1 Purchased goods and services"))
    let csv = ReportFormatter.csv(r)
    #expect(csv.contains("value_chain,,FY2024,true,120,40,3,-0.75"))
    #expect(csv.contains("value_chain_category,,FY2022,true,11,Use of sold products,50"))
    // Without any Scope 3 row the section stays null.
    var d = Self.scope3Only()
    d.valueChain = nil
    #expect(ReportBuilder.build(dataset: d, scenario: nil).valueChain == nil)
  }

  /// Item 16: the years each default comes from, and whether they are thin.
  @Test func defaultsSayWhichYearsTheyRestOn() throws {
    let r = ReportBuilder.build(dataset: Self.scope3Only(), scenario: nil)
    // Scope 3 in FY2022, FY2023, FY2024: F = FY2022, three years, not thin.
    #expect(
      r.scenario.defaultBasis[.scope3Change]
        == DefaultBasis(years: [fy(2022), fy(2024)], thin: false))
    // Revenue in FY2023 and FY2024 only: a rate from two years, thin (+300%).
    #expect(
      r.scenario.defaultBasis[.revenueGrowth]
        == DefaultBasis(years: [fy(2023), fy(2024)], thin: true))
    #expect(close(r.scenario.defaults[.revenueGrowth] ?? nil, 3))
    // No electricity at all: no basis.
    #expect(r.scenario.defaultBasis[.electricityGrowth] == nil)
  }

  /// Item 5: the text report's section heading is the target's title and scopes.
  @Test func textHeadingsShowTheTargetsTitleAndScopes() {
    let t = Target(
      id: "neg", title: "Carbon negative", kind: .neutrality, scopes: [.one, .two, .three],
      baseline: fy(2020), by: fy(2030))
    var d = opsDataset()
    d.targets = [t]
    let text = ReportFormatter.text(ReportBuilder.build(dataset: d, scenario: nil))
    #expect(
      text.contains("Carbon negative [neg]: net emissions of Scopes 1+2+3, Scope 2 market-based"))
    #expect(!text.contains("Own operations"))
  }
}
