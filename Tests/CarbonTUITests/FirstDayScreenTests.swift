import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// Issue 12, "what a new user met": the screens' side of each fix.
@Suite struct FirstDayScreenTests {
  /// Item 5: a panel's heading is the target's title and scopes; an all-scopes target is not
  /// called "own operations".
  @Test func panelHeadingsShowTheTargetsTitleAndScopes() {
    var r = Fixtures.report()
    let t = Fixtures.draw(Fixtures.state(160, 48), report: r)
    #expect(t.text.contains("1 Carbon-neutral own operations (S1+2, by FY2030)"))
    #expect(t.text.contains("2 vc-intensity (S3, by FY2030)"))
    #expect(!t.text.contains("Own operations"))
    r.targets[0].title = "Carbon negative"
    r.targets[0].scopes = [.one, .two, .three]
    let t2 = Fixtures.draw(Fixtures.state(100, 30), report: r)
    #expect(t2.text.contains("1 Carbon negative (S1+2+3, by FY2030)"))
    #expect(!t2.text.contains("neutral by"))
    // A long title is cut, its scopes stay whole at the end.
    r.targets[0].title = String(repeating: "Long title ", count: 10)
    let t3 = Fixtures.draw(Fixtures.state(100, 30), report: r)
    #expect(t3.line(1).contains("… (S1+2+3, by FY2030)"))
  }

  /// Item 6: without an intensity target the value-chain panel shows the organization's
  /// Scope 3 data; a panel with nothing to show gives its rows to the others.
  @Test func panelsWithoutTargetsShowDataOrGiveWay() {
    var r = Fixtures.report()
    r.valueChain?.hasTarget = false
    r.valueChain?.targetID = ""
    r.valueChain?.latestFY = FiscalYear(2025)
    r.targets.remove(at: 1)
    let t = Fixtures.draw(Fixtures.state(100, 30), report: r)
    #expect(t.text.contains("Value chain: Scope 3 (no intensity target)"))
    // Scope 3 at FY2025: 8.10 x 1e6 t.
    #expect(t.text.contains("Scope 3 8.10 Mt  FY2025"))
    #expect(t.text.contains("top categories: 1 Purchased goods"))
    // No avoided target and no avoided data: the Scope 3+ panel is left out, the top panels
    // run down to the targets strip.
    var r2 = Fixtures.report()
    r2.scope3plus = nil
    r2.targets.remove(at: 2)
    let full = Fixtures.draw(Fixtures.state(100, 30), report: r2)
    #expect(!full.text.contains("no avoided target"))
    let withBottom = Fixtures.draw(Fixtures.state(100, 30))
    func bottomBorder(_ t: TestTerminal) -> Int? {
      (1..<30).first { t.line($0).hasPrefix("┗") || t.line($0).hasPrefix("└") }
    }
    let a = bottomBorder(full) ?? 0
    let b = bottomBorder(withBottom) ?? 99
    #expect(a > b + 4)
  }

  /// Item 7: the panel and the zoom say which input is missing.
  @Test func projectionNamesTheMissingInputOnScreen() {
    var r = Fixtures.report()
    r.targets[0].outcome = Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil)
    r.targets[0].projectionMissing = "electricity_mwh missing at FY2025"
    var s = Fixtures.state(120, 40)
    s.screen = .zoom(.operational)
    let t = Fixtures.draw(s, report: r)
    #expect(t.text.contains("projected: no projection: electricity_mwh missing at FY2025"))
  }

  /// Item 10: the bar list's values keep a gutter from the chart's axis labels, and both
  /// say what they show.
  @Test func scope3PlusBarsKeepAGutterFromTheAxis() {
    let tall = Fixtures.draw(Fixtures.state(120, 48))
    #expect(tall.text.contains("avoided FY2025 by entity"))
    #expect(tall.text.contains("cumulative avoided (axis: tCO2e)"))
    let t = Fixtures.draw(Fixtures.state(100, 30))
    guard let p = t.find("40.0 Mt") else {
      Issue.record("no bar value")
      return
    }
    let line = Array(t.line(p.y))
    let after = line[(p.x + 7)...]
    let spaces = after.prefix { $0 == " " }.count
    #expect(spaces >= 3, "\(t.line(p.y))")
  }

  /// Item 11: zoom screens have a legend naming the figure, the path, the projection and the
  /// year in progress, with samples that differ without colour.
  @Test(arguments: [true, false]) func zoomChartsHaveALegend(_ unicode: Bool) {
    var r = Fixtures.report()
    r.operational?.years[5].monthsCovered = 3
    r.operational?.years[5].netRunRate = 4.4e6
    // The Report's year in progress (CarbonKit's YearToDate): YTD 1.1 Mt over 3 months, so the
    // run-rate is 1.1 x 12 / 3 = 4.4 Mt; the chart marks both, and the legend explains both.
    var yip = YearInProgress(
      fy: FiscalYear(2026), through: YearMonth(year: 2025, month: 6), months: 3)
    var fig = YearInProgress.Figure(targetID: "ops-neutral", unit: "tCO2e")
    fig.ytd = 1.1e6
    fig.runRate = 4.4e6
    yip.operational = fig
    r.yearInProgress = yip
    var s = Fixtures.state(120, 40)
    s.screen = .zoom(.operational)
    s.monochrome = true
    let t = Fixtures.draw(s, report: r, unicode: unicode)
    guard let p = t.find("legend: ") else {
      Issue.record("no legend")
      return
    }
    let legend = t.line(p.y)
    #expect(legend.contains(" net"))
    #expect(legend.contains(" path to zero"))
    #expect(legend.contains(" projection"))
    #expect(legend.contains("FY2026 run-rate"))
    #expect(legend.contains("FY2026 YTD"))
    // The samples are drawn as the chart draws its lines: three different patterns.
    let parts = legend.split(separator: "  ").map(String.init)
    let samples = parts.compactMap { part -> String? in
      let words = part.split(separator: " ", omittingEmptySubsequences: true)
      return words.count >= 2 ? String(words[words.count - 2]) : nil
    }
    #expect(Set(samples).count >= 3, "\(legend)")
    // The two markers' own glyphs (GlyphSet.inProgressMarks), told apart in monochrome.
    let marks: [Character] = unicode ? ["\u{25CB}", "\u{25CF}"] : ["o", "@"]
    for mark in marks { #expect(legend.contains(mark)) }
    for z in [PanelID.valueChain, .scope3plus] {
      s.screen = .zoom(z)
      #expect(Fixtures.draw(s, report: r, unicode: unicode).text.contains("legend: "))
    }
  }

  /// Item 14: zoom 2 prints revenue in the report's number format, and has a Scope 3
  /// category-by-year table.
  @Test func zoomTwoNumbersAndCategoryByYear() {
    var r = Fixtures.report()
    r.valueChain?.years[3].categories[0] = 4.9e6
    r.valueChain?.years[4].categories[0] = 5.0e6
    r.valueChain?.years[4].categories[10] = 1.5e6
    r.valueChain?.years[0].revenue = 143015
    var s = Fixtures.state(120, 40)
    s.screen = .zoom(.valueChain)
    let t = Fixtures.draw(s, report: r)
    #expect(t.text.contains("143,015"))
    #expect(!t.text.contains("143015"))
    #expect(t.text.contains("categories by year"))
    s.table = 2
    let t2 = Fixtures.draw(s, report: r)
    let row = t2.text.split(separator: "\n").first { $0.contains("1 Purchased goods") } ?? ""
    #expect(row.contains("4.90 Mt") && row.contains("5.00 Mt"))
    #expect(t2.text.contains("11 Use of sold products"))
    #expect(t2.text.contains("FY2021"))
  }

  /// Item 16: a lever default resting on thin data carries a warning mark in the editor, and
  /// the selected lever's line says which years it comes from.
  @Test func thinDefaultsCarryAWarningMark() {
    var r = ScenarioFixtures.baseline()
    r.scenario.defaultBasis = [
      .avoidedGrowth: DefaultBasis(years: [FiscalYear(2024), FiscalYear(2025)], thin: true),
      .revenueGrowth: DefaultBasis(years: [FiscalYear(2021), FiscalYear(2025)], thin: false),
    ]
    var s = ScenarioFixtures.state(120, 40)
    s.leverSelection = Lever.allCases.firstIndex(of: .avoidedGrowth) ?? 0
    let t = ScenarioFixtures.draw(s, r)
    let avoidedRow = t.text.split(separator: "\n").first { $0.contains("avoided_growth") } ?? ""
    let revenueRow = t.text.split(separator: "\n").first { $0.contains("revenue_growth") } ?? ""
    #expect(avoidedRow.contains("!"))
    #expect(!revenueRow.contains("!"))
    if let p = t.find("! default from FY2024 and FY2025 only (thin data)") {
      #expect(t.style(p.x, p.y) == DefaultPalette().style(.warn))
    } else {
      Issue.record("no thin-data note: \(t.text)")
    }
  }

  /// Item 13: the drill-down behind a net figure lists the rows of every table behind it
  /// (value_chain.csv for an all-scopes target), columns size to their content, and
  /// Left/Right scroll the table horizontally to long text.
  @Test func drillDownCoversEveryTableAndScrolls() {
    var r = Fixtures.report()
    var d = Fixtures.dataset()
    let note = "supplier-specific method, spend-based for the rest; see the 2025 ESG report p. 88"
    d.valueChain = [
      ValueChainRow(
        period: .fiscalYear(FiscalYear(2025)), entity: "Alibaba Cloud", category: 1, tco2e: 500,
        dataQuality: note, source: SourceRef(file: "value_chain.csv", line: 4))
    ]
    // A Scope 1+2 target: operations.csv only.
    let ops = SourceRows.table(
      for: .operations(FiscalYear(2025)), dataset: d, entity: nil, report: r)
    #expect(ops.rows.map { $0.cells[0] } == ["operations.csv:3", "operations.csv:4"])
    // Scopes 1-3: value_chain.csv too.
    r.targets[0].scopes = [.one, .two, .three]
    let all = SourceRows.table(
      for: .operations(FiscalYear(2025)), dataset: d, entity: nil, report: r)
    #expect(
      all.rows.map { $0.cells[0] } == ["operations.csv:3", "operations.csv:4", "value_chain.csv:4"])
    // Columns as wide as their content: the source column fits "value_chain.csv:4" exactly,
    // the values column its longest cell.
    #expect(all.columns[0].width == "value_chain.csv:4".count)
    #expect(all.columns[3].width == all.rows.map { $0.cells[3].count }.max())
    // Left/Right scroll: the end of the note comes into view.
    let ctx = UpdateContext(report: r, dataset: d)
    var s = Fixtures.state(80, 24)
    s.screen = .drillDown(.operations(FiscalYear(2025)))
    s.history = [.overview]
    let before = Fixtures.draw(s, report: r, dataset: d)
    #expect(!before.text.contains("ESG report p. 88"))
    #expect(before.text.contains("Left/Right scroll"))
    for _ in 0..<6 { s = update(s, .key(.right), ctx).0 }
    #expect(s.hscroll > 0)
    let after = Fixtures.draw(s, report: r, dataset: d)
    #expect(after.text.contains("ESG report p. 88"))
    for _ in 0..<10 { s = update(s, .key(.left), ctx).0 }
    #expect(s.hscroll == 0)
  }

  /// Item 6: Tab skips a panel left out of the overview.
  @Test func focusSkipsPanelsLeftOut() {
    var r = Fixtures.report()
    r.scope3plus = nil
    r.targets.remove(at: 2)
    let ctx = UpdateContext(report: r, dataset: Fixtures.dataset())
    var s = Fixtures.state(100, 30)
    s.focus = .valueChain
    s = update(s, .key(.tab), ctx).0
    #expect(s.focus == .operational)
  }

  /// Item 7: the editor's outcome table names the missing input.
  @Test func editorNamesTheMissingInput() {
    var r = ScenarioFixtures.baseline()
    r.targets[0].outcome = Outcome(projectedAtBy: nil, met: nil, yearMet: nil, shortfall: nil)
    r.targets[0].projectionMissing = "electricity_mwh missing at FY2025"
    let t = ScenarioFixtures.draw(ScenarioFixtures.state(160, 40), r)
    #expect(t.text.contains("no projection: electricity_mwh"), "\(t.text)")
  }

  /// Item 14: zoom 1 prints PUE as the report does (Units.fixed, three decimals).
  @Test func zoomOnePUEAsTheReport() {
    var s = Fixtures.state(160, 40)
    s.screen = .zoom(.operational)
    let t = Fixtures.draw(s)
    let row =
      t.text.split(separator: "\n").first { $0.contains("FY2021") && $0.contains("Mt") } ?? ""
    #expect(row.hasSuffix("1.200┃") || row.contains(" 1.200"), "\(row)")
    #expect(Units.fixed(1.2, decimals: 3) == "1.200")
  }

  /// Item 13: Enter shows a drill-down row whole, wrapped; Esc hides it.
  @Test func enterShowsTheWholeRow() {
    let r = Fixtures.report()
    var d = Fixtures.dataset()
    let note = "supplier-specific method, spend-based for the rest; see the 2025 ESG report p. 88"
    d.valueChain = [
      ValueChainRow(
        period: .fiscalYear(FiscalYear(2025)), entity: "Alibaba Cloud", category: 1, tco2e: 500,
        dataQuality: note, source: SourceRef(file: "value_chain.csv", line: 4))
    ]
    let ctx = UpdateContext(report: r, dataset: d)
    var s = Fixtures.state(60, 24)
    s.screen = .drillDown(.category(1, FiscalYear(2025)))
    s.history = [.overview]
    #expect(!Fixtures.draw(s, report: r, dataset: d).text.contains("ESG report p. 88"))
    s = update(s, .key(.enter), ctx).0
    #expect(s.showRow)
    let t = Fixtures.draw(s, report: r, dataset: d)
    #expect(t.text.contains("row 1 of 1"))
    // Wrapped at word boundaries: the whole note is on screen.
    #expect(t.text.contains("spend-based for the rest; see the 2025 ESG report p."))
    #expect(t.text.contains("┃ 88 "))
    #expect(t.text.contains("source: value_chain.csv:4"))
    s = update(s, .key(.escape), ctx).0
    #expect(!s.showRow)
    #expect(s.screen == .drillDown(.category(1, FiscalYear(2025))))
  }
}
