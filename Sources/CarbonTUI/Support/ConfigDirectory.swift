/// carbontop's configuration folder: `$XDG_CONFIG_HOME/carbontop`, else
/// `~/.config/carbontop`; nil when neither variable is set. Themes live in its `themes/`,
/// the key map is its `keys.toml`.
public enum ConfigDirectory {
  public static func path(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/carbontop" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.config/carbontop" }
    return nil
  }
}
