import CarbonText

/// The bottom line: key hints at the left, a message and counts at the right.
public struct StatusBar: Sendable {
  public var left: String
  public var right: String
  /// Role of the right part (warn or bad when there are diagnostics).
  public var rightRole: StyleRole

  public init(left: String, right: String, rightRole: StyleRole = .statusBarText) {
    self.left = left
    self.right = right
    self.rightRole = rightRole
  }

  /// Draws on row `y` across the full width; the right part wins when space is short.
  public func draw(y: Int, width: Int, on c: Canvas) {
    c.fill(Rect(x: 0, y: y, width: width, height: 1), role: .statusBar)
    let rw = min(CellWidth.of(right), width)
    if rw > 0 {
      let s = c.palette.style(rightRole)
      var bar = c.palette.style(.statusBar)
      bar.fg = s.fg
      bar.attributes.formUnion(s.attributes)
      c.text(width - rw, y, right, style: bar, maxWidth: rw)
    }
    c.text(0, y, left, role: .statusBarText, maxWidth: max(0, width - rw - 1))
  }
}
