import CarbonTerminal
import CarbonText

/// A terminal with a palette and a glyph set: what every widget draws on. Text is clipped to
/// the terminal and to the given width; callers pass data text through `sanitized` first
/// (`text(_:_:_:role:)` sanitizes again defensively).
public struct Canvas {
  public let terminal: any Terminal
  public let palette: any StylePalette
  public let glyphs: GlyphSet

  public init(terminal: any Terminal, palette: any StylePalette, glyphs: GlyphSet) {
    self.terminal = terminal
    self.palette = palette
    self.glyphs = glyphs
  }

  public var size: Size { terminal.size }

  /// Draws text at (x, y) in a role, cut to `maxWidth` columns (and the terminal's width).
  /// Returns the number of columns drawn.
  @discardableResult
  public func text(_ x: Int, _ y: Int, _ s: String, role: StyleRole, maxWidth: Int? = nil) -> Int {
    text(x, y, s, style: palette.style(role), maxWidth: maxWidth)
  }

  /// Same as `text(_:_:_:role:maxWidth:)` with an explicit style.
  @discardableResult
  public func text(_ x: Int, _ y: Int, _ s: String, style: Style, maxWidth: Int? = nil) -> Int {
    let sz = terminal.size
    guard y >= 0, y < sz.height, x < sz.width else { return 0 }
    var limit = sz.width - max(0, x)
    if let maxWidth { limit = min(limit, maxWidth) }
    guard limit > 0 else { return 0 }
    var str = Sanitize.text(s)
    var startX = x
    if x < 0 {
      // Drop leading columns that fall off the left edge.
      var skip = -x
      var rest = Substring(str)
      while skip > 0, let c = rest.first {
        skip -= CellWidth.of(c)
        rest = rest.dropFirst()
      }
      str = String(rest)
      startX = 0
    }
    let cut =
      CellWidth.of(str) > limit
      ? TUIFormat.truncate(str, to: limit, ellipsis: glyphs.ellipsis) : str
    guard !cut.isEmpty else { return 0 }
    terminal.put(x: startX, y: y, cut, style: style)
    return CellWidth.of(cut)
  }

  /// Fills a rectangle with spaces in a role.
  public func fill(_ r: Rect, role: StyleRole) {
    guard !r.isEmpty else { return }
    terminal.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: palette.style(role))
  }
}
