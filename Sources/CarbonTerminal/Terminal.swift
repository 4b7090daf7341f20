/// A colour as a theme states it; the terminal maps it to what it can show.
public enum Color: Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// 0...255 (0-15 the basic colours).
  case indexed(UInt8)
  case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes, usable without any colour.
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = Attributes(rawValue: 1)
  public static let dim = Attributes(rawValue: 2)
  public static let underline = Attributes(rawValue: 4)
  public static let reverse = Attributes(rawValue: 8)
  public static let italic = Attributes(rawValue: 16)
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
  public var fg: Color
  public var bg: Color
  public var attributes: Attributes
  public init(fg: Color = .default, bg: Color = .default, attributes: Attributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }
  public static let plain = Style()
}

/// What the terminal can show.
public enum ColorDepth: Int, Comparable, Sendable {
  /// Attributes only (NO_COLOR, --no-color, vt100).
  case none = 0
  case ansi8 = 8
  case ansi16 = 16
  case indexed256 = 256
  case trueColor = 16_777_216
  public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

public struct Size: Hashable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

public enum Key: Hashable, Sendable {
  case char(Character)
  case up, down, left, right
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case home, end, pageUp, pageDown
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
  /// Ctrl + a letter (a...z).
  case ctrl(Character)
}

public enum MouseButton: Hashable, Sendable {
  case left, middle, right, wheelUp, wheelDown
}

/// One input event from the terminal.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseButton, x: Int, y: Int)
  case resize(Size)
  /// The terminal hung up (POLLHUP, POLLERR or end of file on its input): nothing more will
  /// be read or shown, so the dashboard ends as on `q`.
  case hangup
}

/// Everything above CarbonTerminal draws through this protocol: the ncurses terminal
/// for real, an in-memory one for tests. Coordinates are 0-based cells; text is drawn as
/// given (callers sanitize data text first) and clipped at the right edge.
public protocol Terminal: AnyObject {
  var size: Size { get }
  var colorDepth: ColorDepth { get }
  /// True when the locale can show Unicode (box drawing, braille, blocks).
  var unicode: Bool { get }
  /// Writes text at (x, y) with a style; characters past the right edge are dropped.
  func put(x: Int, y: Int, _ text: String, style: Style)
  /// Fills a rectangle with spaces of a style.
  func fill(x: Int, y: Int, width: Int, height: Int, style: Style)
  /// Clears the whole frame to blanks in the given style (the next frame starts from this).
  func clear(style: Style)
  /// Sends what changed since the last flush to the screen.
  func flush()
  /// Input waiting now, without blocking.
  func pollInput() -> [InputEvent]
}
