import CarbonData
import CarbonKit
import Foundation
import Testing

/// A small good dataset: DATA.md's dataset.toml and one table of each kind, values checked.
@Suite struct GoodDatasetTests {
  static let toml = """
    [organization]
    name = "Alibaba Group"         # required
    fiscal_year_end = "03-31"
    currency = "CNY"
    revenue_unit = "million CNY"

    [[target]]
    id = "ops-neutral"
    title = "Carbon-neutral own operations"
    kind = "neutrality"
    scopes = ["1", "2"]
    scope2_basis = "market"
    offsets = true
    entity = "*"
    baseline = "FY2021"
    by = "FY2030"

    [[target]]
    id = "vc-intensity"
    kind = "intensity"
    scopes = ["3"]
    reduction = 0.50
    baseline = "FY2021"
    by = "FY2030"

    [[target]]
    id = "scope3plus"
    kind = "avoided"
    amount_tco2e = 1.5e9
    from = "FY2021"
    by = "FY2035"

    """

  @Test func loadsEveryTable() throws {
    let d = TempDataset()
    d.write("dataset.toml", Self.toml)
    d.write(
      "operations.csv",
      """
      period,entity,scope1_tco2e,scope2_location_tco2e,scope2_market_tco2e,scope1_2_tco2e,removals_tco2e,offsets_tco2e,abatement_tco2e,electricity_mwh,clean_electricity_mwh,pue
      FY2021,Cloud,100,200,150,,1,2,3,1000,400,1.25
      FY2021,Retail,,,,500,,,,,,
      2023-04,Cloud,10,20,15,,,,,100,50,
      2023-05-15,Cloud,11,,,,,,,,,

      """)
    d.write(
      "value_chain.csv",
      "entity,period,category,tco2e,data_quality\nGroup,FY2021,1,1000,estimated\nGroup,FY2021,,50,\n"
    )
    d.write("revenue.csv", "period,entity,revenue\nFY2021,Group,1.5e3\n")
    d.write(
      "avoided.csv",
      "period,entity,program,avoided_tco2e,verified,method\nFY2021,Cainiao,Green packaging,2000,true,survey\n"
    )
    let loaded = d.load()
    #expect(loaded.lines == [])
    let ds = try #require(loaded.dataset)
    #expect(ds.organization.name == "Alibaba Group")
    #expect(ds.organization.calendar.endMonth == 3)
    #expect(ds.organization.revenueUnit == "million CNY")
    #expect(
      ds.targets == [
        Target(
          id: "ops-neutral", title: "Carbon-neutral own operations", kind: .neutrality,
          scopes: [.one, .two],
          baseline: FiscalYear(2021), by: FiscalYear(2030), line: 7),
        Target(
          id: "vc-intensity", kind: .intensity, scopes: [.three], baseline: FiscalYear(2021),
          by: FiscalYear(2030),
          reduction: 0.5, line: 18),  // the second [[target]] header: 7 + 11 lines
        Target(
          id: "scope3plus", kind: .avoided, baseline: FiscalYear(2021), by: FiscalYear(2035),
          amountTCO2e: 1.5e9,
          line: 26),  // 18 + 8 lines
      ])
    let ops = try #require(ds.operations)
    #expect(
      ops[0]
        == OperationsRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Cloud", scope1: 100, scope2Location: 200,
          scope2Market: 150,
          removals: 1, offsets: 2, abatement: 3, electricityMWh: 1000, cleanElectricityMWh: 400,
          pue: 1.25,
          source: SourceRef(file: "operations.csv", line: 2)))
    #expect(
      ops[1]
        == OperationsRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Retail", scope12: 500,
          source: SourceRef(file: "operations.csv", line: 3)))
    // April 2023 is in FY2024
    #expect(ops[2].period.fiscalYear(in: ds.organization.calendar) == FiscalYear(2024))
    #expect(ops[3].period == .day(YearMonth(year: 2023, month: 5), 15))
    #expect(ops[3].scope2Location == nil)
    #expect(
      ds.valueChain == [
        ValueChainRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Group", category: 1, tco2e: 1000,
          dataQuality: "estimated", source: SourceRef(file: "value_chain.csv", line: 2)),
        ValueChainRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Group", category: nil, tco2e: 50,
          source: SourceRef(file: "value_chain.csv", line: 3)),
      ])
    #expect(
      ds.revenue == [
        RevenueRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Group", revenue: 1500,
          source: SourceRef(file: "revenue.csv", line: 2))
      ])
    #expect(
      ds.avoided == [
        AvoidedRow(
          period: .fiscalYear(FiscalYear(2021)), entity: "Cainiao", program: "Green packaging",
          avoided: 2000, verified: true, method: "survey",
          source: SourceRef(file: "avoided.csv", line: 2))
      ])
    #expect(ds.ledger == nil)
    #expect(ds.diagnostics == [])
  }

  @Test func loaderNeverWrites() throws {
    let d = TempDataset()
    d.write("dataset.toml", Self.toml)
    _ = d.load()
    let names = try FileManagerList.names(d.path)
    #expect(names == ["dataset.toml"])
  }
}

enum FileManagerList {
  static func names(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }
}
