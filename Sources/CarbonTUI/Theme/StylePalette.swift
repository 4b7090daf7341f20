import CarbonTerminal

/// The semantic roles every cell of the dashboard is drawn with: the theme files' roles.
public typealias StyleRole = ThemeRole

/// Maps semantic roles to styles. The app bridges its theme to this protocol.
public protocol StylePalette {
  /// The style of cells drawn in a role.
  func style(_ role: StyleRole) -> Style
}
