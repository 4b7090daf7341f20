import CarbonKit
import CarbonTerminal
import Testing

@testable import CarbonTUI

@Suite struct WidgetTests {
  @Test func brailleDiagonalHandWorked() {
    // One cell = 2x4 dots. (0,0) -> dot (0,3); (1,1) -> dot (1,0). The line steps through
    // n = 3 dots: (0,3), (round(1/3)=0, 2), (round(2/3)=1, 1), (1,0).
    // Bits: (0,3)=0x40, (0,2)=0x04, (1,1)=0x10, (1,0)=0x08 -> 0x5C -> U+285C.
    let s = ChartSeries(kind: .history, points: [.init(x: 0, y: 0), .init(x: 1, y: 1)])
    let g = LineChart.rasterize(
      [s], xRange: 0...1, yRange: 0...1, width: 1, height: 1, mode: .braille, glyphs: .unicode)
    #expect(g.count == 1)
    #expect(g[0][0]?.character == "\u{285C}")
    #expect(g[0][0]?.kind == .history)
  }

  @Test func projectionIsDashedInBraille() {
    // A flat line at the top over 4 cells = 8 dot columns. History: every dot -> 0x01|0x08
    // = U+2809 in all cells. Projection: dots on where step % 4 < 2 -> x = 0,1,4,5 -> cells
    // 0 and 2 only.
    let pts: [ChartPoint] = [.init(x: 0, y: 1), .init(x: 1, y: 1)]
    let h = LineChart.rasterize(
      [ChartSeries(kind: .history, points: pts)], xRange: 0...1, yRange: 0...1, width: 4, height: 1,
      mode: .braille,
      glyphs: .unicode)
    #expect(h[0].map { $0?.character } == ["\u{2809}", "\u{2809}", "\u{2809}", "\u{2809}"])
    let p = LineChart.rasterize(
      [ChartSeries(kind: .projection, points: pts)], xRange: 0...1, yRange: 0...1, width: 4,
      height: 1,
      mode: .braille, glyphs: .unicode)
    #expect(p[0].map { $0?.character } == ["\u{2809}", nil, "\u{2809}", nil])
  }

  @Test func asciiAndBlockMarksDifferBySeries() {
    let hist = ChartSeries(kind: .history, points: [.init(x: 0, y: 0), .init(x: 1, y: 0)])
    let proj = ChartSeries(kind: .projection, points: [.init(x: 1, y: 1), .init(x: 2, y: 1)])
    // ASCII, 3x2 cells over x 0...2, y 0...1: history on the bottom row at x 0,1 (cells 0..1),
    // projection on the top row at cells 1..2.
    let a = LineChart.rasterize(
      [hist, proj], xRange: 0...2, yRange: 0...1, width: 3, height: 2, mode: .ascii, glyphs: .ascii)
    #expect(a[1].map { $0?.character } == ["*", "*", nil])
    #expect(a[0].map { $0?.character } == [nil, "+", "+"])
    // Block: history in the lower half of the bottom row -> "▄"; projection cells "▒".
    let b = LineChart.rasterize(
      [hist, proj], xRange: 0...2, yRange: 0...1, width: 3, height: 2, mode: .block,
      glyphs: .unicode)
    #expect(b[1][0]?.character == "▄")
    #expect(b[0][2]?.character == "▒")
  }

  @Test func gaugeParts() {
    // 0.39 of 10 cells in eighths: round(0.39 x 80) = 31 = 3 full + 7/8 (▉), then 6 empty.
    let u = Gauge.parts(fraction: 0.39, width: 10, glyphs: .unicode)
    #expect(u.filled == "███▉")
    #expect(u.empty == "░░░░░░")
    // ASCII: round(3.9) = 4 full.
    let a = Gauge.parts(fraction: 0.39, width: 10, glyphs: .ascii)
    #expect(a.filled == "####")
    #expect(a.empty == "------")
    #expect(Gauge.parts(fraction: 1.7, width: 4, glyphs: .ascii).filled == "####")
    #expect(Gauge.parts(fraction: nil, width: 3, glyphs: .ascii).empty == "---")
  }

  @Test func panelBoxTitleAndFocus() {
    let t = TestTerminal(width: 20, height: 4)
    let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: .unicode)
    let inner = PanelBox(title: "Ops", focused: true).draw(
      in: Rect(x: 0, y: 0, width: 20, height: 4), on: c)
    #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
    #expect(t.line(0).hasPrefix("┏ Ops ━"))
    #expect(t.style(0, 0) == DefaultPalette().style(.borderFocus))
    let a = TestTerminal(width: 10, height: 3)
    PanelBox(title: "X").draw(
      in: Rect(x: 0, y: 0, width: 10, height: 3),
      on: Canvas(terminal: a, palette: DefaultPalette(), glyphs: .ascii))
    #expect(a.line(0) == "+ X -----+")
    #expect(a.line(1) == "|        |")
  }

  @Test func tableScrollsAndSelects() {
    let t = TestTerminal(width: 20, height: 6)
    let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: .unicode)
    let rows = (0..<10).map { TableView.Row(["r\($0)"]) }
    TableView(columns: [.init("name", width: 20)], rows: rows, selected: 7, scroll: 0).draw(
      in: Rect(x: 0, y: 0, width: 20, height: 6), on: c)
    // Header + 4 visible rows + footer; selection 7 in view: rows 4...7.
    #expect(t.line(0).hasPrefix("name"))
    #expect(t.line(1).hasPrefix("r4"))
    #expect(t.line(4).hasPrefix("r7"))
    #expect(t.style(0, 4) == DefaultPalette().style(.selection))
    #expect(t.line(5).hasPrefix("rows 5-8 of 10"))
    #expect(TableView.clampedScroll(scroll: 50, selected: nil, rowCount: 10, visible: 4) == 6)
  }

  @Test func canvasSanitizesAndClips() {
    let t = TestTerminal(width: 8, height: 1)
    let c = Canvas(terminal: t, palette: DefaultPalette(), glyphs: .unicode)
    c.text(0, 0, "a\u{1B}[2Jbcdefghij", role: .text)
    #expect(t.line(0) == "a\u{FFFD}[2Jbc…")
  }
}
