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
}
