import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

/// Every event of the dashboard loop goes through `update`: loads, ticks and the results of
/// the app's commands change the state there, not in the app.
@Suite struct AppEventTests {
  let ctx = Fixtures.context()

  func on(_ s: UIState, _ e: AppEvent) -> UIState {
    let (next, commands) = update(s, e, ctx)
    #expect(commands.isEmpty)
    return next
  }

  @Test func loadsChangeTheStatusAndTheMarks() {
    var s = Fixtures.state(80, 24)
    s = on(
      s, .dataShown(DataShown(reason: "start", time: "12:00:00", first: true, hasErrors: true)))
    #expect(s.statusMessage == "the data has errors: D lists them")
    #expect(s.dataTime == "12:00:00")
    let key = FigureKey.target("ops")
    s = on(
      s,
      .dataShown(
        DataShown(
          reason: "operations.csv", time: "12:01:02", first: false, hasErrors: false,
          changes: [key: 1])))
    #expect(s.statusMessage == "reloaded operations.csv 12:01:02")
    #expect(s.changed == [key])
    #expect(s.changeDirections == [key: 1])
    s = on(s, .changeMarksExpired)
    #expect(s.changed.isEmpty)
    s = on(s, .dataKept(DataKept(brokenFiles: ["a.csv", "b.csv"], noData: false, first: false)))
    #expect(s.statusMessage == "errors in a.csv, b.csv: showing the data of 12:01:02; D lists them")
    #expect(s.screen == .overview)
  }

  @Test func nothingReadableAtStartOpensTheDiagnostics() {
    let s = on(
      Fixtures.state(80, 24), .dataKept(DataKept(brokenFiles: [], noData: true, first: true)))
    #expect(s.screen == .diagnostics)
    #expect(s.statusMessage == "the dataset cannot be read: D lists the errors")
  }

  @Test func clockLoadingThemeAndScenarioResults() {
    var s = Fixtures.state(80, 24)
    s = on(s, .clock("12:34", now: 1_700_000_040))
    #expect(s.clock == "12:34" && s.now == 1_700_000_040)
    s = on(s, .loading("reading", progress: 0.5))
    #expect(s.loading == "reading" && s.progress == 0.5)
    s = on(s, .themeApplied(name: "light", problem: nil, announce: true))
    #expect(s.statusMessage == "theme light")
    s = on(s, .themeApplied(name: "x", problem: "bad colour", announce: false))
    #expect(s.statusMessage == "theme x: bad colour (using the default theme)")
    let sc = Scenario(name: "fast", description: nil, levers: [.scope1Change: -0.1])
    s = on(s, .scenarioOpened(sc, warnings: 0))
    #expect(s.scenarioName == "fast" && s.scenarioLevers == sc.levers)
    s = on(s, .scenarioSaveDone(sc, .saved(file: "fast.toml", clock: "12:35:00")))
    #expect(s.statusMessage == "saved fast.toml 12:35:00" && !s.scenarioModified)
    s = on(s, .scenariosListed(["a", "b"]))
    #expect(s.savedScenarios == ["a", "b"])
    s = on(s, .started(monochrome: true, watchText: "polling 2s"))
    #expect(s.monochrome && s.watchText == "polling 2s")
  }

  @Test func tablesAreBuiltOncePerState() {
    let empty = ReportBuilder.build(
      dataset: Dataset(organization: Organization(name: "x")), scenario: nil)
    var memo = ScreenTableMemo()
    var s = Fixtures.state(100, 30)
    s.screen = .zoom(.valueChain)
    let r = Fixtures.report()
    let a = memo.tables(for: s, report: r, dataset: Fixtures.dataset())
    #expect(a.count == 3)  // by year, by category, categories by year
    // The same state with another Report object: the memo's tables (no rebuild).
    let b = memo.tables(for: s, report: empty, dataset: nil)
    #expect(b.map(\.rows) == a.map(\.rows))
    memo.reportChanged()
    #expect(memo.tables(for: s, report: empty, dataset: nil).map(\.rows) != a.map(\.rows))
  }
}
