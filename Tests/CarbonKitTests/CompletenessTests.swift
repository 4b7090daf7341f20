import Testing

@testable import CarbonKit

@Suite struct CompletenessTests {
  /// FY ends 03-31. avoided FY2020 (annual), operations FY2023 (annual), revenue monthly
  /// 2023-04 .. 2023-12 (FY2024, no March).
  func dataset(eventsInMarch: Bool) -> Dataset {
    let cal = FiscalCalendar(endMonth: 3)
    var revenue: [RevenueRow] = []
    for (i, m) in (4...12).enumerated() {
      revenue.append(
        RevenueRow(
          period: month(2023, m), entity: "A", revenue: 10, source: src("revenue.csv", i + 2)))
    }
    let ledger = eventsInMarch ? LedgerSummary(months: [YearMonth(year: 2024, month: 3)]) : nil
    return Dataset(
      organization: Organization(name: "X", calendar: cal),
      operations: [
        OperationsRow(
          period: annual(2023), entity: "A", scope1: 1, source: src("operations.csv", 2))
      ],
      revenue: revenue,
      avoided: [
        AvoidedRow(
          period: annual(2020), entity: "A", program: "p", avoided: 1, source: src("avoided.csv", 2)
        )
      ],
      ledger: ledger)
  }

  @Test func inProgressAndGaps() {
    let c = Completeness(dataset(eventsInMarch: false))
    #expect(c.years == [fy(2020), fy(2021), fy(2022), fy(2023), fy(2024)])
    #expect(c.latestComplete == fy(2023))
    #expect(c.inProgress == fy(2024))
    #expect(c.inProgressThrough == YearMonth(year: 2023, month: 12))
    // April .. December = 9 months.
    #expect(c.monthsCovered(fy(2024)) == 9)
    #expect(c.year(fy(2021))?.hasData == false)
    #expect(c.isComplete(fy(2021)) == false)
    #expect(c.isComplete(fy(2020)))
    // Run-rate: YTD 90 x 12 / 9 = 120.
    #expect(close(c.runRate(90, fy(2024)), 120))
    #expect(Completeness.incompleteEntityWarnings(dataset(eventsInMarch: false)).isEmpty)
  }

  @Test func eventsInLastMonthCompleteTheYear() {
    let d = dataset(eventsInMarch: true)
    let c = Completeness(d)
    #expect(c.isComplete(fy(2024)))
    #expect(c.latestComplete == fy(2024))
    #expect(c.inProgress == nil)
    // Entity A's revenue rows stop at 2023-12 (line 10, the ninth row) in a complete FY2024.
    let w = Completeness.incompleteEntityWarnings(d)
    #expect(w.count == 1)
    #expect(w.first?.file == "revenue.csv")
    #expect(w.first?.line == 10)
    // A diagnostic with a line always has a column: 1, the record.
    #expect(w.first?.column == 1)
    #expect(w.first?.severity == .warning)
  }

  @Test func dayInLastMonthCompletes() {
    let d = Dataset(
      organization: Organization(name: "X"),
      valueChain: [
        ValueChainRow(
          period: .day(YearMonth(year: 2022, month: 12), 31), entity: "A", category: 1, tco2e: 5,
          source: src("value_chain.csv", 2))
      ])
    let c = Completeness(d)
    #expect(c.isComplete(fy(2022)))
    #expect(c.inProgress == nil)
  }

  @Test func emptyDataset() {
    let c = Completeness(Dataset(organization: Organization(name: "X")))
    #expect(c.years.isEmpty)
    #expect(c.latestComplete == nil)
    #expect(c.inProgress == nil)
  }
}
