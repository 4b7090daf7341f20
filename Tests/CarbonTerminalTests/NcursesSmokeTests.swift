import Foundation
import Glibc
import Testing

@testable import CarbonTerminal

/// Drives the real ncurses terminal; runs only when CARBONTOP_TTY_SMOKE names a log file
/// (run the test binary inside tmux and drive it with send-keys / capture-pane).
/// It draws a test card, then logs every input event to the file until `q` (10 s at most).
@Suite struct NcursesSmokeTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CARBONTOP_TTY_SMOKE"] != nil))
  func testCard() throws {
    guard let logPath = ProcessInfo.processInfo.environment["CARBONTOP_TTY_SMOKE"] else { return }
    var log = ""
    let terminal = try NcursesTerminal()
    let terminalGuard = TerminalGuard { NcursesTerminal.restoreScreen() }
    terminalGuard.run {
      func draw(_ last: String) {
        let s = terminal.size
        terminal.clear(style: .plain)
        terminal.put(
          x: 0, y: 0,
          "carbontop smoke \(s.width)x\(s.height) depth=\(terminal.colorDepth) colors=\(terminal.terminfoColors) TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "") unicode=\(terminal.unicode)",
          style: Style(attributes: .bold))
        terminal.put(x: 0, y: 1, "BEHIND", style: Style(fg: .rgb(255, 0, 0), attributes: .bold))
        terminal.put(x: 7, y: 1, "ON TRACK", style: Style(fg: .indexed(2)))
        terminal.put(
          x: 16, y: 1, "reverse",
          style: Style(fg: .rgb(0, 0x72, 0xB2), bg: .rgb(0xF0, 0xE4, 0x42), attributes: .reverse))
        terminal.put(x: 0, y: 2, "中文 wide ⣿⣀ ┌─┐ é", style: .plain)
        terminal.put(x: 0, y: 3, String(repeating: "0123456789", count: 12), style: .plain)
        terminal.put(x: s.width - 3, y: 4, "中中", style: .plain)
        terminal.put(x: 0, y: 5, "esc:\u{1B}[2J", style: .plain)
        terminal.fill(x: 0, y: 6, width: 5, height: 1, style: Style(bg: .indexed(4)))
        terminal.put(x: 0, y: 7, "last: \(last)", style: .plain)
        terminal.put(x: s.width - 1, y: s.height - 1, "Z", style: .plain)
        terminal.flush()
      }
      draw("-")
      let start = Date()
      loop: while Date().timeIntervalSince(start) < 10 {
        _ = Poller.wait(fds: [terminal.inputFD], timeoutMs: 100)
        let events = terminal.pollInput()
        for e in events {
          log += "\(e)\n"
          if e == .key(.char("q")) { break loop }
        }
        if let last = events.last { draw("\(last)") }
      }
    }
    // Not atomically: that would replace the target by a rename.
    try log.write(toFile: logPath, atomically: false, encoding: .utf8)
  }
}
