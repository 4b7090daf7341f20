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
  func fitted(width: Int, prefix: String = "") -> PanelModel {
    guard let shortTitle, CellWidth.of(prefix + title) + 4 > width else { return self }
    var m = self
    m.title = shortTitle
    if let notice { m.head.insert([.text(notice, .warn)], at: min(1, m.head.count)) }
    return m
  }

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
        let (left, right) = area.splitLeft(area.width * 2 / 5)
        bars.draw(in: Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height), on: c)
        chart.draw(in: right, on: c)
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
