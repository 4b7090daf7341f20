import CarbonText

/// One point of a chart series; a nil `y` breaks the line.
public struct ChartPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double?
  public init(x: Double, y: Double?) {
    self.x = x
    self.y = y
  }
}

/// A line of a chart. History is solid, projection dashed (and its own glyph in block and
/// ASCII modes), the target path dotted, so they differ without colour. The year in progress
/// is two lone markers, not lines: its year-to-date figure and its run-rate, each with its
/// own glyph (`GlyphSet.inProgressMarks`) in every mode.
public struct ChartSeries: Hashable, Sendable {
  public enum Kind: Int, Hashable, Sendable, Comparable {
    // Order = drawing precedence (later wins a shared cell's role).
    case path = 0
    case projection = 1
    case history = 2
    /// The year in progress, year to date (a marker).
    case yearToDate = 3
    /// The year in progress at its run-rate (a marker).
    case runRate = 4
    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    /// The style role of the series.
    public var role: StyleRole {
      switch self {
      case .history: return .chartHistory
      case .projection: return .chartProjection
      case .path: return .chartPath
      case .yearToDate: return .chartHistory
      case .runRate: return .accent
      }
    }
    /// True for the kinds drawn as lone markers.
    public var isMarker: Bool { self == .yearToDate || self == .runRate }
  }
  public var kind: Kind
  public var points: [ChartPoint]
  public init(kind: Kind, points: [ChartPoint]) {
    self.kind = kind
    self.points = points
  }
}

/// One rasterized cell of a chart.
public struct ChartCell: Hashable, Sendable {
  public var character: Character
  public var kind: ChartSeries.Kind
}

/// A line chart of several series with y-axis labels, drawn in braille (2x4 dots per cell),
/// half blocks, or ASCII.
public struct LineChart {
  public var series: [ChartSeries]
  /// Formats a y value for the axis labels.
  public var yLabel: (Double) -> String
  /// Labels under the first and last x (e.g. fiscal years); nil for none.
  public var xLabels: (String, String)?
  /// An upper bound for the y axis (points above are drawn at the top edge), so that one
  /// runaway projection does not flatten the history.
  public var yCeiling: Double?
  /// What each series is, for the legend ("net", "path to zero", "projection").
  public var names: [ChartSeries.Kind: String] = [:]
  /// Points marked with a glyph of their own on top of the lines (a target's milestones on its
  /// path), in the path's role.
  public var markers: [ChartPoint] = []

  public init(
    series: [ChartSeries], yLabel: @escaping (Double) -> String, xLabels: (String, String)? = nil,
    yCeiling: Double? = nil, markers: [ChartPoint] = []
  ) {
    self.series = series
    self.yLabel = yLabel
    self.xLabels = xLabels
    self.yCeiling = yCeiling
    self.markers = markers
  }

  /// The glyph of a marker: a diamond, or "o" in ASCII.
  public static func markerGlyph(_ mode: GlyphSet.ChartMode) -> String {
    mode == .ascii ? "o" : "◆"
  }

  /// The x and y ranges covering every point (y always includes 0).
  public static func ranges(of series: [ChartSeries]) -> (ClosedRange<Double>, ClosedRange<Double>)?
  {
    let pts = series.flatMap { $0.points }.filter { $0.x.isFinite }
    let xs = pts.map(\.x)
    let ys = pts.compactMap(\.y).filter { $0.isFinite }
    guard let x0 = xs.min(), let x1 = xs.max(), !ys.isEmpty else { return nil }
    let y0 = min(0, ys.min() ?? 0)
    var y1 = max(0, ys.max() ?? 0)
    if y1 == y0 { y1 = y0 + 1 }
    return (x0...(x1 == x0 ? x0 + 1 : x1), y0...y1)
  }

  /// Rasterizes series into `height` rows of `width` cells (nil = empty cell). Pure.
  public static func rasterize(
    _ series: [ChartSeries], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    width: Int, height: Int, mode: GlyphSet.ChartMode, glyphs: GlyphSet
  ) -> [[ChartCell?]] {
    guard width > 0, height > 0 else { return [] }
    let (sx, sy): (Int, Int) =
      switch mode {
      case .braille: (2, 4)
      case .block: (1, 2)
      case .ascii: (1, 1)
      }
    let dw = width * sx
    let dh = height * sy
    // Per dot: the highest kind drawn there.
    var dots = [[ChartSeries.Kind?]](
      repeating: [ChartSeries.Kind?](repeating: nil, count: dw), count: dh)
    let xSpan = xRange.upperBound - xRange.lowerBound
    let ySpan = yRange.upperBound - yRange.lowerBound
    func map(_ p: ChartPoint) -> (Int, Int)? {
      guard let y = p.y, y.isFinite, p.x.isFinite, xSpan > 0, ySpan > 0 else { return nil }
      // Each fraction may be far outside [0, 1] (a projection far above the ceiling), or
      // NaN when a span overflows to infinity: clamped, never converted raw.
      let fx = (p.x - xRange.lowerBound) / xSpan * Double(dw - 1)
      let fy = (yRange.upperBound - y) / ySpan * Double(dh - 1)
      return (screenIndex(fx, in: 0...(dw - 1)), screenIndex(fy, in: 0...(dh - 1)))
    }
    for s in series.sorted(by: { $0.kind < $1.kind }) where !s.kind.isMarker {
      var prev: (Int, Int)?
      var step = 0
      func plot(_ x: Int, _ y: Int) {
        let on: Bool
        switch (s.kind, mode) {
        case (.projection, .braille): on = step % 4 < 2
        case (.path, .braille): on = step % 3 == 0
        default: on = true
        }
        step += 1
        if on { dots[y][x] = max(dots[y][x] ?? s.kind, s.kind) }
      }
      for p in s.points {
        guard let cur = map(p) else {
          prev = nil
          continue
        }
        if let a = prev {
          let n = max(abs(cur.0 - a.0), abs(cur.1 - a.1))
          if n == 0 { continue }
          for i in 1...n {
            let t = Double(i) / Double(n)
            plot(
              a.0 + Int((Double(cur.0 - a.0) * t).rounded()),
              a.1 + Int((Double(cur.1 - a.1) * t).rounded()))
          }
        } else {
          plot(cur.0, cur.1)
        }
        prev = cur
      }
    }
    // Markers last, over any line, one cell each.
    var markers: [(Int, Int, ChartSeries.Kind)] = []
    for s in series where s.kind.isMarker {
      for p in s.points {
        guard let (x, y) = map(p) else { continue }
        markers.append((x / sx, y / sy, s.kind))
      }
    }
    var out = [[ChartCell?]](repeating: [ChartCell?](repeating: nil, count: width), count: height)
    let brailleBits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    for row in 0..<height {
      for col in 0..<width {
        var bits: UInt32 = 0
        var kind: ChartSeries.Kind?
        for dy in 0..<sy {
          for dx in 0..<sx {
            if let k = dots[row * sy + dy][col * sx + dx] {
              kind = max(kind ?? k, k)
              switch mode {
              case .braille: bits |= brailleBits[dy][dx]
              case .block: bits |= dy == 0 ? 1 : 2
              case .ascii: bits = 1
              }
            }
          }
        }
        guard let kind, bits != 0 else { continue }
        let ch: Character
        switch mode {
        case .braille:
          ch = Character(Unicode.Scalar(0x2800 + bits) ?? " ")
        case .block:
          switch kind {
          case .history, .yearToDate, .runRate: ch = bits == 1 ? "▀" : bits == 2 ? "▄" : "█"
          case .projection: ch = glyphs.projectionMark
          case .path: ch = glyphs.pathMark
          }
        case .ascii:
          switch kind {
          case .history, .yearToDate, .runRate: ch = glyphs.historyMark
          case .projection: ch = glyphs.projectionMark
          case .path: ch = glyphs.pathMark
          }
        }
        out[row][col] = ChartCell(character: ch, kind: kind)
      }
    }
    for (col, row, kind) in markers.sorted(by: { $0.2 < $1.2 }) {
      let m = glyphs.inProgressMarks
      out[row][col] = ChartCell(character: kind == .runRate ? m.runRate : m.yearToDate, kind: kind)
    }
    return out
  }

  /// The legend: a sample of each series drawn as the chart draws it (the same glyphs and
  /// roles, so it reads in monochrome too) with its name, and the year-in-progress mark.
  func legend(glyphs: GlyphSet) -> [Segment] {
    var out: [Segment] = []
    for kind in [ChartSeries.Kind.history, .path, .projection] {
      // Only lines the chart draws (two points with a value at least).
      guard let name = names[kind],
        series.contains(where: { $0.kind == kind && $0.points.filter { $0.y != nil }.count >= 2 })
      else { continue }
      let sample = ChartSeries(kind: kind, points: [.init(x: 0, y: 0.5), .init(x: 1, y: 0.5)])
      let cells =
        LineChart.rasterize(
          [sample], xRange: 0...1, yRange: 0...1, width: 4, height: 1, mode: glyphs.chartMode,
          glyphs: glyphs
        ).first ?? []
      let text = String(cells.map { $0?.character ?? " " })
      if !out.isEmpty { out.append(.text("  ", .muted)) }
      out += [.text(text, kind.role), .text(" " + name, .muted)]
    }
    // The year in progress: its two markers (year to date, run-rate), each with its own glyph.
    let marks = glyphs.inProgressMarks
    for kind in [ChartSeries.Kind.yearToDate, .runRate] {
      guard let name = names[kind],
        series.contains(where: { $0.kind == kind && $0.points.contains { $0.y != nil } })
      else { continue }
      if !out.isEmpty { out.append(.text("  ", .muted)) }
      let glyph = kind == .runRate ? marks.runRate : marks.yearToDate
      out += [.text(String(glyph), kind.role), .text(" " + name, .muted)]
    }
    return out
  }

  /// Draws the chart with y labels at the left (top = max, bottom = min) and x labels under it.
  public func draw(in r: Rect, on c: Canvas) {
    guard r.width >= 4, r.height >= 1 else { return }
    let all = series
    guard let (xr, yr0) = LineChart.ranges(of: all) else {
      c.text(r.x, r.y + r.height / 2, "no data", role: .muted, maxWidth: r.width)
      return
    }
    var yr = yr0
    if let cap = yCeiling, cap > yr0.lowerBound, cap < yr0.upperBound { yr = yr0.lowerBound...cap }
    var area = r
    if let xl = xLabels, r.height >= 3 {
      area.height -= 1
      let y = r.maxY - 1
      c.text(r.x, y, xl.0, role: .muted, maxWidth: r.width)
      let w = CellWidth.of(xl.1)
      if w + CellWidth.of(xl.0) + 1 < r.width { c.text(r.maxX - w, y, xl.1, role: .muted) }
    }
    let top = yLabel(yr.upperBound)
    let bottom = yLabel(yr.lowerBound)
    let lw = max(CellWidth.of(top), CellWidth.of(bottom))
    if r.width - lw - 1 >= 6 {
      c.text(area.x, area.y, TUIFormat.pad(top, to: lw, right: true), role: .muted)
      if area.height > 1 {
        c.text(area.x, area.maxY - 1, TUIFormat.pad(bottom, to: lw, right: true), role: .muted)
      }
      area = Rect(x: area.x + lw + 1, y: area.y, width: area.width - lw - 1, height: area.height)
    }
    let grid = LineChart.rasterize(
      series, xRange: xr, yRange: yr, width: area.width, height: area.height,
      mode: c.glyphs.chartMode, glyphs: c.glyphs)
    for (row, cells) in grid.enumerated() {
      for (col, cell) in cells.enumerated() {
        guard let cell else { continue }
        c.text(area.x + col, area.y + row, String(cell.character), role: cell.kind.role)
      }
    }
    let xSpan = xr.upperBound - xr.lowerBound
    let ySpan = yr.upperBound - yr.lowerBound
    for m in markers {
      guard let y = m.y, y.isFinite, m.x.isFinite, xSpan > 0, ySpan > 0, area.width > 0,
        area.height > 0
      else { continue }
      // Off the area is not drawn: -1 and width/height mark "outside" after clamping.
      let col = screenIndex(
        (m.x - xr.lowerBound) / xSpan * Double(area.width - 1), in: -1...area.width)
      let row = screenIndex(
        (yr.upperBound - y) / ySpan * Double(area.height - 1), in: -1...area.height)
      guard col >= 0, col < area.width, row >= 0, row < area.height else { continue }
      c.text(
        area.x + col, area.y + row, LineChart.markerGlyph(c.glyphs.chartMode), role: .chartPath)
    }
  }
}
