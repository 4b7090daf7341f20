import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct ScenarioScreenTests {
  let palette = DefaultPalette()

  /// The screen row holding `s`, or "".
  func row(_ t: TestTerminal, _ s: String) -> String { t.find(s).map { t.line($0.y) } ?? "" }

  @Test func editorAt80x24() {
    var s = ScenarioFixtures.state(80, 24)
    s.scenarioName = "clean80"
    s.scenarioLevers = [.cleanShareTarget: 0.8, .avoidedGrowth: 0.2]
    s.leverSelection = 3
    let t = ScenarioFixtures.draw(s, ScenarioFixtures.scenario())
    let text = t.text
    #expect(t.line(0).contains("scenario: clean80"))
    #expect(t.line(1).contains("Scenario editor: clean80"))
    // Value in effect, default, unit; percentages for fractions, two decimals for rates.
    #expect(row(t, "Scope 1 change").contains("-3.17%     -3.17% %/yr"))
    #expect(row(t, "clean electricity at FY2030").contains("80.0%      52.0% %        set"))
    #expect(row(t, "removals per year").contains("120,000    120,000 tCO2e/yr"))
    #expect(row(t, "avoided emissions growth").contains("+20.00%    +77.60% %/yr     set"))
    // Scope 3 change has no default: "-".
    #expect(row(t, "Scope 3 change").contains("-          - %/yr"))
    // The selected lever is drawn in the selection role.
    if let p = t.find("clean electricity at FY2030") {
      #expect(t.style(p.x, p.y) == palette.style(.selection))
    }
    // Every target: history status and projected outcome, distinct.
    #expect(row(t, "Carbon-neutral own operations").contains("BEHIND   met in FY2029"))
    #expect(row(t, "vc-intensity").contains("BEHIND   missed by 0.250 t/M CNY at FY2030"))
    #expect(row(t, "scope3plus").contains("ON TRACK missed by 300.0 Mt at FY2035"))
    #expect(text.contains("projected (scenario)"))
    if let p = t.find("met in FY2029") { #expect(t.style(p.x, p.y) == palette.style(.good)) }
    // The selected lever's meaning and the keys.
    #expect(text.contains("clean electricity share reached at T"))
    #expect(t.line(23).contains("Esc:back"))
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func editorWide() {
    var s = ScenarioFixtures.state(160, 48)
    s.scenarioLevers = [.cleanShareTarget: 0.8, .avoidedGrowth: 0.2]
    s.baseline = ScenarioFixtures.baseline()
    let t = ScenarioFixtures.draw(s, ScenarioFixtures.scenario(name: nil))
    #expect(t.line(0).contains("scenario: unsaved"))
    #expect(row(t, "clean electricity at FY2030").contains("clean_share_target"))
    #expect(t.text.contains("baseline (no scenario)"))
    let ops = row(t, "Carbon-neutral own operations")
    #expect(ops.contains("met in FY2029"))
    #expect(ops.contains("missed by 2.95 Mt at FY2030"))
  }

  @Test(arguments: [(50, 12), (40, 10), (100, 30)])
  func editorSmallAndMedium(_ w: Int, _ h: Int) {
    let t = ScenarioFixtures.draw(ScenarioFixtures.state(w, h))
    #expect(t.text.contains("Scope 1 change"))
    #expect(t.text.contains("Scenario editor"))
  }

  @Test func inputLine() {
    var s = ScenarioFixtures.state(80, 24)
    s.leverSelection = 3
    s.input = ScenarioInput(purpose: .value(.cleanShareTarget), text: "8o")
    var t = ScenarioFixtures.draw(s)
    #expect(t.line(20).contains("clean electricity at FY2030 in % (default 52.0%): 8o_"))
    #expect(t.line(21).contains("Enter sets it, Esc cancels"))
    s.input?.error = "\"8o\" is not a number"
    t = ScenarioFixtures.draw(s)
    #expect(t.line(21).contains("\"8o\" is not a number"))
    if let p = t.find("\"8o\" is not") { #expect(t.style(p.x, p.y) == palette.style(.warn)) }
    s.leverSelection = 4
    s.input = ScenarioInput(purpose: .value(.removalsPerYear))
    #expect(ScenarioFixtures.draw(s).line(20).contains("removals per year in tCO2e/yr"))
    s.input = ScenarioInput(purpose: .saveName, text: "my plan", error: "a space is not allowed")
    t = ScenarioFixtures.draw(s)
    #expect(t.line(20).contains("save as scenarios/NAME.toml, NAME: my plan_"))
    #expect(t.line(21).contains("a space is not allowed"))
  }

  @Test func headerName() {
    var s = Fixtures.state(120, 30)
    s.scenarioName = "clean80"
    s.scenarioModified = true
    #expect(Fixtures.draw(s).line(0).contains("scenario: clean80*"))
    s.scenarioName = nil
    s.scenarioLevers = [.scope1Change: -0.05]
    #expect(Fixtures.draw(s).line(0).contains("scenario: unsaved"))
    s.scenarioLevers = [:]
    #expect(!Fixtures.draw(s).line(0).contains("scenario"))
    // At 80 columns the name still shows.
    var n = Fixtures.state(80, 24)
    n.scenarioName = "clean80"
    #expect(Fixtures.draw(n).line(0).contains("scenario: clean80"))
  }

  @Test func scenarioList() {
    var s = ScenarioFixtures.state(80, 24)
    s.screen = .scenarioList
    var t = ScenarioFixtures.draw(s)
    #expect(t.text.contains("no saved scenarios in scenarios/ (w in the editor saves one)"))
    s.savedScenarios = ["alpha", "clean80"]
    s.selection = 1
    t = ScenarioFixtures.draw(s)
    #expect(t.text.contains("2 saved in scenarios/"))
    if let p = t.find("clean80") { #expect(t.style(p.x, p.y) == palette.style(.selection)) }
    #expect(t.line(23).contains("Enter:open"))
  }

  @Test func statusMessageFromTheApp() {
    var s = ScenarioFixtures.state(80, 24)
    s.statusMessage = "scenarios/x.toml:3:1: error: levers.foo: unknown lever"
    #expect(ScenarioFixtures.draw(s).line(23).contains("unknown lever"))
  }

  @Test func outcomeStatements() {
    let r = ScenarioFixtures.scenario()
    // Hand-set outcomes: ops met in FY2029; intensity short 0.25; avoided short 3e8 t.
    #expect(ScenarioText.outcome(r.targets[0]) == "met in FY2029")
    #expect(
      ScenarioText.outcome(r.targets[1], intensityUnit: "t/M CNY")
        == "missed by 0.250 t/M CNY at FY2030")
    #expect(ScenarioText.outcome(r.targets[2]) == "missed by 300.0 Mt at FY2035")
    #expect(ScenarioText.outcome(r.targets[2], short: true) == "missed by 300.0 Mt")
    // Hand-set: no outcome and no reason in the Report.
    #expect(ScenarioText.outcome(r.targets[3]) == "no projection: data missing")
    var missing = r.targets[3]
    missing.projectionMissing = "electricity_mwh missing at FY2023"
    #expect(ScenarioText.outcome(missing) == "no projection: electricity_mwh missing at FY2023")
    var t = r.targets[0]
    t.outcome = Outcome(projectedAtBy: 1.2e6, met: false, yearMet: nil, shortfall: 1.2e6)
    #expect(ScenarioText.outcome(t) == "missed by 1.20 Mt at FY2030")
    t.outcome = Outcome(projectedAtBy: 950, met: false, yearMet: nil, shortfall: 950)
    #expect(ScenarioText.outcome(t) == "missed by 950 t at FY2030")
    // Met with no year (judged on actual figures): met by T.
    t.outcome = Outcome(projectedAtBy: -1, met: true, yearMet: nil, shortfall: 0)
    #expect(ScenarioText.outcome(t) == "met by FY2030")
  }

  @Test func everyPanelStatesTheOutcome() {
    // Without a scenario: the baseline outcomes, beside the history statuses.
    let base = Fixtures.draw(Fixtures.state(80, 24), report: ScenarioFixtures.baseline()).text
    #expect(base.contains("projected: missed by 2.95 Mt"))
    #expect(base.contains("projected: missed by 1.71 t/M CNY"))
    #expect(base.contains("projected: met in FY2033"))
    #expect(base.contains("net 4.45 Mt  path 2.53 Mt  BEHIND"))
    // With a scenario: the outcome follows it, the status stays.
    var s = Fixtures.state(80, 24)
    s.scenarioName = "clean80"
    let t = Fixtures.draw(s, report: ScenarioFixtures.scenario())
    #expect(t.text.contains("scenario: met in FY2029"))
    #expect(t.text.contains("scenario: missed by 0.250 t/M CNY"))
    #expect(t.text.contains("net 4.45 Mt  path 2.53 Mt  BEHIND"))
    #expect(t.text.contains("scenario: missed by 300.0 Mt"))
    // Compact boxes of three lines: still one outcome line per panel.
    let c = Fixtures.draw(Fixtures.state(70, 20), report: ScenarioFixtures.baseline()).text
    #expect(c.contains("projected: missed by 2.95 Mt"))
    #expect(c.contains("projected: missed by 1.71 t/M CNY"))
    #expect(c.contains("projected: met in FY2033"))
    // Zoom.
    var z = Fixtures.state(80, 24)
    z.screen = .zoom(.operational)
    #expect(
      Fixtures.draw(z, report: ScenarioFixtures.baseline()).text.contains(
        "projected: missed by 2.95 Mt"))
  }

  @Test func projectionDiffersWithoutColour() {
    // History, path and projection over the same cells: each kind has its own glyph in the
    // ASCII and block modes, and a dash pattern in braille.
    let series = [
      ChartSeries(kind: .history, points: [.init(x: 0, y: 10), .init(x: 4, y: 10)]),
      ChartSeries(kind: .projection, points: [.init(x: 0, y: 5), .init(x: 4, y: 5)]),
      ChartSeries(kind: .path, points: [.init(x: 0, y: 0), .init(x: 4, y: 0)]),
    ]
    for (mode, g) in [(GlyphSet.ChartMode.ascii, GlyphSet.ascii), (.block, .blocks)] {
      let grid = LineChart.rasterize(
        series, xRange: 0...4, yRange: 0...10, width: 5, height: 3, mode: mode, glyphs: g)
      let chars = grid.map { $0.map { $0?.character ?? " " } }
      #expect(chars[1].allSatisfy { $0 == g.projectionMark })
      #expect(chars[2].allSatisfy { $0 == g.pathMark })
      #expect(!chars[0].contains(g.projectionMark))
    }
    // Braille: 20 columns of dots; the solid history sets every one, the dashed projection
    // (2 on, 2 off) about half.
    let grid = LineChart.rasterize(
      series, xRange: 0...4, yRange: 0...10, width: 10, height: 3, mode: .braille,
      glyphs: .unicode)
    func dots(_ row: Int) -> Int {
      grid[row].reduce(0) { n, cell in
        n
          + (cell.map { ($0.character.unicodeScalars.first?.value ?? 0x2800) - 0x2800 }?
            .nonzeroBitCount ?? 0)
      }
    }
    #expect(dots(1) < dots(0))
  }
}
