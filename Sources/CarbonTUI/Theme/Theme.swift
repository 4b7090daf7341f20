import CarbonTerminal

/// A named set of styles, one per `ThemeRole`. Load one with `ThemeLoader`.
public struct Theme: Hashable, Sendable {
  /// The theme's name (`dark`, `nord`, ... or a user theme's file name).
  public var name: String
  /// One line saying what it is for; may be empty.
  public var description: String
  /// A style for every role.
  public var styles: [ThemeRole: Style]

  public init(name: String, description: String = "", styles: [ThemeRole: Style]) {
    self.name = name
    self.description = description
    self.styles = styles
  }

  /// The style of a role (plain if the theme somehow lacks it).
  public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

  /// The style of a role as a terminal of `depth` can show it.
  public func style(_ role: ThemeRole, depth: ColorDepth) -> Style {
    Self.adapt(self[role], role: role, to: depth)
  }

  /// This theme as a terminal of `depth` can show it: colours mapped to the nearest the
  /// depth has; with no colour, only attributes remain, and each role keeps its
  /// `monochromeAttributes` (bold, reverse, underline) so statuses stay distinguishable.
  public func styleForDepth(_ depth: ColorDepth) -> Theme {
    var out = self
    for (role, style) in styles { out.styles[role] = Self.adapt(style, role: role, to: depth) }
    return out
  }

  static func adapt(_ style: Style, role: ThemeRole, to depth: ColorDepth) -> Style {
    if depth == .none {
      return Style(attributes: style.attributes.union(role.monochromeAttributes))
    }
    return Style(
      fg: ColorMapper.map(style.fg, to: depth), bg: ColorMapper.map(style.bg, to: depth),
      attributes: style.attributes)
  }
}

extension Theme: StylePalette {
  /// The theme's style of a role (adapt the theme to the terminal first with `styleForDepth`).
  public func style(_ role: StyleRole) -> Style { self[role] }
}
