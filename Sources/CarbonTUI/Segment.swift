import CarbonKit

/// A piece of a panel line: text in a role, a status word, or an inline gauge.
enum Segment {
  case text(String, StyleRole)
  case status(TargetStatus)
  case gauge(Double?, width: Int)

  /// Draws segments left to right on one row, within `maxWidth` columns; returns columns used.
  @discardableResult
  static func draw(_ segs: [Segment], x: Int, y: Int, maxWidth: Int, on c: Canvas) -> Int {
    var used = 0
    for seg in segs {
      let room = maxWidth - used
      guard room > 0 else { break }
      switch seg {
      case .text(let s, let role):
        used += c.text(x + used, y, s, role: role, maxWidth: room)
      case .status(let st):
        used += c.text(
          x + used, y, TUIFormat.statusWord(st), role: TUIFormat.statusRole(st), maxWidth: room)
      case .gauge(let f, let w):
        // Only when the whole gauge fits.
        guard w <= room else { continue }
        Gauge(fraction: f).draw(x: x + used, y: y, width: w, on: c)
        used += w
      }
    }
    return used
  }
}
