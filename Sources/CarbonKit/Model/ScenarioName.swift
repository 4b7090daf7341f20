import CarbonText

/// The one rule for scenario names (the file is `scenarios/NAME.toml`): 1 to `maxLength`
/// characters, each an ASCII letter, a digit, `.`, `_` or `-`, not starting with `.`. The
/// editor's prompt, the file writer and docs/data-format.md all state this limit.
public enum ScenarioName {
  /// The longest name allowed.
  public static let maxLength = 100

  /// The allowed characters, as the prompt says them.
  public static let allowed = "letters, digits, . _ -"

  /// Nil when `name` is valid, else a message saying why not and what is allowed.
  public static func problem(_ name: String) -> String? {
    if name.isEmpty { return "type a name: 1-\(maxLength) characters (\(allowed))" }
    let n = name.unicodeScalars.count
    if n > maxLength { return "too long: \(n) characters, at most \(maxLength)" }
    for c in name.unicodeScalars where !isAllowed(c) {
      let shown = c == " " ? "a space" : "\"" + Sanitize.text(String(c)) + "\""
      return "\(shown) is not allowed in a name; use \(allowed)"
    }
    if name.hasPrefix(".") { return "a name must not start with \".\"" }
    return nil
  }

  /// True when `name` follows the rule.
  public static func isValid(_ name: String) -> Bool { problem(name) == nil }

  /// True for A-Z, a-z, 0-9, `.`, `_`, `-`.
  static func isAllowed(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2E, 0x5F, 0x2D: return true
    default: return false
    }
  }
}
