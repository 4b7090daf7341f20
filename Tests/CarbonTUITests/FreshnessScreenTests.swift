import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// The header says how old the data are; past `stale_after` it says STALE in the `bad` role.
@Suite struct FreshnessScreenTests {
  func state(age: Int64) -> UIState {
    var s = Fixtures.state(160, 48)
    s.now = 1_700_000_000
    s.newestWrite = FileWrite(file: "operations.csv", time: 1_700_000_000 - age)
    return s
  }

  @Test func ageInTheHeader() {
    var r = Fixtures.report()
    r.dataThrough = YearMonth(year: 2025, month: 6)
    r.inProgressFY = nil
    let t = Fixtures.draw(state(age: 3 * 3600), report: r)
    #expect(t.line(0).contains("data through 2025-06, operations.csv written 3 h ago"))
    #expect(!t.line(0).contains("STALE"))
    // With a year in progress the left part says "through" already.
    let p = Fixtures.draw(state(age: 3 * 3600), report: Fixtures.report())
    #expect(p.line(0).contains("FY2026 through 2025-06"))
    #expect(p.line(0).contains("operations.csv written 3 h ago"))
  }

  @Test func staleIsAWordAndAColour() throws {
    var r = Fixtures.report()
    r.dataThrough = YearMonth(year: 2025, month: 6)
    r.staleAfterSeconds = 36 * 3600
    #expect(!Fixtures.draw(state(age: 35 * 3600), report: r).line(0).contains("STALE"))
    let t = Fixtures.draw(state(age: 37 * 3600), report: r)
    let at = try #require(t.find("STALE"))
    #expect(at.y == 0)
    #expect(t.style(at.x, 0) == DefaultPalette().style(.bad))
    #expect(t.line(0).contains("operations.csv written 37 h ago"))
    // Narrow: the word stays.
    var narrow = state(age: 37 * 3600)
    narrow.size = Size(width: 60, height: 24)
    #expect(Fixtures.draw(narrow, report: r).line(0).contains("STALE"))
  }
}
