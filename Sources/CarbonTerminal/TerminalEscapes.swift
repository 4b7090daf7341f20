#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Escapes sent outside ncurses' screen updates: the bell and desktop notifications. None
/// moves the cursor or changes a cell, so the screen ncurses knows stays true.
public enum TerminalEscapes {
  /// BEL.
  public static let bell: [UInt8] = [0x07]

  /// A desktop notification: OSC 777 (`notify;TITLE;BODY`) in VTE terminals (VTE_VERSION
  /// set) and rxvt, else OSC 9 (`TITLE: BODY`: iTerm2, WezTerm, Windows Terminal, kitty,
  /// foot, ...). Inside tmux (TMUX set) it is wrapped in tmux's passthrough
  /// (`ESC P tmux; ... ESC \`, every ESC doubled), which tmux forwards when
  /// `allow-passthrough` is on. Control characters of the text are dropped; `;` in the
  /// OSC 777 title and body becomes `,`.
  public static func notification(title: String, body: String, environment: [String: String])
    -> [UInt8]
  {
    func clean(_ s: String, semicolons: Bool) -> String {
      var out = ""
      for u in s.unicodeScalars {
        if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { continue }
        out.unicodeScalars.append(semicolons && u == ";" ? "," : u)
      }
      return String(out.prefix(200))
    }
    let vte =
      environment["VTE_VERSION"] != nil || (environment["TERM"] ?? "").hasPrefix("rxvt")
    var osc: [UInt8] = [0x1B, 0x5D]
    if vte {
      osc += Array(
        "777;notify;\(clean(title, semicolons: true));\(clean(body, semicolons: true))".utf8)
    } else {
      osc += Array("9;\(clean(title, semicolons: false)): \(clean(body, semicolons: false))".utf8)
    }
    osc += [0x1B, 0x5C]
    guard environment["TMUX"] != nil else { return osc }
    var wrapped: [UInt8] = [0x1B, 0x50] + Array("tmux;".utf8)
    for b in osc { wrapped += b == 0x1B ? [0x1B, 0x1B] : [b] }
    return wrapped + [0x1B, 0x5C]
  }

  /// Writes bytes to standard output (the terminal), whole.
  public static func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return }
      offset += n
    }
  }
}
