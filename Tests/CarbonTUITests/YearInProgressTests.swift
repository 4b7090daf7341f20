import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// The year in progress on the overview: a line per panel and two chart markers, from
/// `Report.yearInProgress`.
@Suite struct YearInProgressTests {
  static func report() -> Report {
    var r = Fixtures.report()
    var y = YearInProgress(
      fy: FiscalYear(2026), through: YearMonth(year: 2025, month: 6), months: 3)
    var o = YearInProgress.Figure(targetID: "ops", unit: "tCO2e")
    o.ytd = 1.2e6
    o.priorYTD = 1.0e6
    o.change = 0.2e6
    o.changeShare = 0.2
    o.runRate = 4.8e6
    o.path = 3.9e6
    o.runRateVsPath = 0.9e6
    y.operational = o
    r.yearInProgress = y
    return r
  }

  @Test func panelShowsYearToDateBesideTheLatestYear() {
    let t = Fixtures.draw(Fixtures.state(160, 48), report: Self.report())
    let text = t.text
    #expect(text.contains("FY2026 YTD through 2025-06 1.20 Mt +20.0% +200.0 kt"))
    #expect(text.contains("run-rate 4.80 Mt vs path 3.90 Mt: +900.0 kt"))
    // Both markers on the chart, told apart by shape.
    #expect(text.contains("\u{25CB}") && text.contains("\u{25CF}"))
    // Without the year in progress nothing of it is drawn.
    let plain = Fixtures.draw(Fixtures.state(160, 48)).text
    #expect(!plain.contains("YTD through") && !plain.contains("\u{25CF}"))
  }

  @Test func markersInAscii() {
    let t = Fixtures.draw(Fixtures.state(160, 48), report: Self.report(), unicode: false)
    let chart = t.text
    #expect(chart.contains("@") && chart.contains("o"))
    let grid = LineChart.rasterize(
      [
        ChartSeries(kind: .history, points: [.init(x: 0, y: 0), .init(x: 4, y: 4)]),
        ChartSeries(kind: .yearToDate, points: [.init(x: 4, y: 1)]),
        ChartSeries(kind: .runRate, points: [.init(x: 4, y: 3)]),
      ], xRange: 0...4, yRange: 0...4, width: 5, height: 5, mode: .ascii, glyphs: .ascii)
    #expect(grid[3][4]?.character == "o")
    #expect(grid[1][4]?.character == "@")
  }

  @Test func aChangedYearToDateIsMarked() {
    let old = Fixtures.report()
    let new = Self.report()
    #expect(FigureKey.changeDirections(from: old, to: new)[.yearToDate(.operational)] == 0)
    var changed = new
    changed.yearInProgress?.operational?.ytd = 1.3e6
    #expect(FigureKey.changeDirections(from: new, to: changed)[.yearToDate(.operational)] == 1)
  }

  @Test func aYearCursorHidesIt() {
    var s = Fixtures.state(160, 48)
    s.asOf = FiscalYear(2024)
    #expect(!Fixtures.draw(s, report: Self.report()).text.contains("YTD through"))
  }
}
