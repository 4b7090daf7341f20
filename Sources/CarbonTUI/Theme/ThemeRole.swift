import CarbonTerminal

/// A semantic role a theme gives a style to; the raw value is the theme file's table name.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
  /// The screen behind everything; a role whose bg is left out takes this one's.
  case background
  case text
  /// Secondary text: units, labels, "no data".
  case muted
  /// Panel titles.
  case title
  /// The top line: organisation, fiscal year, clock.
  case header
  case border
  /// The border of the focused panel.
  case borderFocus = "border_focus"
  /// Status ACHIEVED / ON TRACK.
  case good
  /// Status AT RISK, warnings.
  case warn
  /// Status BEHIND, errors.
  case bad
  case accent
  /// Charts: the recorded history line.
  case chartHistory = "chart_history"
  /// Charts: a scenario's projection.
  case chartProjection = "chart_projection"
  /// Charts: the straight path to the target.
  case chartPath = "chart_path"
  case gaugeFill = "gauge_fill"
  case gaugeEmpty = "gauge_empty"
  /// The selected row or lever.
  case selection
  /// The bottom line.
  case statusBar = "status_bar"
  /// Highlighted words in the bottom line (keys, counts of warnings).
  case statusBarText = "status_bar_text"
  /// A figure that changed a moment ago (live reload).
  case changed

  /// Attributes that keep the role distinguishable when there is no colour (NO_COLOR,
  /// --no-color, vt100); added to the theme's own attributes at `ColorDepth.none`.
  public var monochromeAttributes: Attributes {
    switch self {
    case .good, .title, .header, .borderFocus, .statusBarText: return .bold
    case .warn: return .underline
    case .bad: return [.bold, .reverse]
    case .selection, .statusBar, .gaugeFill, .changed: return .reverse
    case .muted, .gaugeEmpty: return .dim
    default: return []
    }
  }
}
