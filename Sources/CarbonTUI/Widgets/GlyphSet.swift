/// The characters the widgets draw with: Unicode (box drawing, braille, blocks) or ASCII.
public struct GlyphSet: Hashable, Sendable {
  /// How line charts are rasterized.
  public enum ChartMode: Hashable, Sendable {
    /// 2x4 dots per cell (U+2800...U+28FF).
    case braille
    /// Half blocks: 1x2 per cell.
    case block
    /// One character per cell.
    case ascii
  }

  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// Heavier lines for a focused panel.
  public var focusHorizontal: Character
  public var focusVertical: Character
  public var focusTopLeft: Character
  public var focusTopRight: Character
  public var focusBottomLeft: Character
  public var focusBottomRight: Character
  public var gaugeFull: Character
  public var gaugeEmpty: Character
  /// Partial cells from 1/8 to 7/8 (empty for ASCII).
  public var gaugePartials: [Character]
  public var barFull: Character
  public var ellipsis: Character
  public var chartMode: ChartMode
  /// Cell-level markers used by the block and ASCII chart modes.
  public var historyMark: Character
  public var projectionMark: Character
  public var pathMark: Character
  public var isUnicode: Bool
  /// Beside a figure that changed a moment ago: up, down, changed without an order.
  public var changeMarks: (up: Character, down: Character, other: Character) {
    isUnicode ? ("\u{25B2}", "\u{25BC}", "\u{25C6}") : ("^", "v", "*")
  }
  /// The chart markers of the year in progress: year to date, run-rate (shapes, not colours).
  public var inProgressMarks: (yearToDate: Character, runRate: Character) {
    isUnicode ? ("\u{25CB}", "\u{25CF}") : ("o", "@")
  }

  /// Box drawing, braille and blocks.
  public static let unicode = GlyphSet(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘", focusHorizontal: "━", focusVertical: "┃", focusTopLeft: "┏",
    focusTopRight: "┓", focusBottomLeft: "┗", focusBottomRight: "┛", gaugeFull: "█",
    gaugeEmpty: "░", gaugePartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barFull: "█",
    ellipsis: "…", chartMode: .braille, historyMark: "█", projectionMark: "▒", pathMark: "·",
    isUnicode: true)

  /// Unicode boxes with half-block charts (for fonts without braille).
  public static let blocks: GlyphSet = {
    var g = GlyphSet.unicode
    g.chartMode = .block
    return g
  }()

  /// Plain ASCII, for non-UTF-8 locales and `--ascii`.
  public static let ascii = GlyphSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", focusHorizontal: "=", focusVertical: "#", focusTopLeft: "#",
    focusTopRight: "#", focusBottomLeft: "#", focusBottomRight: "#", gaugeFull: "#",
    gaugeEmpty: "-", gaugePartials: [], barFull: "#", ellipsis: "~", chartMode: .ascii,
    historyMark: "*", projectionMark: "+", pathMark: ".", isUnicode: false)

  /// The set for a terminal: Unicode when it can show it and `--ascii` was not given.
  public static func choose(terminalUnicode: Bool, asciiFlag: Bool) -> GlyphSet {
    terminalUnicode && !asciiFlag ? .unicode : .ascii
  }
}
