import CarbonTerminal

/// Where things go on the screen for a terminal size. Pure, shared by `render` and `update`
/// (mouse hit-testing, page sizes).
public struct Layout: Hashable, Sendable {
  public var header: Rect
  public var statusBar: Rect
  /// The three panels of the overview (by PanelID).
  public var panels: [Rect]
  /// The targets strip (may be empty).
  public var strip: Rect
  public var compact: Bool

  /// The overview layout: two panels over one (80x24 and up), three side by side when very
  /// wide (150 columns and up), stacked compact boxes below 80x24.
  public static func overview(_ size: Size, targetCount: Int) -> Layout {
    let w = size.width
    let h = size.height
    let header = Rect(x: 0, y: 0, width: w, height: 1)
    let status = Rect(x: 0, y: h - 1, width: w, height: 1)
    let body = Rect(x: 0, y: 1, width: w, height: h - 2)
    let n = max(1, targetCount)
    if w < 80 || h < 24 {
      // Compact: three boxes of at least 3 rows; what is left goes to the strip.
      let boxH = max(3, min(5, body.height / 3))
      let (p0, r0) = body.splitTop(boxH)
      let (p1, r1) = r0.splitTop(boxH)
      let (p2, r2) = r1.splitTop(boxH)
      let strip = r2.splitTop(min(n, r2.height)).0
      return Layout(
        header: header, statusBar: status, panels: [p0, p1, p2], strip: strip, compact: true)
    }
    let stripH = min(n, h >= 40 ? 8 : h >= 30 ? 4 : 2)
    let (main, stripRest) = body.splitTop(body.height - stripH)
    let strip = stripRest
    if w >= 150 {
      // Very wide: three panels side by side (charts kept to a readable height), the rest
      // of the height for the targets strip.
      let (row, rest0) = body.splitTop(min(body.height - stripH, 24))
      let third = w / 3
      let (a, rest) = row.splitLeft(third)
      let (b, c) = rest.splitLeft(third)
      return Layout(
        header: header, statusBar: status, panels: [a, b, c], strip: rest0, compact: false)
    }
    let bottomH = max(6, main.height * 3 / 10)
    let (top, bottom) = main.splitTop(main.height - bottomH)
    let (a, b) = top.splitLeft(w / 2)
    return Layout(
      header: header, statusBar: status, panels: [a, b, bottom], strip: strip, compact: false)
  }

  /// A full-screen box between the header and the status bar (zoom, lists).
  public static func box(_ size: Size) -> Rect {
    Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
  }

  /// The parts of a zoom screen's box: summary lines, chart, table tabs and the table.
  public static func zoom(_ size: Size) -> (summary: Rect, chart: Rect, tabs: Rect, table: Rect) {
    let inner = box(size).inset(1)
    let summaryH = min(3, max(0, inner.height - 4))
    let (summary, rest) = inner.splitTop(summaryH)
    let chartH = rest.height >= 14 ? rest.height * 2 / 5 : rest.height >= 10 ? 4 : 0
    let (chart, rest2) = rest.splitTop(chartH)
    let (tabs, table) = rest2.splitTop(1)
    return (summary, chart, tabs, table)
  }

  /// The table area of a list screen (targets, diagnostics, drill-down).
  public static func list(_ size: Size) -> Rect { box(size).inset(1) }
}
