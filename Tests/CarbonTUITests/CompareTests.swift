import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct CompareTests {
  func row(_ t: TestTerminal, _ s: String) -> String { t.find(s).map { t.line($0.y) } ?? "" }

  /// The years table's row of a fiscal year (starting just inside the box).
  func yearRow(_ t: TestTerminal, _ fy: String) -> String {
    (0..<t.size.height).map(t.line).first { $0.dropFirst().hasPrefix(fy + " ") } ?? ""
  }

  func state(_ w: Int, _ h: Int, baseline: Bool = true) -> UIState {
    var s = ScenarioFixtures.state(w, h)
    s.screen = .compare
    s.scenarioName = "clean80"
    s.scenarioLevers = [.cleanShareTarget: 0.8, .avoidedGrowth: 0.2]
    if baseline { s.baseline = ScenarioFixtures.baseline() }
    return s
  }

  @Test func targetsSideBySide() {
    let t = ScenarioFixtures.draw(state(80, 24), ScenarioFixtures.scenario())
    #expect(t.line(1).contains("Compare: baseline vs scenario clean80"))
    #expect(t.line(2).contains("levers set: clean electricity at FY2030 80.0% (default 52.0%)"))
    // Baseline, then scenario (short statements at 80 columns; the year is in "by").
    let ops = row(t, "Carbon-neutral own")
    #expect(ops.contains("FY2030 missed by 2.95 Mt"))
    #expect(ops.contains("met in FY2029"))
    #expect(row(t, "vc-intensity").contains("missed by 1.71 t/M CNY  missed by 0.250 t/M CNY"))
    let av = row(t, "scope3plus")
    #expect(av.contains("FY2035 met in FY2033"))
    #expect(av.contains("missed by 300.0 Mt"))
  }

  @Test func yearByYear() {
    let t = ScenarioFixtures.draw(state(160, 48), ScenarioFixtures.scenario())
    #expect(t.text.contains("avoided emissions growth +20.00%/yr (default +77.60%)"))
    // Net: baseline 4.45 - 0.3 = 4.15 Mt, scenario 4.45 - 0.91 = 3.54 Mt at FY2026;
    // FY2030: 4.45 - 1.5 = 2.95 Mt and 4.45 - 4.55 = -0.10 Mt = -100.0 kt.
    // Intensity: 8.1 - 0.5 = 7.60 in both (same projection list).
    // Cumulative avoided, Cum(L) = 126.9 Mt, A(L) = 59.2 Mt:
    //   baseline g = 0.776: 126.9 + 59.2 x 1.776 = 232.0392 -> 232.0 Mt;
    //   scenario g = 0.2:   126.9 + 59.2 x 1.2 = 197.94 -> 197.9 Mt;
    //   FY2027 scenario: 197.94 + 59.2 x 1.44 = 283.188 -> 283.2 Mt.
    let y26 = yearRow(t, "FY2026")
    for cell in ["4.15 Mt", "3.54 Mt", "7.60", "232.0 Mt", "197.9 Mt"] {
      #expect(y26.contains(cell), "\(cell)")
    }
    #expect(yearRow(t, "FY2027").contains("283.2 Mt"))
    let y30 = yearRow(t, "FY2030")
    #expect(y30.contains("2.95 Mt"))
    #expect(y30.contains("-100.0 kt"))
    // Years past the neutrality and intensity targets: only the avoided projection.
    #expect(yearRow(t, "FY2035").contains("-"))
    // The full-width statements when wide.
    #expect(row(t, "Carbon-neutral own operations").contains("missed by 2.95 Mt at FY2030"))
    // A changed scenario cell is drawn in the projection role.
    if let p = t.find("3.54 Mt") {
      #expect(t.style(p.x, p.y) == DefaultPalette().style(.chartProjection))
    }
  }

  @Test func avoidedProjectionByHand() {
    // 126.9 + 59.2 x 1.2 = 197.94; + 59.2 x 1.44 = 283.188 (Mt).
    let p = CompareView.avoidedProjection(ScenarioFixtures.scenario())
    #expect(abs((p[FiscalYear(2026)] ?? 0) - 197.94e6) < 1)
    #expect(abs((p[FiscalYear(2027)] ?? 0) - 283.188e6) < 1)
    #expect(p.keys.sorted() == (2026...2035).map(FiscalYear.init))
  }

  @Test func withoutABaseline() {
    // A scenario without the app's baseline yet: baseline cells are "-".
    let t = ScenarioFixtures.draw(state(120, 30, baseline: false), ScenarioFixtures.scenario())
    #expect(t.line(1).contains("baseline not computed yet"))
    let ops = row(t, "Carbon-neutral own operations")
    #expect(ops.contains("FY2030 -"))
    #expect(ops.contains("met in FY2029"))
    // No scenario at all: the Report is the baseline, both sides the same.
    var s = ScenarioFixtures.state(120, 30)
    s.screen = .compare
    let n = ScenarioFixtures.draw(s)
    #expect(n.text.contains("no levers set: the scenario is the baseline"))
    #expect(
      row(n, "Carbon-neutral own operations").components(separatedBy: "missed by 2.95 Mt").count
        == 3)
  }

  @Test func scrollsTheYears() {
    let r = ScenarioFixtures.scenario()
    let ctx = ScenarioFixtures.context(r)
    var s = state(80, 24)
    // 10 years (FY2026-FY2035); the rows visible at 80x24 come from the layout.
    let visible = CompareView.yearTableVisible(s, report: r)
    let n = CompareView.yearRows(report: r, baseline: s.baseline, state: s).count
    #expect(n == 10)
    for _ in 0..<20 { s = update(s, .key(.down), ctx).0 }
    #expect(s.scroll == max(0, n - visible))
    s = update(s, .key(.home), ctx).0
    #expect(s.scroll == 0)
    // Narrow and small terminals draw without trouble.
    for (w, h) in [(50, 12), (40, 10), (200, 60)] {
      var x = state(w, h)
      x.scroll = 3
      #expect(ScenarioFixtures.draw(x, r).text.contains("Compare"))
    }
  }
}
