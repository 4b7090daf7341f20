import CarbonText

/// A box with a title on its top border; heavier lines (and the focus role) when focused.
public struct PanelBox: Sendable {
  public var title: String
  public var focused: Bool
  /// An optional note drawn at the right of the top border (e.g. the Scope 2 basis).
  public var note: String?

  public init(title: String, focused: Bool = false, note: String? = nil) {
    self.title = title
    self.focused = focused
    self.note = note
  }

  /// Draws the box and returns the inner rectangle.
  @discardableResult
  public func draw(in r: Rect, on c: Canvas) -> Rect {
    guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
    let g = c.glyphs
    let role: StyleRole = focused ? .borderFocus : .border
    let h = focused ? g.focusHorizontal : g.horizontal
    let v = focused ? g.focusVertical : g.vertical
    let top =
      String(focused ? g.focusTopLeft : g.topLeft)
      + String(repeating: String(h), count: r.width - 2)
      + String(focused ? g.focusTopRight : g.topRight)
    let bottom =
      String(focused ? g.focusBottomLeft : g.bottomLeft)
      + String(repeating: String(h), count: r.width - 2)
      + String(focused ? g.focusBottomRight : g.bottomRight)
    c.text(r.x, r.y, top, role: role)
    c.text(r.x, r.maxY - 1, bottom, role: role)
    for y in (r.y + 1)..<(r.maxY - 1) {
      c.text(r.x, y, String(v), role: role)
      c.text(r.maxX - 1, y, String(v), role: role)
    }
    c.fill(r.inset(1), role: .background)
    var used = 0
    if r.width > 4 {
      used = c.text(r.x + 1, r.y, " " + title + " ", role: .title, maxWidth: r.width - 2)
    }
    if let note, r.width - 4 - used > CellWidth.of(note) + 2 {
      let w = CellWidth.of(note) + 2
      c.text(r.maxX - 1 - w, r.y, " " + note + " ", role: .muted)
    }
    return r.inset(1)
  }
}
