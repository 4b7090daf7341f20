import CarbonKit
import CarbonTerminal
import CarbonText
import Testing

@testable import CarbonTUI

@Suite struct ScreenTests {
  let palette = DefaultPalette()

  @Test(arguments: [(80, 24), (160, 48), (120, 30)])
  func overview(_ w: Int, _ h: Int) {
    let t = Fixtures.draw(Fixtures.state(w, h))
    let text = t.text
    #expect(t.line(0).hasPrefix("carbontop  Alibaba Group  FY2025 (latest complete)"))
    #expect(t.line(0).hasSuffix("watching  12:03:04"))
    // Headings: the targets' titles (cut to fit) and scopes.
    #expect(text.contains("1 Carbon-neutral"))
    #expect(text.contains("(S1+2, by FY2030)"))
    #expect(text.contains("2 vc-intensity (S3, by FY2030)"))
    #expect(text.contains("never netted against the inventory"))
    // Net at L = FY2025: 4,450,000 t -> 4.45 Mt; path 2.53 Mt; intensity 8.10; cumulative
    // 5 + 12 + 17.4 + 33.3 + 59.2 = 126.9 Mt.
    #expect(text.contains("net 4.45 Mt  path 2.53 Mt  BEHIND"))
    #expect(text.contains("8.10 t/M CNY  target 4.11  BEHIND"))
    #expect(text.contains("cumulative 126.9 Mt of 1.50 Gt  8.4%"))
    #expect(text.contains("ON TRACK"))
    #expect(text.contains("clean electricity 39.0%"))
    #expect(text.contains("S2 market"))
    // The status word cell uses the bad role.
    if let p = t.find("BEHIND") {
      #expect(t.style(p.x, p.y) == palette.style(.bad))
    } else {
      Issue.record("no BEHIND")
    }
    if let p = t.find("ON TRACK") { #expect(t.style(p.x, p.y) == palette.style(.good)) }
    // Status bar: keys and the diagnostics count.
    let status = t.line(h - 1)
    #expect(status.contains("?:help"))
    #expect(status.contains("q:quit"))
    #expect(status.contains("1 error, 1 warning"))
    if let p = t.find("1 error") { #expect(t.style(p.x, p.y).fg == palette.style(.bad).fg) }
    // No raw escape or control character anywhere on the screen.
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    // Braille present for the charts.
    #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
  }

  @Test func wideShowsEveryTarget() {
    let text = Fixtures.draw(Fixtures.state(160, 48)).text
    #expect(text.contains("Alibaba Cloud all-scope"))
    #expect(text.contains("ACHIEVED"))
    #expect(text.contains("NO DATA"))
    #expect(text.contains("Evil\u{FFFD}]0;pwned\u{FFFD}"))
  }

  @Test func compactLayout() {
    let t = Fixtures.draw(Fixtures.state(50, 12))
    let text = t.text
    #expect(text.contains("BEHIND"))
    #expect(text.contains("net 4.45 Mt"))
    #expect(text.contains("cumulative"))
    #expect(!text.contains("terminal too small"))
    #expect(t.line(11).contains("?:help"))
  }

  @Test(arguments: [(39, 24), (80, 9), (10, 3), (1, 1)])
  func tooSmall(_ w: Int, _ h: Int) {
    let t = Fixtures.draw(Fixtures.state(w, h))
    if w >= 30 { #expect(t.text.contains("terminal too small: need 40x10")) }
    #expect(t.text.contains("terminal") || w < 12)
  }

  @Test func asciiGlyphs() {
    let t = Fixtures.draw(Fixtures.state(80, 24), unicode: false)
    #expect(t.text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(t.line(1).hasPrefix("# 1 Carbon-neutral ~ (S1+2, by FY2030)"))
    #expect(t.text.contains("+"))  // projection marks
    #expect(t.text.contains("BEHIND"))
  }

  @Test(arguments: [(80, 24), (160, 48), (50, 12)])
  func zoomScreens(_ w: Int, _ h: Int) {
    var s = Fixtures.state(w, h)
    s.screen = .zoom(.operational)
    var t = Fixtures.draw(s)
    if w >= 80 { #expect(t.text.contains("Carbon-neutral own operations (S1+2, by FY2030)")) }
    #expect(t.text.contains("[by fiscal year]") || h < 20)
    if h >= 24 {
      // FY in 11 + 1 space, net right-aligned in 9
      #expect(t.text.contains("FY2021        5.10 Mt"))
      #expect(t.text.contains("FY2026 YTD"))
    }
    s.screen = .zoom(.valueChain)
    s.table = 1
    t = Fixtures.draw(s)
    #expect(t.text.contains("[by Scope 3 category]") || h < 20)
    if h >= 24 { #expect(t.text.contains("Purchased goods")) }
    s.screen = .zoom(.scope3plus)
    s.table = 2
    t = Fixtures.draw(s)
    #expect(t.text.contains("never netted"))
    if h >= 24 {
      #expect(t.text.contains("[by program]"))
      #expect(t.text.contains("Recycling\u{FFFD}"))
      #expect(t.text.contains("12,345"))
      #expect(!t.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
  }

  @Test(arguments: [(80, 24), (160, 48), (50, 12)])
  func targetsScreen(_ w: Int, _ h: Int) {
    var s = Fixtures.state(w, h)
    s.screen = .targets
    let t = Fixtures.draw(s)
    #expect(t.text.contains("Targets"))
    for word in ["BEHIND", "ON TRACK", "ACHIEVED", "NO DATA"] where w >= 80 {
      #expect(t.text.contains(word))
    }
    if let p = t.find("ACHIEVED") { #expect(t.style(p.x, p.y) == palette.style(.good)) }
    if let p = t.find("NO DATA") { #expect(t.style(p.x, p.y) == palette.style(.muted)) }
    if w >= 160 { #expect(t.text.contains("1.92 Mt")) }
  }

  @Test(arguments: [(80, 24), (160, 48), (50, 12)])
  func diagnosticsScreen(_ w: Int, _ h: Int) {
    var s = Fixtures.state(w, h)
    s.screen = .diagnostics
    s.selection = 1  // the warning row is selected (reverse), the error row shows its role
    let t = Fixtures.draw(s)
    #expect(t.text.contains("operations.csv:14:3: error:"))
    #expect(t.text.contains("value_chain.csv:2:7: warning:"))
    if let p = t.find("operations.csv:14:3") { #expect(t.style(p.x, p.y) == palette.style(.bad)) }
    if let p = t.find("value_chain.csv:2:7") {
      #expect(t.style(p.x, p.y) == palette.style(.selection))
    }
  }

  @Test func diagnosticsEmpty() {
    var s = Fixtures.state(80, 24)
    s.screen = .diagnostics
    let t = Fixtures.draw(s, report: Fixtures.report(diagnostics: []))
    #expect(t.text.contains("no diagnostics"))
  }

  @Test func drillDownRows() {
    var s = Fixtures.state(160, 24)
    s.screen = .drillDown(.operations(FiscalYear(2025)))
    var t = Fixtures.draw(s)
    // With a March year end, FY2025 = 2024-04 .. 2025-03: lines 3 (FY2025) and 4 (2024-05),
    // not line 5 (2024-03, FY2024).
    #expect(t.text.contains("operations.csv:3"))
    #expect(t.text.contains("operations.csv:4"))
    #expect(!t.text.contains("operations.csv:5"))
    #expect(t.text.contains("scope1=7.5"))
    s.entity = "Cainiao"
    t = Fixtures.draw(s)
    #expect(!t.text.contains("operations.csv:3"))
    #expect(t.text.contains("operations.csv:4"))
    s.entity = nil
    s.screen = .drillDown(.program(entity: "Cainiao", program: "Recycling", FiscalYear(2025)))
    t = Fixtures.draw(s)
    // 19,200,000,000,000 mg... milliKg / 1e6 = 19,200,000 t.
    #expect(t.text.contains("events/2024.csv:2"))
    #expect(t.text.contains("avoided_tco2e=19200000"))
    #expect(t.text.contains("events=12345"))
    s.screen = .drillDown(.target("ops-neutral"))
    t = Fixtures.draw(s)
    #expect(t.text.contains("dataset.toml:7"))
    s.screen = .drillDown(.avoided(FiscalYear(2025)))
    t = Fixtures.draw(s, dataset: nil)
    #expect(t.text.contains("no dataset loaded"))
  }

  @Test func hooksAppearInTheFrame() {
    var s = Fixtures.state(160, 30)
    s.statusMessage = "reloaded operations.csv 12:03:04"
    s.loading = "reading events"
    s.progress = 0.5
    s.scenarioName = "clean80"
    s.entity = "Alibaba Cloud"
    s.asOf = FiscalYear(2023)
    s.changed = [.operationalNet]
    let t = Fixtures.draw(s)
    #expect(t.line(29).contains("reloaded operations.csv 12:03:04"))
    #expect(t.line(0).contains("reading events 50.0%"))
    #expect(t.line(0).contains("scenario: clean80"))
    #expect(t.line(0).contains("entity: Alibaba Cloud"))
    #expect(t.line(0).contains("as of FY2023"))
    if let p = t.find("4.45 Mt") {
      #expect(t.style(p.x, p.y) == palette.style(.changed))
    } else {
      Issue.record("no net")
    }
  }

  @Test func changedFiguresGetAnArrowAndInMonochromeAWord() {
    var s = Fixtures.state(100, 30)
    s.changed = [.operationalNet, .valueChainIntensity]
    s.changeDirections = [.operationalNet: -1, .valueChainIntensity: 1]
    var t = Fixtures.draw(s)
    #expect(t.text.contains("4.45 Mt \u{25BC}"))  // net went down
    #expect(t.text.contains("8.10 \u{25B2}"))  // intensity went up
    s.monochrome = true
    t = Fixtures.draw(s, unicode: false)
    #expect(t.text.contains("4.45 Mt v new"))
    #expect(t.text.contains("8.10 ^ new"))
  }

  @Test func locationBasisIsSaid() {
    // The user's choice (b) is said in the header.
    var s = Fixtures.state(120, 30)
    s.basis = .location
    #expect(Fixtures.draw(s).text.contains("S2 location (b)"))
  }

  @Test func panelSaysTheBasisTheFiguresUse() {
    // A headline target on the location basis: the panel's label is the Report's basis,
    // not a UI default ("S2 market" beside a location-basis net was the defect).
    var r = Fixtures.report()
    r.operational?.scope2Basis = .location
    let t = Fixtures.draw(Fixtures.state(120, 30), report: r).text
    #expect(t.contains("S2 location"))
    #expect(!t.contains("S2 market"))
    // Nothing toggled: the header says no basis of its own.
    #expect(!t.contains("(b)"))
  }

  @Test func panelReadsTheReportsFlags() {
    // The Report says the split was not reported (one entity gave only scope1_2 while another
    // gave the split, so scope1 is present): the panel says so. Offsets: the Report's flag.
    var r = Fixtures.report()
    let last = r.operational!.years.lastIndex(where: \.complete)!
    r.operational!.years[last].scope1 = 1e6
    r.operational!.years[last].scope12 = 2e6
    r.operational!.years[last].splitNotReported = true
    r.operational!.years[last].offsetsWarning = true
    func notes(_ r: Report) -> String {
      let m = PanelModels.model(
        .operational, report: r, dataset: nil, state: Fixtures.state(80, 24))
      return m.tail.flatMap { $0 }.map { seg -> String in
        if case .text(let t, _) = seg { return t }
        return ""
      }.joined()
    }
    #expect(notes(r).contains("S1/S2 split not reported"))
    #expect(notes(r).contains("offsets exceed removals+reductions"))
    // And without the flags, neither note, whatever the figures.
    r.operational!.years[last].splitNotReported = false
    r.operational!.years[last].offsetsWarning = false
    r.operational!.years[last].offsets = 9e9
    #expect(!notes(r).contains("split not reported"))
    #expect(!notes(r).contains("offsets exceed"))
  }

  @Test func wideCharactersKeepTheBorder() {
    // U+231A (watch) is two columns wide in the one width table (CellWidth): an entity named
    // with it must not push the panel's right border out of place.
    #expect(CellWidth.of("\u{231A}") == 2)
    #expect(TUIFormat.pad("\u{231A}x", to: 4) == "\u{231A}x ")
    let t = TestTerminal(width: 30, height: 6)
    let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: .unicode)
    let bars = BarList(items: [
      .init(label: "\u{231A}\u{231A}\u{231A} Logistics", value: 5, text: "5 t"),
      .init(label: "Cloud", value: 2, text: "2 t"),
    ])
    _ = PanelBox(title: "\u{231A} Watch \u{231A}\u{231A}", focused: false).draw(
      in: Rect(x: 0, y: 0, width: 30, height: 6), on: c)
    bars.draw(in: Rect(x: 1, y: 1, width: 28, height: 4), on: c)
    // Every row keeps its right border in the last column.
    for y in 1..<5 { #expect(t.cell(29, y) == "\u{2502}", "row \(y): \(t.line(y))") }
    #expect(t.cell(29, 0) == "\u{2510}")
  }

  @Test func missingSectionsSayNoTarget() {
    var r = Fixtures.report()
    r.operational = nil
    r.valueChain = nil
    r.scope3plus = nil
    let t = Fixtures.draw(Fixtures.state(80, 24), report: r, dataset: nil)
    #expect(t.text.contains("no neutrality target"))
    #expect(t.text.contains("no avoided target"))
  }

  @Test func resizeThenRender() {
    let ctx = Fixtures.context()
    var s = Fixtures.state(80, 24)
    s = update(s, .resize(Size(width: 30, height: 8)), ctx).0
    #expect(Fixtures.draw(s).text.contains("terminal too small: need 40x10"))
    s = update(s, .resize(Size(width: 160, height: 48)), ctx).0
    let t = Fixtures.draw(s)
    #expect(t.size == Size(width: 160, height: 48))
    #expect(t.text.contains("BEHIND"))
  }
}

/// Malformed ledger rows are left out of the sums, and the Scope 3+ panel says how many.
@Test func rejectedLedgerRowsAreShownOnTheScope3PlusPanel() {
  var s = Fixtures.state(160, 48)
  s.screen = .zoom(.scope3plus)
  var report = Fixtures.report()
  report.scope3plus?.eventRowsRead = 3501
  report.scope3plus?.eventRowsRejected = 2
  var t = Fixtures.draw(s, report: report)
  #expect(t.text.contains("2 event rows rejected"))
  s.screen = .overview
  s.size = Size(width: 100, height: 30)
  t = Fixtures.draw(s, report: report)
  #expect(t.text.contains("events: 2 of 3501 rows rejected (left out; D lists them)"))
}
