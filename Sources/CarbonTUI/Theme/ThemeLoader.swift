import CarbonKit
import CarbonSystem
import CarbonTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds and loads themes: the bundled ones (themes/*.toml) and the user's own
/// ($XDG_CONFIG_HOME/carbontop/themes, default ~/.config/carbontop/themes; a user theme
/// with a bundled theme's name replaces it).
///
/// Loading never fails: a missing or broken theme gives diagnostics and the default theme.
public struct ThemeLoader: Sendable {
  /// A loaded theme and the problems found on the way (empty when all went well).
  public struct Result: Sendable {
    public var theme: Theme
    public var diagnostics: [Diagnostic]
  }

  /// The folder of bundled themes, if one was found.
  public var bundledDirectory: String?
  /// The user's theme folder (it may not exist).
  public var userDirectory: String?

  public init(bundledDirectory: String?, userDirectory: String?) {
    self.bundledDirectory = bundledDirectory
    self.userDirectory = userDirectory
  }

  /// The loader for this process: bundled themes from $CARBONTOP_THEMES, else a `themes`
  /// folder next to the executable or in ../share/carbontop, else the source tree's own
  /// (found from this file's path); user themes from $XDG_CONFIG_HOME or ~/.config.
  public static func standard(
    environment: [String: String] = SystemInfo.environment,
    executablePath: String? = ExecutablePath.current
  ) -> ThemeLoader {
    func isDir(_ p: String) -> Bool { FileBytes.isFolder(p) }
    var candidates: [String] = []
    if let env = environment["CARBONTOP_THEMES"], !env.isEmpty { candidates.append(env) }
    if let exe = executablePath {
      let dir = PathText.parent(exe)
      candidates.append(PathText.join(dir, "themes"))
      candidates.append(PathText.join(PathText.parent(dir), "share/carbontop/themes"))
    }
    // Sources/CarbonTUI/Theme/ThemeLoader.swift -> the package root's themes/.
    let source = "\(#filePath)"
    let root = PathText.parent(PathText.parent(PathText.parent(PathText.parent(source))))
    candidates.append(PathText.join(root, "themes"))
    let bundled = candidates.first(where: isDir)

    let user = ConfigDirectory.path(environment: environment).map { $0 + "/themes" }
    return ThemeLoader(bundledDirectory: bundled, userDirectory: user)
  }

  /// The built-in default theme (themes/dark.toml, embedded).
  public static let defaultSpec: ThemeParser.Spec = ThemeParser.parseSpec(
    toml: ThemeDefault.toml, file: "dark.toml"
  ).spec
  /// The default theme.
  public static let defaultTheme: Theme = ThemeParser.resolve(
    defaultSpec, fallback: defaultSpec, name: ThemeDefault.name)

  /// Parses a theme file's text; on any error, the default theme and the diagnostics.
  public static func theme(fromTOML toml: String, name: String, file: String) -> Result {
    let (spec, diags) = ThemeParser.parseSpec(toml: toml, file: file)
    if !diags.isEmpty {
      var all = diags
      all.append(
        Diagnostic(
          .warning, file: file,
          "theme \"\(ThemeParser.sanitize(name))\" not used: using the default theme \"\(ThemeDefault.name)\""
        ))
      return Result(theme: defaultTheme, diagnostics: all)
    }
    return Result(
      theme: ThemeParser.resolve(spec, fallback: defaultSpec, name: name), diagnostics: [])
  }

  private func files(in dir: String?) -> [String: String] {
    guard let dir, let names = FileBytes.names(inFolder: dir) else {
      return [:]
    }
    var out: [String: String] = [:]
    for n in names where n.hasSuffix(".toml") {
      out[String(n.dropLast(5))] = PathText.join(dir, n)
    }
    return out
  }

  /// Theme name -> file path: bundled themes, then the user's over them.
  public func themeFiles() -> [String: String] {
    files(in: bundledDirectory).merging(files(in: userDirectory)) { _, user in user }
  }

  /// The names of every theme, the default first, then sorted (the order `t` cycles in).
  /// The default is always there, even without any theme folder.
  public func availableThemes() -> [String] {
    var names = Set(themeFiles().keys)
    names.remove(ThemeDefault.name)
    return [ThemeDefault.name] + names.sorted()
  }

  /// The theme after `name` in `availableThemes()`, wrapping round (for the `t` key).
  public func nextTheme(after name: String) -> String {
    let all = availableThemes()
    guard let i = all.firstIndex(of: name) else { return all[0] }
    return all[(i + 1) % all.count]
  }

  /// Loads a theme by name. The default theme loads from its file when there is one,
  /// else from the built-in copy. An unknown name or an unreadable or broken file gives
  /// diagnostics and the default theme.
  public func load(named name: String) -> Result {
    guard let path = themeFiles()[name] else {
      if name == ThemeDefault.name { return Result(theme: Self.defaultTheme, diagnostics: []) }
      let msg =
        "theme \"\(ThemeParser.sanitize(name))\" not found (available: \(availableThemes().joined(separator: ", "))); using \"\(ThemeDefault.name)\""
      return Result(
        theme: Self.defaultTheme, diagnostics: [Diagnostic(.error, file: "--theme", msg)])
    }
    return load(path: path, name: name)
  }

  /// Loads a theme file; its name is the file's name without `.toml`.
  public func load(path: String, name: String? = nil) -> Result {
    let themeName = name ?? PathText.stem(path)
    let data: [UInt8]
    switch FileBytes.contents(of: path, limit: InputLimits.settingsFileBytes) {
    case .bytes(let b): data = b
    case .failed(let why) where why.hasPrefix("too large"):
      return Result(
        theme: Self.defaultTheme,
        diagnostics: [
          Diagnostic(.error, file: path, "\(why); using \"\(ThemeDefault.name)\"")
        ])
    default:
      return Result(
        theme: Self.defaultTheme,
        diagnostics: [
          Diagnostic(
            .error, file: path, "cannot read the theme file; using \"\(ThemeDefault.name)\"")
        ])
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      return Result(
        theme: Self.defaultTheme,
        diagnostics: [
          Diagnostic(.error, file: path, "not UTF-8 text; using \"\(ThemeDefault.name)\"")
        ])
    }
    return Self.theme(fromTOML: text, name: themeName, file: path)
  }
}
