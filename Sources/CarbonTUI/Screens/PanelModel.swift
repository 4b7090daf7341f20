import CarbonKit
import CarbonText

/// What one panel shows, built from the Report: lines above the chart, the chart, lines below,
/// optional bars beside the chart. Drawn the same on the overview and the zoom screen.
struct PanelModel {
  var title: String
  var note: String?
  var head: [[Segment]]
  var chart: LineChart?
  var tail: [[Segment]]
  var bars: BarList?
  /// A shorter title, used with `notice` as a first line when `title` does not fit.
  var shortTitle: String? = nil
  var notice: String? = nil
  /// The target's scopes ("S1+2"), kept at the end of the title when the title is cut.
  var scopeTag: String? = nil
  /// True when the panel has nothing to show (no target of its kind and no data): the
  /// overview gives its rows to the other panels.
  var isEmpty = false
  /// Captions over the bars and the chart when both are shown side by side (what the bars
  /// list, what the chart's axis measures).
  var barsCaption: String? = nil
  var chartCaption: String? = nil

  init(
    title: String, note: String?, head: [[Segment]], chart: LineChart?, tail: [[Segment]],
    bars: BarList?
  ) {
    self.title = title
    self.note = note
    self.head = head
    self.chart = chart
    self.tail = tail
    self.bars = bars
  }

  /// The model fitted to a box `width` wide (with `prefix` before the title): the short title
  /// and the notice as a first line when the full title does not fit.
  /// The scope tag stays whole at the end: the title before it is cut with an ellipsis.
  func fitted(width: Int, prefix: String = "", ellipsis: Character = "…") -> PanelModel {
    var m = self
    if let shortTitle, CellWidth.of(prefix + title + tagText) + 4 > width {
      m.title = shortTitle
      if let notice { m.head.insert([.text(notice, .warn)], at: min(1, m.head.count)) }
    }
    let room = width - 4 - CellWidth.of(prefix) - CellWidth.of(tagText)
    if CellWidth.of(m.title) > room {
      m.title = TUIFormat.truncate(m.title, to: max(1, room), ellipsis: ellipsis)
    }
    m.title += tagText
    m.scopeTag = nil
    return m
  }

  private var tagText: String { scopeTag.map { " (" + $0 + ")" } ?? "" }

  /// Draws the model inside a panel's inner rectangle, dropping the chart, then tail lines,
  /// when space is short.
  func draw(in r: Rect, on c: Canvas, maxChartHeight: Int? = nil) {
    guard r.height > 0, r.width > 0 else { return }
    var y = r.y
    for line in head.prefix(r.height) {
      Segment.draw(line, x: r.x, y: y, maxWidth: r.width, on: c)
      y += 1
    }
    let remaining = r.maxY - y
    let tailLines = Array(tail.prefix(max(0, remaining)))
    var chartH = remaining - tailLines.count
    if let m = maxChartHeight { chartH = min(chartH, m) }
    if chartH >= 2, chart != nil || bars != nil {
      let area = Rect(x: r.x, y: y, width: r.width, height: chartH)
      if let bars, let chart, area.width >= 50 {
        // A gutter of 3 columns between the bars' values and the chart's axis labels, and a
        // caption over each saying what it shows.
        let (left, right) = area.splitLeft(area.width * 2 / 5)
        var barsArea = Rect(x: left.x, y: left.y, width: left.width - 3, height: left.height)
        var chartArea = right
        if area.height >= 4, barsCaption != nil || chartCaption != nil {
          if let t = barsCaption {
            c.text(barsArea.x, area.y, t, role: .muted, maxWidth: barsArea.width)
          }
          if let t = chartCaption {
            c.text(chartArea.x, area.y, t, role: .muted, maxWidth: chartArea.width)
          }
          barsArea = barsArea.splitTop(1).1
          chartArea = chartArea.splitTop(1).1
        }
        bars.draw(in: barsArea, on: c)
        chart.draw(in: chartArea, on: c)
      } else if let chart {
        chart.draw(in: area, on: c)
      } else if let bars {
        bars.draw(in: area, on: c)
      }
      y += chartH
    }
    for line in tailLines where y < r.maxY {
      Segment.draw(line, x: r.x, y: y, maxWidth: r.width, on: c)
      y += 1
    }
  }
}
