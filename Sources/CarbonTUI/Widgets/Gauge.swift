/// A horizontal gauge of a fraction in [0, 1] (values outside are clamped).
public struct Gauge: Sendable {
  public var fraction: Double?

  public init(fraction: Double?) { self.fraction = fraction }

  /// The filled and empty parts for `width` cells. Unicode uses eighths for the last cell.
  public static func parts(fraction: Double?, width: Int, glyphs: GlyphSet) -> (
    filled: String, empty: String
  ) {
    guard width > 0 else { return ("", "") }
    guard let f0 = fraction, f0.isFinite else {
      return ("", String(repeating: String(glyphs.gaugeEmpty), count: width))
    }
    let f = min(max(f0, 0), 1)
    let partials = glyphs.gaugePartials
    let steps = partials.count + 1
    let units = screenIndex(f * Double(width * steps), in: 0...(width * steps))
    let full = units / steps
    let rest = units % steps
    var filled = String(repeating: String(glyphs.gaugeFull), count: full)
    var used = full
    if rest > 0, used < width {
      filled.append(partials[rest - 1])
      used += 1
    }
    return (filled, String(repeating: String(glyphs.gaugeEmpty), count: max(0, width - used)))
  }

  /// Draws the gauge on one row.
  public func draw(x: Int, y: Int, width: Int, on c: Canvas) {
    let (f, e) = Gauge.parts(fraction: fraction, width: width, glyphs: c.glyphs)
    let n = c.text(x, y, f, role: .gaugeFill, maxWidth: width)
    c.text(x + n, y, e, role: .gaugeEmpty, maxWidth: width - n)
  }
}
