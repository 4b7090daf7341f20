import CarbonText

/// A scrollable table with a header row and a selected row.
public struct TableView: Sendable {
  public struct Column: Hashable, Sendable {
    public var title: String
    /// Width in columns (cut at the right edge of the table).
    public var width: Int
    public var alignRight: Bool
    public init(_ title: String, width: Int, alignRight: Bool = false) {
      self.title = title
      self.width = width
      self.alignRight = alignRight
    }
  }
  public struct Row: Hashable, Sendable {
    public var cells: [String]
    /// Per-cell roles (nil = text). A status cell gets its status role.
    public var roles: [StyleRole?]
    public init(_ cells: [String], roles: [StyleRole?] = []) {
      self.cells = cells
      self.roles = roles
    }
  }
  public var columns: [Column]
  public var rows: [Row]
  /// Selected row index (nil for none).
  public var selected: Int?
  /// First visible row.
  public var scroll: Int
  /// Cells scrolled to the right (the table is drawn from this column of its full width).
  public var hscroll: Int

  public init(
    columns: [Column], rows: [Row], selected: Int? = nil, scroll: Int = 0, hscroll: Int = 0
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.scroll = scroll
    self.hscroll = hscroll
  }

  /// The full width of the table's columns with their separators.
  public var fullWidth: Int { columns.reduce(0) { $0 + $1.width + 1 } - (columns.isEmpty ? 0 : 1) }

  /// `text` without its first `skip` cells, at most `width` cells.
  static func clip(_ text: String, skip: Int, width: Int) -> String {
    var dropped = 0
    var rest = Substring(text)
    while dropped < skip, let c = rest.first {
      dropped += CellWidth.of(String(c))
      rest = rest.dropFirst()
    }
    var out = String(repeating: " ", count: max(0, dropped - skip))
    var used = CellWidth.of(out)
    for c in rest {
      let w = CellWidth.of(String(c))
      if used + w > width { break }
      out.append(c)
      used += w
    }
    return out
  }

  /// The first visible row for a viewport of `visible` rows keeping `selected` in view.
  public static func clampedScroll(scroll: Int, selected: Int?, rowCount: Int, visible: Int) -> Int
  {
    guard visible > 0, rowCount > visible else { return 0 }
    var s = min(max(scroll, 0), rowCount - visible)
    if let sel = selected {
      if sel < s { s = sel }
      if sel >= s + visible { s = sel - visible + 1 }
    }
    return min(max(s, 0), rowCount - visible)
  }

  /// Set by screens whose Left/Right keys scroll the table (drill-down).
  public var hscrolls = false

  /// Draws the header and the visible rows; a footer "rows a-b of n" when it scrolls.
  public func draw(in r: Rect, on c: Canvas) {
    guard r.height >= 1, r.width >= 1 else { return }
    let hs = max(0, min(hscroll, fullWidth - r.width))
    func line(_ cells: [String], y: Int, roles: [StyleRole?], base: StyleRole) {
      // x runs over the table's full width; what is left of `hs` is scrolled out of view.
      var x = r.x - hs
      for (i, col) in columns.enumerated() {
        guard x < r.maxX else { break }
        let full = hs > 0 ? col.width : min(col.width, r.maxX - x)
        let text = i < cells.count ? cells[i] : ""
        let padded = TUIFormat.pad(
          Sanitize.text(text), to: full, right: col.alignRight, ellipsis: c.glyphs.ellipsis)
        var role = base
        if base != .selection, i < roles.count, let rr = roles[i] { role = rr }
        let skip = max(0, r.x - x)
        if skip < full {
          let shown = TableView.clip(padded, skip: skip, width: r.maxX - max(x, r.x))
          c.text(max(x, r.x), y, shown, role: role, maxWidth: r.maxX - max(x, r.x))
        }
        x += col.width + 1
      }
    }
    line(columns.map(\.title), y: r.y, roles: [], base: .header)
    let footer = r.height >= 4 && rows.count > r.height - 1
    let visible = r.height - 1 - (footer ? 1 : 0)
    let first = TableView.clampedScroll(
      scroll: scroll, selected: selected, rowCount: rows.count, visible: visible)
    if rows.isEmpty, r.height >= 2 {
      c.text(r.x, r.y + 1, "no data", role: .muted, maxWidth: r.width)
    }
    for i in 0..<visible {
      let idx = first + i
      guard idx < rows.count else { break }
      let row = rows[idx]
      line(row.cells, y: r.y + 1 + i, roles: row.roles, base: idx == selected ? .selection : .text)
    }
    if footer {
      let last = min(rows.count, first + visible)
      c.text(
        r.x, r.maxY - 1, "rows \(first + 1)-\(last) of \(rows.count)", role: .muted,
        maxWidth: r.width)
    }
    if hscrolls, r.height >= 3 {
      // Wider than the screen: say where the view is and how to move it.
      let note =
        " columns \(hs + 1)-\(min(fullWidth, hs + r.width)) of \(fullWidth): Left/Right scroll "
      let w = CellWidth.of(note)
      if w < r.width { c.text(r.maxX - w, r.maxY - 1, note, role: .muted) }
    }
  }
}
