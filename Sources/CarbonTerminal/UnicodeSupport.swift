import CNcursesW

/// Whether the terminal can show Unicode (box drawing, braille, blocks).
public enum UnicodeSupport {
  /// True when the locale's code set is UTF-8 and `--ascii` was not given.
  /// `codeset` is `nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`.
  public static func detect(codeset: String, asciiFlag: Bool) -> Bool {
    if asciiFlag { return false }
    let normalized = String(codeset.uppercased().filter { $0 != "-" })
    return normalized == "UTF8"
  }

  /// `nl_langinfo(CODESET)` of the current locale (call `setlocale(LC_ALL, "")` first).
  public static func currentCodeset() -> String {
    guard let p = cn_codeset() else { return "" }
    return String(cString: p)
  }
}
