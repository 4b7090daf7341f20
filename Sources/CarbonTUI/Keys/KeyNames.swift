import CarbonTerminal

/// Names of keys as written in keys.toml and shown in the help: `q`, `Ctrl-c`, `Enter`,
/// `Esc`, `Tab`, `Shift-Tab`, `Up`, `PageDown`, `F1`, `Space`, `[`.
public enum KeyNames {
  private static let named: [(String, Key)] = [
    ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("Shift-Tab", .backTab),
    ("Backspace", .backspace), ("Delete", .delete), ("Up", .up), ("Down", .down),
    ("Left", .left), ("Right", .right), ("Shift-Up", .shiftUp), ("Shift-Down", .shiftDown),
    ("Shift-Left", .shiftLeft), ("Shift-Right", .shiftRight), ("Home", .home), ("End", .end),
    ("PageUp", .pageUp), ("PageDown", .pageDown), ("Space", .char(" ")),
  ]
  private static let aliases: [String: Key] = [
    "return": .enter, "escape": .escape, "backtab": .backTab, "pgup": .pageUp, "pgdn": .pageDown,
    "del": .delete,
  ]

  /// Parses a key name (case-insensitive for named keys; a single character is taken as is).
  public static func parse(_ name: String) -> Key? {
    if name.count == 1, let ch = name.first, !ch.isWhitespace || ch == " " {
      return .char(ch)
    }
    let lower = name.lowercased()
    for (n, k) in named where n.lowercased() == lower { return k }
    if let k = aliases[lower] { return k }
    for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      if rest.count == 1, let ch = rest.first, ch >= "a", ch <= "z" { return .ctrl(ch) }
      return nil
    }
    if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
      return .function(n)
    }
    return nil
  }

  /// The name of a key as the help shows it.
  public static func name(_ key: Key) -> String {
    for (n, k) in named where k == key { return n }
    switch key {
    case .char(let c): return String(c)
    case .ctrl(let c): return "Ctrl-\(c)"
    case .function(let n): return "F\(n)"
    default: return "?"
    }
  }
}
