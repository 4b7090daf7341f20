/// Makes text from data files safe to print on a terminal.
///
/// Choices (docs/architecture.md, "Text from data files"):
/// - Every control character is replaced by U+FFFD: C0 (U+0000-U+001F, tab and line feed
///   included), DEL (U+007F) and C1 (U+0080-U+009F, CSI U+009B included). An escape sequence
///   therefore loses its ESC and can never be interpreted; its printable tail stays visible.
/// - Unicode bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the line
///   and paragraph separators (U+2028, U+2029) are replaced too: they can reorder or break a
///   terminal line; so are the bidi marks (U+200E, U+200F, U+061C) and U+FEFF.
/// - This is the one sanitizer: the report formats, the dashboard's views and the terminal
///   layer (`InMemoryTerminal`, `NcursesTerminal`) all use it.
public enum Sanitize {
  /// The replacement character, U+FFFD.
  public static let replacement: Character = "\u{FFFD}"

  /// True for a scalar that `text(_:)` replaces.
  public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E)
      || (v >= 0x2066 && v <= 0x2069) || v == 0x2028 || v == 0x2029 || v == 0x200E
      || v == 0x200F || v == 0x061C || v == 0xFEFF
  }

  /// Several lines of output for a terminal (a report, a CSV, diagnostics): like `text(_:)`,
  /// but line feeds and tabs stay, since they are the output's own layout. A CR, which could
  /// overwrite a line, is replaced.
  public static func lines(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" })
    else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      out.append(isUnsafe(s) && s != "\n" && s != "\t" ? "\u{FFFD}" : s)
    }
    return String(out)
  }

  /// `text` with every control character (C0, DEL, C1, ESC of escape sequences) and bidi
  /// override replaced by U+FFFD. Returns the same string when nothing needs replacing.
  public static func text(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      out.append(isUnsafe(s) ? "\u{FFFD}" : s)
    }
    return String(out)
  }
}
