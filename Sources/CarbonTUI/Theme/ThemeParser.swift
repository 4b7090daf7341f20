import CarbonKit
import CarbonSystem
import CarbonTOML
import CarbonTerminal

/// Reads a theme file's TOML into a `Theme`: pure (text in, theme and diagnostics out).
///
/// Shape: optional top-level `name` and `description` strings, then one table per
/// `ThemeRole` with optional `fg`, `bg` (a colour) and `attrs` (an array of `bold`, `dim`,
/// `underline`, `reverse`, `italic`). Keys left out fall back to the default theme; a `bg`
/// left out by both is the `background` role's bg.
public enum ThemeParser {
  /// A role as a file states it: nil for each field left out.
  public struct RoleSpec: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var attrs: Attributes?
    public init(fg: Color? = nil, bg: Color? = nil, attrs: Attributes? = nil) {
      self.fg = fg
      self.bg = bg
      self.attrs = attrs
    }
  }

  /// A theme file as stated, before fallbacks.
  public struct Spec: Hashable, Sendable {
    public var name: String?
    public var description: String?
    public var roles: [ThemeRole: RoleSpec]
    public init(name: String? = nil, description: String? = nil, roles: [ThemeRole: RoleSpec] = [:])
    {
      self.name = name
      self.description = description
      self.roles = roles
    }
  }

  /// What a colour may be, for messages.
  static let colourForms = "use \"#RRGGBB\", 0-255, one of the 16 colour names or \"default\""
  static let attributeNames: [(String, Attributes)] = [
    ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
    ("italic", .italic),
  ]
  /// The 16 basic colour names, in palette order.
  public static let colourNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta",
    "brightcyan", "brightwhite",
  ]

  /// Parses a colour written as a string: `#RRGGBB`, a basic colour name (case, `_`, `-`
  /// and spaces ignored: `bright_red` is `brightred`; `grey`/`gray` is `brightblack`),
  /// `default`, or a decimal index 0-255 in quotes. Nil when it is none of these.
  public static func parseColour(_ text: String) -> Color? {
    let t = text.trimmingBlanks()
    if t.hasPrefix("#") {
      let hex = t.dropFirst()
      guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else {
        return nil
      }
      return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
    if !t.isEmpty, t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber) {
      guard let i = Int(t), (0...255).contains(i) else { return nil }
      return .indexed(UInt8(i))
    }
    let key = t.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
    if key == "default" { return .default }
    if key == "grey" || key == "gray" { return .indexed(8) }
    if let i = colourNames.firstIndex(of: key) { return .indexed(UInt8(i)) }
    return nil
  }

  /// Reads the file's text into a `Spec`, with a diagnostic (severity error) for each
  /// problem; `file` names the file in them.
  public static func parseSpec(toml: String, file: String) -> (
    spec: Spec, diagnostics: [Diagnostic]
  ) {
    var spec = Spec()
    var diags: [Diagnostic] = []
    let table: TOMLTable
    do {
      table = try TOML.parse(toml)
    } catch {
      let d = Diagnostic(
        .error, file: file, line: error.position.line, column: error.position.column,
        "invalid TOML: \(sanitize(error.message, limit: 120))")
      return (spec, [d])
    }
    func error(_ at: TOMLPosition?, _ message: String) {
      diags.append(Diagnostic(.error, file: file, line: at?.line, column: at?.column, message))
    }
    for key in table.keys {
      let value = table[key]
      switch key {
      case "name", "description":
        guard let s = value?.string else {
          error(table.valuePosition(of: key), "\(key): expected a string")
          continue
        }
        if key == "name" { spec.name = s } else { spec.description = s }
        continue
      default: break
      }
      guard let role = ThemeRole(rawValue: key) else {
        error(
          table.position(of: key),
          "unknown key \"\(sanitize(key))\": not a theme role (see docs/themes.md)")
        continue
      }
      guard let roleTable = value?.table else {
        error(
          table.valuePosition(of: key),
          "\(key): expected a table, like [\(key)] with fg, bg and attrs")
        continue
      }
      var rs = RoleSpec()
      for field in roleTable.keys {
        let fieldAt = roleTable.position(of: field) ?? roleTable.position
        let v = roleTable[field]
        switch field {
        case "fg", "bg":
          let colour: Color?
          if let i = v?.int {
            guard (0...255).contains(i) else {
              error(fieldAt, "\(key).\(field): colour index \(i) is not in 0...255")
              continue
            }
            colour = .indexed(UInt8(i))
          } else if let s = v?.string {
            guard let c = parseColour(s) else {
              error(fieldAt, "\(key).\(field): unknown colour \"\(sanitize(s))\": \(colourForms)")
              continue
            }
            colour = c
          } else {
            error(fieldAt, "\(key).\(field): expected a colour: \(colourForms)")
            continue
          }
          if field == "fg" { rs.fg = colour } else { rs.bg = colour }
        case "attrs":
          var names: [String] = []
          if let s = v?.string {
            names = [s]
          } else if let a = v?.array {
            var ok = true
            for item in a {
              guard let s = item.string else {
                ok = false
                break
              }
              names.append(s)
            }
            guard ok else {
              error(fieldAt, "\(key).attrs: expected an array of strings, like [\"bold\"]")
              continue
            }
          } else {
            error(fieldAt, "\(key).attrs: expected an array of strings, like [\"bold\"]")
            continue
          }
          var attrs: Attributes = []
          var bad = false
          for n in names {
            guard let a = attributeNames.first(where: { $0.0 == n.lowercased() })?.1 else {
              error(
                fieldAt,
                "\(key).attrs: unknown attribute \"\(sanitize(n))\": use bold, dim, underline, reverse, italic"
              )
              bad = true
              continue
            }
            attrs.insert(a)
          }
          if !bad { rs.attrs = attrs }
        default:
          error(
            fieldAt, "unknown key \"\(key).\(sanitize(field))\": a role has fg, bg and attrs")
        }
      }
      spec.roles[role] = rs
    }
    diags.sort { ($0.line ?? 0, $0.message) < ($1.line ?? 0, $1.message) }
    return (spec, diags)
  }

  /// The theme a spec gives, with its gaps filled from `fallback` (the default theme's
  /// spec): fg and attrs from the fallback's role; bg from the fallback's role if it states
  /// one, else this theme's background bg.
  public static func resolve(_ spec: Spec, fallback: Spec, name: String) -> Theme {
    func field<T>(_ role: ThemeRole, _ path: KeyPath<RoleSpec, T?>) -> T? {
      spec.roles[role]?[keyPath: path] ?? fallback.roles[role]?[keyPath: path]
    }
    let backgroundBg = field(.background, \.bg) ?? .default
    var styles: [ThemeRole: Style] = [:]
    for role in ThemeRole.allCases {
      styles[role] = Style(
        fg: field(role, \.fg) ?? .default,
        bg: field(role, \.bg) ?? backgroundBg,
        attributes: field(role, \.attrs) ?? [])
    }
    return Theme(name: name, description: spec.description ?? "", styles: styles)
  }

  /// Text from a file, safe to show: control characters become `?`, long text is cut.
  static func sanitize(_ s: String, limit: Int = 40) -> String {
    let clean = String(
      s.unicodeScalars.map {
        $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : Character($0)
      })
    return clean.count > limit ? String(clean.prefix(limit)) + "..." : clean
  }
}
