import CarbonText

/// Labelled horizontal bars scaled to the largest value, with the value at the right.
public struct BarList: Sendable {
  public struct Item: Hashable, Sendable {
    public var label: String
    public var value: Double?
    public var text: String
    public init(label: String, value: Double?, text: String) {
      self.label = label
      self.value = value
      self.text = text
    }
  }
  public var items: [Item]

  public init(items: [Item]) { self.items = items }

  /// Draws one item per row, as many as fit.
  public func draw(in r: Rect, on c: Canvas) {
    guard r.width > 0, r.height > 0 else { return }
    let maxV = items.compactMap(\.value).filter { $0.isFinite }.max() ?? 0
    let labelW = min(
      max(items.map { CellWidth.of(Sanitize.text($0.label)) }.max() ?? 0, 4), max(4, r.width / 3))
    let textW = items.map { CellWidth.of($0.text) }.max() ?? 0
    let barW = r.width - labelW - textW - 2
    for (i, item) in items.prefix(r.height).enumerated() {
      let y = r.y + i
      c.text(
        r.x, y, TUIFormat.pad(Sanitize.text(item.label), to: labelW, ellipsis: c.glyphs.ellipsis),
        role: .text)
      var x = r.x + labelW + 1
      if barW >= 3 {
        let n = maxV > 0 ? screenIndex((item.value ?? 0) / maxV * Double(barW), in: 0...barW) : 0
        c.text(
          x, y, String(repeating: String(c.glyphs.barFull), count: n),
          role: .accent)
        x += barW + 1
      }
      c.text(x, y, item.text, role: .text, maxWidth: r.maxX - x)
    }
  }
}
