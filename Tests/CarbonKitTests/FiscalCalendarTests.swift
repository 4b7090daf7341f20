import Testing

@testable import CarbonKit

@Suite struct FiscalCalendarTests {
  @Test func march31() throws {
    let c = try #require(FiscalCalendar(fiscalYearEnd: "03-31"))
    #expect(c.endMonth == 3)
    // 2023-04-01 .. 2024-03-31 is FY2024.
    #expect(c.fiscalYear(of: YearMonth(year: 2023, month: 4)) == fy(2024))
    #expect(c.fiscalYear(of: YearMonth(year: 2024, month: 3)) == fy(2024))
    #expect(c.fiscalYear(of: YearMonth(year: 2023, month: 3)) == fy(2023))
    #expect(c.firstMonth(of: fy(2024)) == YearMonth(year: 2023, month: 4))
    #expect(c.lastMonth(of: fy(2024)) == YearMonth(year: 2024, month: 3))
    // April, May, June: 3 months.
    #expect(c.monthsCovered(through: YearMonth(year: 2023, month: 6)) == 3)
  }

  @Test func december31() throws {
    let c = try #require(FiscalCalendar(fiscalYearEnd: "12-31"))
    #expect(c.fiscalYear(of: YearMonth(year: 2023, month: 7)) == fy(2023))
    #expect(c.monthsCovered(through: YearMonth(year: 2023, month: 7)) == 7)
    #expect(c.firstMonth(of: fy(2023)) == YearMonth(year: 2023, month: 1))
  }

  @Test func june30() throws {
    let c = try #require(FiscalCalendar(fiscalYearEnd: "06-30"))
    #expect(c.fiscalYear(of: YearMonth(year: 2023, month: 7)) == fy(2024))
    #expect(c.fiscalYear(of: YearMonth(year: 2023, month: 6)) == fy(2023))
    #expect(c.firstMonth(of: fy(2024)) == YearMonth(year: 2023, month: 7))
    // July .. December: 6 months.
    #expect(c.monthsCovered(through: YearMonth(year: 2023, month: 12)) == 6)
  }

  @Test func february28() throws {
    let c = try #require(FiscalCalendar(fiscalYearEnd: "02-28"))
    #expect(FiscalCalendar(fiscalYearEnd: "02-29")?.endMonth == 2)
    #expect(c.fiscalYear(of: YearMonth(year: 2024, month: 2)) == fy(2024))
    #expect(c.fiscalYear(of: YearMonth(year: 2024, month: 3)) == fy(2025))
    #expect(c.lastMonth(of: fy(2025)) == YearMonth(year: 2025, month: 2))
    #expect(FiscalCalendar(fiscalYearEnd: "02-30") == nil)
    #expect(FiscalCalendar(fiscalYearEnd: "04-31") == nil)
  }
}
