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
  /// wide (150 columns and up), stacked compact boxes below 80x24. A panel in `hidden` (one
  /// with nothing to show) gets an empty rectangle and gives its rows or columns to the
  /// others.
  public static func overview(_ size: Size, targetCount: Int, hidden: Set<Int> = [])
    -> Layout
  {
    var l = overviewAll(size, targetCount: targetCount, hidden: hidden.count < 3 ? hidden : [])
    for i in hidden where hidden.count < 3 && i < l.panels.count {
      l.panels[i] = Rect(x: 0, y: 0, width: 0, height: 0)
    }
    return l
  }

  static func overviewAll(_ size: Size, targetCount: Int, hidden: Set<Int>) -> Layout {
    let w = size.width
    let h = size.height
    let header = Rect(x: 0, y: 0, width: w, height: 1)
    let status = Rect(x: 0, y: h - 1, width: w, height: 1)
    let body = Rect(x: 0, y: 1, width: w, height: h - 2)
    let n = max(1, targetCount)
    if w < 80 || h < 24 {
      // Compact: three boxes of at least 3 rows; what is left goes to the strip.
      let shown = max(1, 3 - hidden.count)
      let boxH = max(3, min(5, body.height / shown))
      var rest = body
      var boxes: [Rect] = []
      for i in 0..<3 {
        let (p, r) = rest.splitTop(hidden.contains(i) ? 0 : boxH)
        boxes.append(p)
        rest = r
      }
      let strip = rest.splitTop(min(n, rest.height)).0
      return Layout(
        header: header, statusBar: status, panels: boxes, strip: strip, compact: true)
    }
    let stripH = min(n, h >= 40 ? 8 : h >= 30 ? 4 : 2)
    let (main, stripRest) = body.splitTop(body.height - stripH)
    let strip = stripRest
    if w >= 150 {
      // Very wide: three panels side by side (charts kept to a readable height), the rest
      // of the height for the targets strip.
      let (row, rest0) = body.splitTop(min(body.height - stripH, 24))
      let part = w / max(1, 3 - hidden.count)
      var rest = row
      var boxes: [Rect] = []
      for i in 0..<3 {
        let last = (i + 1..<3).allSatisfy { hidden.contains($0) }
        let (p, r) = rest.splitLeft(hidden.contains(i) ? 0 : last ? rest.width : part)
        boxes.append(p)
        rest = r
      }
      return Layout(
        header: header, statusBar: status, panels: boxes, strip: rest0, compact: false)
    }
    let bottomH =
      hidden.contains(2)
      ? 0 : hidden.isSuperset(of: [0, 1]) ? main.height : max(6, main.height * 3 / 10)
    let (top, bottom) = main.splitTop(main.height - bottomH)
    let leftW = hidden.contains(0) ? 0 : hidden.contains(1) ? w : w / 2
    let (a, b) = top.splitLeft(leftW)
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
