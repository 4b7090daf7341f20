import CarbonTerminal

/// The semantic roles every cell of the dashboard is drawn with. A theme (or the built-in
/// `DefaultPalette`) maps each role to a concrete `Style`.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
  case background, text, muted, title, border, borderFocus
  case good, warn, bad, accent
  case chartHistory, chartProjection, chartPath
  case gaugeFill, gaugeEmpty
  case selection, statusBar, statusBarText, changed, header
}

/// Maps semantic roles to styles. The app bridges its theme to this protocol.
public protocol StylePalette {
  /// The style of cells drawn in a role.
  func style(_ role: StyleRole) -> Style
}

/// A built-in dark-terminal palette using the 16 basic colours plus attributes, so it reads
/// on any colour depth (and, through the attributes, without colour).
public struct DefaultPalette: StylePalette, Sendable {
  public init() {}

  public func style(_ role: StyleRole) -> Style {
    switch role {
    case .background, .text: return .plain
    case .muted: return Style(fg: .indexed(8), attributes: .dim)
    case .title: return Style(attributes: .bold)
    case .border: return Style(fg: .indexed(8))
    case .borderFocus: return Style(fg: .indexed(6), attributes: .bold)
    case .good: return Style(fg: .indexed(2), attributes: .bold)
    case .warn: return Style(fg: .indexed(3), attributes: .bold)
    case .bad: return Style(fg: .indexed(1), attributes: .bold)
    case .accent: return Style(fg: .indexed(6))
    case .chartHistory: return Style(fg: .indexed(6))
    case .chartProjection: return Style(fg: .indexed(5))
    case .chartPath: return Style(fg: .indexed(8))
    case .gaugeFill: return Style(fg: .indexed(2))
    case .gaugeEmpty: return Style(fg: .indexed(8))
    case .selection: return Style(attributes: .reverse)
    case .statusBar: return Style(attributes: .reverse)
    case .statusBarText: return Style(attributes: .reverse)
    case .changed: return Style(fg: .indexed(3), attributes: [.bold, .underline])
    case .header: return Style(attributes: [.bold, .underline])
    }
  }
}
