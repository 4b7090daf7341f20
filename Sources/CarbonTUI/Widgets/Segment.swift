import CarbonKit

/// A piece of a panel line: text in a role, a status word, or an inline gauge.
enum Segment {
  case text(String, StyleRole)
  case status(TargetStatus)
  case gauge(Double?, width: Int)
  /// A figure that changed a moment ago: the `changed` role and an arrow for the direction
  /// (+1 up, -1 down, 0 unordered), plus the word "new" when `word` (no colour).
  case changed(String, direction: Int, word: Bool)

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
      case .changed(let s, let direction, let word):
        let m = c.glyphs.changeMarks
        let mark = direction > 0 ? m.up : direction < 0 ? m.down : m.other
        used += c.text(
          x + used, y, s + " " + String(mark) + (word ? " new" : ""), role: .changed, maxWidth: room
        )
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
