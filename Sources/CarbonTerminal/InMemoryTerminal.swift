import CarbonText

/// A terminal in memory for tests: a grid of cells, scripted input, a count of flushes.
/// Wide characters take two cells (the second is a continuation cell); control characters
/// are drawn as U+FFFD (`Sanitize`), as the ncurses terminal does.
public final class InMemoryTerminal: Terminal {
  /// One cell of the grid.
  public struct Cell: Hashable, Sendable {
    /// The character drawn; for the right half of a wide character, "" (a continuation).
    public var text: String
    public var style: Style
    public init(text: String = " ", style: Style = .plain) {
      self.text = text
      self.style = style
    }
    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
  }

  public private(set) var size: Size
  public var colorDepth: ColorDepth
  public var unicode: Bool
  /// The cells, row by row.
  public private(set) var cells: [[Cell]]
  /// How many times `flush()` was called.
  public private(set) var flushCount = 0
  /// How many times `clear(style:)` was called.
  public private(set) var clearCount = 0
  /// Input events not yet read by `pollInput()`.
  public var pendingInput: [InputEvent] = []

  public init(
    width: Int = 80, height: Int = 24, colorDepth: ColorDepth = .indexed256, unicode: Bool = true
  ) {
    let size = Size(width: max(0, width), height: max(0, height))
    self.size = size
    self.colorDepth = colorDepth
    self.unicode = unicode
    self.cells = Self.blank(size, style: .plain)
  }

  private static func blank(_ size: Size, style: Style) -> [[Cell]] {
    Array(repeating: Array(repeating: Cell(style: style), count: size.width), count: size.height)
  }

  // MARK: Terminal

  public func put(x: Int, y: Int, _ text: String, style: Style) {
    guard y >= 0, y < size.height else { return }
    var col = x
    for ch in text {
      let safe: Character = Self.isControl(ch) ? Sanitize.replacement : ch
      let w = CellWidth.of(safe)
      if w == 0 {
        // A combining mark joins the previous cell, if it is on the grid.
        if col - 1 >= 0, col - 1 < size.width, !cells[y][col - 1].isContinuation {
          cells[y][col - 1].text.append(safe)
        }
        continue
      }
      if col + w > size.width { break }
      if col >= 0 {
        clearWide(x: col, y: y)
        if w == 2 { clearWide(x: col + 1, y: y) }
        cells[y][col] = Cell(text: String(safe), style: style)
        if w == 2 { cells[y][col + 1] = Cell(text: "", style: style) }
      }
      col += w
    }
  }

  /// Before overwriting a cell, blanks the other half of a wide character it belongs to.
  private func clearWide(x: Int, y: Int) {
    guard x >= 0, x < size.width else { return }
    if cells[y][x].isContinuation, x - 1 >= 0 {
      cells[y][x - 1] = Cell(text: " ", style: cells[y][x - 1].style)
    } else if x + 1 < size.width, cells[y][x + 1].isContinuation {
      cells[y][x + 1] = Cell(text: " ", style: cells[y][x + 1].style)
    }
  }

  /// True for a character the terminal must never receive raw (`Sanitize`'s one rule); it is
  /// drawn as U+FFFD, the last line of defence behind the views' own sanitizing.
  static func isControl(_ ch: Character) -> Bool {
    ch.unicodeScalars.contains(where: Sanitize.isUnsafe)
  }

  public func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
    guard width > 0, height > 0 else { return }
    let line = String(repeating: " ", count: width)
    for row in y..<(y + height) { put(x: x, y: row, line, style: style) }
  }

  public func clear(style: Style) {
    clearCount += 1
    cells = Self.blank(size, style: style)
  }

  public func flush() { flushCount += 1 }

  public func pollInput() -> [InputEvent] {
    defer { pendingInput.removeAll() }
    return pendingInput
  }

  // MARK: Test helpers

  /// Queues input events for the next `pollInput()`.
  public func enqueue(_ events: InputEvent...) { pendingInput.append(contentsOf: events) }

  /// Changes the size (contents are cleared, as after a real resize) and queues `.resize`.
  public func resize(to newSize: Size) {
    size = Size(width: max(0, newSize.width), height: max(0, newSize.height))
    cells = Self.blank(size, style: .plain)
    pendingInput.append(.resize(size))
  }

  /// The text of a row (wide characters once, continuation cells skipped); "" off the grid.
  public func text(row: Int) -> String {
    guard row >= 0, row < size.height else { return "" }
    return cells[row].map(\.text).joined()
  }

  /// Every row's text.
  public var lines: [String] { (0..<size.height).map { text(row: $0) } }

  /// The whole screen, rows joined with newlines and trailing spaces trimmed.
  public var screen: String {
    lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
      .joined(separator: "\n")
  }

  /// The style of a cell; nil off the grid.
  public func style(x: Int, y: Int) -> Style? {
    guard y >= 0, y < size.height, x >= 0, x < size.width else { return nil }
    return cells[y][x].style
  }

  /// The text of a cell; nil off the grid.
  public func character(x: Int, y: Int) -> String? {
    guard y >= 0, y < size.height, x >= 0, x < size.width else { return nil }
    return cells[y][x].text
  }

  /// Restores nothing (there is no screen); present so tests can use it like the real one.
  public func restore() {}
}
