import CarbonText

/// The `?` help: a box over the screen listing every action of the key registry.
public struct HelpOverlay: Sendable {
  public var registry: KeyRegistry
  public var scroll: Int

  public init(registry: KeyRegistry, scroll: Int = 0) {
    self.registry = registry
    self.scroll = scroll
  }

  /// Draws the box centred in `area`.
  public func draw(in area: Rect, on c: Canvas) {
    let lines = registry.helpLines()
    let keyW = min(24, lines.map { CellWidth.of($0.keys) }.max() ?? 0)
    let descW = lines.map { CellWidth.of($0.description) }.max() ?? 0
    let w = min(area.width - 2, keyW + descW + 6)
    let h = min(area.height - 2, lines.count + 3)
    guard w >= 10, h >= 3 else { return }
    let box = Rect(
      x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    let inner = PanelBox(title: "Keys", focused: true, note: "Esc closes").draw(in: box, on: c)
    let visible = inner.height
    let first = min(max(0, scroll), max(0, lines.count - visible))
    for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
      let y = inner.y + i
      c.text(
        inner.x + 1, y, TUIFormat.pad(line.keys, to: keyW, ellipsis: c.glyphs.ellipsis),
        role: .accent)
      c.text(inner.x + keyW + 3, y, line.description, role: .text, maxWidth: inner.width - keyW - 3)
    }
  }
}
