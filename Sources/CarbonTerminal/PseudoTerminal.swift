import CNcursesW
import Glibc

/// A pseudo-terminal pair for benchmarks and tests: the master's descriptor, and the slave's
/// path to open a terminal on (`NcursesTerminal.Options.ttyPath`).
public struct PseudoTerminal: Sendable {
  public let master: Int32
  public let slavePath: String

  /// Opens a new pseudo-terminal of `width` x `height`; nil when none can be had.
  public static func open(width: Int, height: Int) -> PseudoTerminal? {
    var name = [CChar](repeating: 0, count: 128)
    let m = cn_open_pty(&name, 128)
    guard m >= 0 else { return nil }
    let path = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var ws = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(m, UInt(TIOCSWINSZ), &ws)
    return PseudoTerminal(master: m, slavePath: path)
  }
}
