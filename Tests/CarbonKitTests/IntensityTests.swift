import Testing

@testable import CarbonKit

/// Scope 3 intensity, reduction 0.5, FY2021 -> FY2030, calendar years:
/// FY2021: S3 1000 / revenue 100 = 10 = I(b); I* = 5.
/// FY2023: S3 960 / 120 = 8.
/// FY2024: S3 600 (cat 1) + 200 (cat 4) + 100 (no category) = 900 / 120 = 7.5.
///   Path(2024) = 10 + (5 - 10) x 3 / 9 = 8.3333 -> on track.
///   YoY = 7.5 / 8 - 1 = -0.0625.
///   r = 1 - (5 / 7.5)^(1/6) = 0.0653447 (python: 1-(5/7.5)**(1/6)).
///   Implied rate 1 - 0.5^(1/9) = 0.0741253 -> SBTi ok; over 10 years 0.0669670 -> not ok.
func intensityDataset(s3At2024: Double = 900, by: Int = 2030) -> Dataset {
  let t = Target(
    id: "vc", kind: .intensity, scopes: [.three], baseline: fy(2021), by: fy(by), reduction: 0.5)
  let f = "value_chain.csv"
  let other = s3At2024 - 800
  let vc = [
    ValueChainRow(period: annual(2021), entity: "A", category: 1, tco2e: 1000, source: src(f, 2)),
    ValueChainRow(period: annual(2023), entity: "A", category: 1, tco2e: 960, source: src(f, 3)),
    ValueChainRow(period: annual(2024), entity: "A", category: 1, tco2e: 600, source: src(f, 4)),
    ValueChainRow(period: annual(2024), entity: "A", category: 4, tco2e: 200, source: src(f, 5)),
    ValueChainRow(
      period: annual(2024), entity: "B", category: nil, tco2e: other, source: src(f, 6)),
  ]
  let rev = [
    RevenueRow(period: annual(2021), entity: "A", revenue: 100, source: src("revenue.csv", 2)),
    RevenueRow(period: annual(2023), entity: "A", revenue: 120, source: src("revenue.csv", 3)),
    RevenueRow(period: annual(2024), entity: "A", revenue: 120, source: src("revenue.csv", 4)),
  ]
  return Dataset(
    organization: Organization(name: "Acme"), targets: [t], valueChain: vc, revenue: rev)
}

@Suite struct IntensityTests {
  @Test func onTrack() throws {
    let r = ReportBuilder.build(dataset: intensityDataset(), scenario: nil)
    let v = try #require(r.valueChain)
    #expect(r.targets[0].status == .onTrack)
    #expect(close(v.baselineIntensity, 10))
    #expect(close(v.targetIntensity, 5))
    #expect(close(v.pathIntensityAtLatest, 10 - 5.0 / 3))
    #expect(close(v.requiredAnnualReduction, 0.06534473481593284, 1e-12))
    #expect(close(v.impliedTargetRate, 0.07412528771270954, 1e-12))
    #expect(v.sbtiIntensityOK == true)
    let y24 = try #require(v.years.last)
    #expect(close(y24.intensity, 7.5))
    #expect(close(y24.yoy, -0.0625))
    // FY2022 has no data: its YoY and FY2023's (previous year missing) are null.
    #expect(v.years[2].yoy == nil)
  }

  @Test func categoriesAndShares() throws {
    let v = try #require(ReportBuilder.build(dataset: intensityDataset(), scenario: nil).valueChain)
    #expect(v.categories.count == 15)
    #expect(v.categories.map(\.category) == Array(1...15))
    #expect(v.categories[0].name == "Purchased goods and services")
    #expect(v.categories[3].name == "Upstream transportation and distribution")
    #expect(v.categories[14].name == "Investments")
    #expect(close(v.categories[0].share, 600.0 / 900))
    #expect(close(v.categories[3].share, 200.0 / 900))
    #expect(v.categories[1].tco2e == nil && v.categories[1].share == nil)
    #expect(close(v.uncategorizedTCO2e, 100))
  }

  @Test func behindAchievedAndSBTi() {
    // S3 1080 / 120 = 9 > 8.3333 -> behind, gap 0.6667.
    var r = ReportBuilder.build(dataset: intensityDataset(s3At2024: 1080), scenario: nil)
    #expect(r.targets[0].status == .behind)
    #expect(close(r.targets[0].gap, 9 - (10 - 5.0 / 3)))
    // S3 600 / 120 = 5 <= I* -> achieved, r = 0.
    r = ReportBuilder.build(dataset: intensityDataset(s3At2024: 600), scenario: nil)
    #expect(r.targets[0].status == .achieved)
    #expect(r.valueChain?.requiredAnnualReduction == 0)
    // 10 years: implied 0.066967 < 7% -> flagged.
    r = ReportBuilder.build(dataset: intensityDataset(by: 2031), scenario: nil)
    #expect(close(r.valueChain?.impliedTargetRate, 0.06696700846319259, 1e-12))
    #expect(r.valueChain?.sbtiIntensityOK == false)
  }

  @Test func yoyNullForYearInProgress() throws {
    var d = intensityDataset()
    d.valueChain?.append(
      ValueChainRow(
        period: month(2025, 2), entity: "A", category: 1, tco2e: 100,
        source: src("value_chain.csv", 7)))
    d.revenue?.append(
      RevenueRow(period: month(2025, 2), entity: "A", revenue: 20, source: src("revenue.csv", 5)))
    let v = try #require(ReportBuilder.build(dataset: d, scenario: nil).valueChain)
    let y25 = try #require(v.years.last)
    #expect(y25.complete == false)
    #expect(close(y25.intensity, 5))  // YTD 100 / 20
    #expect(y25.yoy == nil)
    // 2 months: run-rates 600 and 120.
    #expect(close(y25.emissionsRunRate, 600))
    #expect(close(y25.revenueRunRate, 120))
  }
}
