#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The USAGE line of a command's `--help`, wrapped at the terminal's width between whole
/// option groups (swift-argument-parser wraps every other part of a help at word boundaries,
/// but prints its own usage line unwrapped).
enum HelpUsage {
  /// The terminal's width as the argument parser reads it: `COLUMNS`, else the size of the
  /// terminal on standard output, else 80.
  static var width: Int {
    if let c = getenv("COLUMNS"), let n = Int(String(cString: c)), n > 0 { return n }
    var w = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
    return 80
  }

  /// `groups` ("carbontop report", "[<dataset>]", "[--format <format>]", ...) joined by
  /// spaces, a line ending before a group that would reach the last column. The parser
  /// prints "USAGE: " before the first line and indents the others by as much.
  static func wrapped(_ groups: [String], width: Int = HelpUsage.width) -> String {
    let room = max(20, width - 7 - 1)
    var lines: [String] = []
    var line = ""
    for g in groups {
      if line.isEmpty {
        line = g
      } else if line.count + 1 + g.count <= room {
        line += " " + g
      } else {
        lines.append(line)
        line = g
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
