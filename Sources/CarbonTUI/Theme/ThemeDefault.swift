/// The default theme, built in, so carbontop has colours even without its themes/ folder.
/// It must equal themes/dark.toml byte for byte (a test checks).
public enum ThemeDefault {
  /// The default theme's name.
  public static let name = "dark"

  /// The text of themes/dark.toml.
  public static let toml = #"""
    # carbontop theme: dark (the default).
    # Every other theme falls back to this one for the keys it leaves out.
    # A role has fg, bg and attrs; a bg left out is the background role's bg.
    name = "dark"
    description = "Dark background, calm colours; the default"

    [background]
    fg = "#D0D0D0"
    bg = "#1C1C1C"

    [text]
    fg = "#D0D0D0"

    [muted]
    fg = "#808080"

    [title]
    fg = "#FFFFFF"
    attrs = ["bold"]

    [header]
    fg = "#87AFD7"
    attrs = ["bold"]

    [border]
    fg = "#585858"

    [border_focus]
    fg = "#87AFD7"
    attrs = ["bold"]

    [good]
    fg = "#5FD787"
    attrs = ["bold"]

    [warn]
    fg = "#FFD75F"
    attrs = ["bold"]

    [bad]
    fg = "#FF5F5F"
    attrs = ["bold"]

    [accent]
    fg = "#AF87FF"

    [chart_history]
    fg = "#5FAFFF"

    [chart_projection]
    fg = "#FFAF5F"

    [chart_path]
    fg = "#8A8A8A"

    [gauge_fill]
    fg = "#5FAFFF"

    [gauge_empty]
    fg = "#444444"

    [selection]
    fg = "#FFFFFF"
    bg = "#005F87"
    attrs = ["bold"]

    [status_bar]
    fg = "#D0D0D0"
    bg = "#303030"

    [status_bar_text]
    fg = "#FFD75F"
    bg = "#303030"
    attrs = ["bold"]

    [changed]
    fg = "#1C1C1C"
    bg = "#FFD75F"
    attrs = ["bold"]

    """#
}
