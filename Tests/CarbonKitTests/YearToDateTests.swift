import Testing

@testable import CarbonKit

/// The year in progress, year to date, worked by hand:
/// FY2020 annual: S1 100 + S2 mkt 200 = Net(b) 300. FY2024 monthly: Jan 30, Feb 20, Mar 50,
/// Dec 5 (complete). FY2025 through 2025-02: Jan 40, Feb 15 -> YTD 55; prior YTD (Jan-Feb
/// 2024) 50 -> +5, +10%; run-rate 55 x 12 / 2 = 330; Path(2025) = 300 x 5 / 10 = 150 ->
/// run-rate vs path +180.
@Suite struct YearToDateTests {
  func dataset(priorAnnual: Bool = false) -> Dataset {
    let t = Target(
      id: "ops", kind: .neutrality, scopes: [.one, .two], scope2Basis: .market,
      baseline: fy(2020), by: fy(2030))
    let f = "operations.csv"
    func row(_ p: Period, _ s1: Double, _ s2: Double, _ line: Int) -> OperationsRow {
      OperationsRow(period: p, entity: "A", scope1: s1, scope2Market: s2, source: src(f, line))
    }
    var ops = [row(annual(2020), 100, 200, 2)]
    if priorAnnual {
      ops.append(row(annual(2024), 60, 45, 3))
    } else {
      ops += [
        row(month(2024, 1), 10, 20, 3), row(month(2024, 2), 10, 10, 4),
        row(month(2024, 3), 25, 25, 5), row(month(2024, 12), 2, 3, 6),
      ]
    }
    ops += [row(month(2025, 1), 20, 20, 7), row(month(2025, 2), 10, 5, 8)]
    return Dataset(organization: Organization(name: "Acme"), targets: [t], operations: ops)
  }

  @Test func ytdPriorYearRunRateAndPath() throws {
    let r = ReportBuilder.build(dataset: dataset(), scenario: nil)
    let y = try #require(r.yearInProgress)
    #expect(y.fy == fy(2025))
    #expect(y.through == YearMonth(year: 2025, month: 2))
    #expect(y.months == 2)
    let o = try #require(y.operational)
    #expect(o.targetID == "ops" && o.unit == "tCO2e")
    #expect(close(o.ytd, 55))
    #expect(close(o.priorYTD, 50))
    #expect(close(o.change, 5))
    #expect(close(o.changeShare, 0.1))
    #expect(close(o.runRate, 330))
    #expect(close(o.path, 150))
    #expect(close(o.runRateVsPath, 180))
    #expect(y.valueChain == nil && y.scope3plus == nil)
  }

  @Test func anAnnualPriorYearCannotBeCut() throws {
    let r = ReportBuilder.build(dataset: dataset(priorAnnual: true), scenario: nil)
    let o = try #require(r.yearInProgress?.operational)
    #expect(close(o.ytd, 55))
    #expect(o.priorYTD == nil && o.change == nil && o.changeShare == nil)
    #expect(close(o.runRateVsPath, 180))
  }

  @Test func noYearInProgressNoFigures() {
    var d = dataset()
    d.operations?.removeAll { $0.period.fiscalYear(in: d.organization.calendar) == fy(2025) }
    #expect(ReportBuilder.build(dataset: d, scenario: nil).yearInProgress == nil)
  }

  @Test func inTheJSONReport() {
    let r = ReportBuilder.build(dataset: dataset(), scenario: nil)
    let json = ReportFormatter.json(r)
    #expect(json.contains("\"year_in_progress\""))
    #expect(json.contains("\"prior_ytd\": 50"))
    #expect(json.contains("\"run_rate_vs_path\": 180"))
  }
}
