extension ColorDepth {
  /// The colour depth to use, from the environment, the --no-color flag and the number of
  /// colours terminfo reports (`tigetnum("colors")` or `COLORS`; -1 or 0 when none).
  ///
  /// - `NO_COLOR` with any non-empty value, or `--no-color`: `.none`.
  /// - `COLORTERM` `truecolor` or `24bit`: `.trueColor`, if the terminal has at least 256
  ///   colours (a vt100 claiming true colour stays without colour).
  /// - Otherwise from the terminfo count: >= 2^24 true colour, >= 256, >= 16, >= 8, else none.
  public static func detect(
    environment: [String: String], noColorFlag: Bool, ncursesColors: Int
  ) -> ColorDepth {
    if noColorFlag { return .none }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
    if (colorTerm == "truecolor" || colorTerm == "24bit") && ncursesColors >= 256 {
      return .trueColor
    }
    switch ncursesColors {
    case 16_777_216...: return .trueColor
    case 256...: return .indexed256
    case 16...: return .ansi16
    case 8...: return .ansi8
    default: return .none
    }
  }
}
