import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct UpdateTests {
  let ctx = Fixtures.context()

  func press(_ s: UIState, _ k: Key) -> (UIState, [AppCommand]) { update(s, .key(k), ctx) }

  @Test func quitAndTheme() {
    let s = Fixtures.state(80, 24)
    #expect(press(s, .char("q")).1 == [.quit])
    #expect(press(s, .ctrl("c")).1 == [.quit])
    #expect(press(s, .char("t")).1 == [.nextTheme])
    #expect(press(s, .char("s")).0.screen == .scenarioEditor)
    #expect(press(s, .char("z")).1 == [])
  }

  /// A hung-up terminal ends the dashboard as q does, from any screen, even in the editor's
  /// typing mode or under the help.
  @Test func hangupQuits() {
    var s = Fixtures.state(80, 24)
    #expect(update(s, .hangup, ctx).1 == [.quit])
    s.showHelp = true
    s.screen = .scenarioEditor
    #expect(update(s, .hangup, ctx).1 == [.quit])
  }

  @Test func zoomAndBack() {
    var s = Fixtures.state(80, 24)
    s = press(s, .char("2")).0
    #expect(s.screen == .zoom(.valueChain))
    #expect(s.focus == .valueChain)
    s = press(s, .tab).0
    #expect(s.table == 1)
    s = press(s, .escape).0
    #expect(s.screen == .overview)
    s = press(s, .tab).0
    #expect(s.focus == .scope3plus)
    s = press(s, .enter).0
    #expect(s.screen == .zoom(.scope3plus))
  }

  @Test func yearCursorRecomputes() {
    // Complete years FY2021...FY2025; latest = FY2025 (asOf nil).
    var s = Fixtures.state(80, 24)
    #expect(ctx.years == (2021...2025).map(FiscalYear.init))
    var (n, cmds) = press(s, .char("]"))
    #expect(cmds.isEmpty)
    (s, cmds) = press(s, .char("["))
    #expect(s.asOf == FiscalYear(2024))
    #expect(cmds == [.recompute(asOf: FiscalYear(2024), entity: nil, basis: nil)])
    (s, cmds) = press(s, .char("["))
    #expect(s.asOf == FiscalYear(2023))
    (n, cmds) = press(s, .char("]"))
    #expect(n.asOf == FiscalYear(2024))
    (n, cmds) = press(n, .char("]"))
    #expect(n.asOf == nil)
    #expect(cmds == [.recompute(asOf: nil, entity: nil, basis: nil)])
    s.asOf = FiscalYear(2021)
    #expect(press(s, .char("[")).1.isEmpty)
  }

  @Test func yearCursorNeverChangesTheBasis() {
    // With nothing toggled, moving the year and back asks for the targets' own basis (nil),
    // so a location-basis target is never recomputed on the market basis.
    var s = Fixtures.state(80, 24)
    var cmds: [AppCommand]
    (s, cmds) = press(s, .char("["))
    #expect(cmds == [.recompute(asOf: FiscalYear(2024), entity: nil, basis: nil)])
    (s, cmds) = press(s, .char("]"))
    #expect(cmds == [.recompute(asOf: nil, entity: nil, basis: nil)])
    #expect(s.basis == nil)
  }

  @Test func basisToggleStartsFromTheTargetsBasis() {
    // The target is on the location basis: b switches the figures to market.
    var r = Fixtures.report()
    r.operational?.scope2Basis = .location
    let c = Fixtures.context(r)
    let (s, cmds) = update(Fixtures.state(80, 24), .key(.char("b")), c)
    #expect(s.basis == .market)
    #expect(cmds == [.recompute(asOf: nil, entity: nil, basis: .market)])
  }

  @Test func entityCycleAndBasis() {
    // Entities from the dataset: Alibaba Cloud, Cainiao (UTF-8 byte order).
    #expect(ctx.entities == ["Alibaba Cloud", "Cainiao"])
    var s = Fixtures.state(80, 24)
    var cmds: [AppCommand]
    (s, cmds) = press(s, .char("e"))
    #expect(s.entity == "Alibaba Cloud")
    #expect(cmds == [.recompute(asOf: nil, entity: "Alibaba Cloud", basis: nil)])
    (s, _) = press(s, .char("e"))
    #expect(s.entity == "Cainiao")
    (s, _) = press(s, .char("e"))
    #expect(s.entity == nil)
    (s, cmds) = press(s, .char("b"))
    #expect(s.basis == .location)
    #expect(cmds == [.recompute(asOf: nil, entity: nil, basis: .location)])
  }

  @Test func scrollingClampsAndPages() {
    var s = Fixtures.state(80, 24)
    s = press(s, .char("1")).0
    // Operational table: 6 years + 5 projection rows = 11 rows.
    for _ in 0..<20 { s = press(s, .down).0 }
    #expect(s.selection == 10)
    s = press(s, .home).0
    #expect(s.selection == 0)
    s = press(s, .end).0
    #expect(s.selection == 10)
    s = press(s, .pageUp).0
    #expect(s.selection < 10)
    s = press(s, .up).0
    #expect(s.selection >= 0)
  }

  @Test func drillDownFromOverviewAndTable() {
    var s = Fixtures.state(80, 24)
    s = press(s, .char("d")).0
    #expect(s.screen == .drillDown(.operations(FiscalYear(2025))))
    s = press(s, .escape).0
    #expect(s.screen == .overview)
    s = press(s, .char("3")).0
    s = press(s, .tab).0
    s = press(s, .tab).0
    s = press(s, .down).0
    s = press(s, .enter).0
    #expect(
      s.screen
        == .drillDown(
          .program(entity: "Cainiao\u{1B}[2J", program: "Recycling\u{7}", FiscalYear(2025))))
    s = press(s, .escape).0
    #expect(s.screen == .zoom(.scope3plus))
    // Projection rows drill nowhere.
    s = Fixtures.state(80, 24)
    s = press(s, .char("1")).0
    s = press(s, .end).0
    #expect(press(s, .char("d")).0.screen == .zoom(.operational))
  }

  @Test func targetsAndDiagnosticsScreens() {
    var s = Fixtures.state(80, 24)
    s = press(s, .char("T")).0
    #expect(s.screen == .targets)
    s = press(s, .char("D")).0
    #expect(s.screen == .diagnostics)
    s = press(s, .escape).0
    #expect(s.screen == .targets)
    s = press(s, .enter).0
    #expect(s.screen == .drillDown(.target("ops-neutral")))
  }

  @Test func helpOverlayCapturesKeys() {
    var s = Fixtures.state(80, 24)
    s = press(s, .char("?")).0
    #expect(s.showHelp)
    // Keys other than quit, help, back and scrolling do nothing while help is open.
    let (n, cmds) = press(s, .char("2"))
    #expect(n.screen == .overview && cmds.isEmpty)
    s = press(s, .down).0
    #expect(s.helpScroll == 1)
    #expect(press(s, .char("q")).1 == [.quit])
    s = press(s, .escape).0
    #expect(!s.showHelp)
  }

  @Test func mouseFocusZoomWheel() {
    var s = Fixtures.state(80, 24)
    let layout = Layout.overview(s.size, targetCount: 5)
    let vc = layout.panels[1]
    s = update(s, .mouse(.left, x: vc.x + 3, y: vc.y + 2), ctx).0
    #expect(s.focus == .valueChain)
    #expect(s.screen == .overview)
    s = update(s, .mouse(.left, x: vc.x + 3, y: vc.y + 2), ctx).0
    #expect(s.screen == .zoom(.valueChain))
    s = update(s, .mouse(.wheelDown, x: 5, y: 20), ctx).0
    #expect(s.selection == 3)
    // Click on a table row: the first row below the header.
    let table = Layout.zoom(s.size).table
    s = update(s, .mouse(.left, x: table.x + 1, y: table.y + 2), ctx).0
    #expect(s.selection == 1)
    // Disabled with --no-mouse.
    var off = Fixtures.state(80, 24)
    off.mouseEnabled = false
    #expect(update(off, .mouse(.left, x: vc.x + 3, y: vc.y + 2), ctx).0 == off)
  }

  @Test func changedFiguresBetweenReports() {
    let a = Fixtures.report()
    var b = a
    b.operational?.years[4].net = 4.0e6
    b.targets[1].status = .onTrack
    let c = FigureKey.changes(from: a, to: b)
    #expect(c == [.operationalNet, .target("vc-intensity")])
    #expect(FigureKey.changes(from: a, to: a).isEmpty)
  }

  @Test func glyphChoice() {
    #expect(GlyphSet.choose(terminalUnicode: true, asciiFlag: false) == .unicode)
    #expect(GlyphSet.choose(terminalUnicode: true, asciiFlag: true) == .ascii)
    #expect(GlyphSet.choose(terminalUnicode: false, asciiFlag: false) == .ascii)
  }
}
