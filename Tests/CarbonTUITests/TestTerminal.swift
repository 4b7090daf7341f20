import CarbonTerminal
import CarbonText

/// A minimal in-memory terminal for the tests: a grid of characters and styles.
///
/// Unlike CarbonTerminal's `InMemoryTerminal`, it stores exactly what it is given, control
/// characters included, one character per cell: the screen tests can then see that the TUI
/// itself sanitizes text from data files (InMemoryTerminal would mask a miss by drawing `?`).
final class TestTerminal: Terminal {
  var size: Size
  var colorDepth: ColorDepth = .indexed256
  var unicode: Bool
  private(set) var chars: [[Character]]
  private(set) var styles: [[Style]]
  var flushes = 0

  init(width: Int, height: Int, unicode: Bool = true) {
    size = Size(width: width, height: height)
    self.unicode = unicode
    chars = Array(repeating: Array(repeating: " ", count: width), count: height)
    styles = Array(repeating: Array(repeating: .plain, count: width), count: height)
  }

  func resize(width: Int, height: Int) {
    size = Size(width: width, height: height)
    clear(style: .plain)
  }

  func put(x: Int, y: Int, _ text: String, style: Style) {
    guard y >= 0, y < size.height else { return }
    var cx = x
    for ch in text {
      // Cell widths from the one table the real terminals use (CellWidth); the second cell of
      // a wide character holds `TestTerminal.continuation`, left out of `line`.
      let w = max(1, CellWidth.of(ch))
      if cx + w > size.width { break }
      if cx >= 0 {
        chars[y][cx] = ch
        styles[y][cx] = style
        if w == 2 {
          chars[y][cx + 1] = Self.continuation
          styles[y][cx + 1] = style
        }
      }
      cx += w
    }
  }

  func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
    for yy in max(0, y)..<min(size.height, y + height) {
      for xx in max(0, x)..<max(max(0, x), min(size.width, x + width)) {
        chars[yy][xx] = " "
        styles[yy][xx] = style
      }
    }
  }

  func clear(style: Style) {
    chars = Array(repeating: Array(repeating: " ", count: size.width), count: size.height)
    styles = Array(repeating: Array(repeating: style, count: size.width), count: size.height)
  }

  func flush() { flushes += 1 }
  func pollInput() -> [InputEvent] { [] }

  /// The filler of a wide character's second cell.
  static let continuation: Character = "\u{0}"

  /// Row y as a string.
  func line(_ y: Int) -> String { String(chars[y].filter { $0 != Self.continuation }) }
  /// The character in cell (x, y).
  func cell(_ x: Int, _ y: Int) -> Character { chars[y][x] }
  /// The whole screen, rows joined by newlines.
  var text: String { (0..<size.height).map(line).joined(separator: "\n") }
  /// The first (x, y) where `s` starts, or nil.
  func find(_ s: String) -> (x: Int, y: Int)? {
    for y in 0..<size.height {
      let l = Array(line(y))
      let n = Array(s)
      guard n.count <= l.count else { continue }
      for x in 0...(l.count - n.count) where Array(l[x..<(x + n.count)]) == n { return (x, y) }
    }
    return nil
  }
  func style(_ x: Int, _ y: Int) -> Style { styles[y][x] }
}
