import CNcursesW
import Glibc
import Testing

@testable import CarbonTerminal

/// The real ncurses terminal on a pseudo-terminal: what it sends for a frame, for an
/// unchanged frame (nothing: clear(style:) must not force a repaint) and for one changed
/// figure, and how it reads keys written to the pty.
@Suite(.serialized) struct NcursesPtyTests {
  final class Pty {
    let master: Int32
    let slavePath: String
    init?() {
      var name = [CChar](repeating: 0, count: 128)
      let m = cn_open_pty(&name, 128)
      guard m >= 0 else { return nil }
      master = m
      slavePath = String(
        decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    deinit { close(master) }

    /// Everything the terminal sent, waiting at most `timeoutMs` for the first byte.
    func readAll(timeoutMs: Int32 = 400) -> [UInt8] {
      var out: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      var wait = timeoutMs
      while !Poller.wait(fds: [master], timeoutMs: wait).isEmpty {
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, 4096) }
        guard n > 0 else { break }
        out += buffer[0..<n]
        wait = 60
      }
      return out
    }

    func write(_ s: String) {
      var bytes = Array(s.utf8)
      _ = Glibc.write(master, &bytes, bytes.count)
    }
  }

  func draw(_ t: NcursesTerminal, figure: String) {
    t.clear(style: .plain)
    t.put(x: 0, y: 0, "carbontop", style: Style(attributes: .bold))
    t.put(x: 2, y: 3, "net \(figure) Mt", style: Style(fg: .rgb(255, 0, 0)))
    t.put(x: 2, y: 4, "BEHIND", style: Style(fg: .indexed(2), attributes: .reverse))
    t.flush()
  }

  @Test func sendsOnlyWhatChangedAndReadsKeys() throws {
    let pty = try #require(Pty())
    var options = NcursesTerminal.Options(
      environment: ["TERM": "xterm-256color"])
    options.termType = "xterm-256color"
    options.ttyPath = pty.slavePath
    let t = try NcursesTerminal(options: options)
    defer { t.restore() }
    #expect(t.size == Size(width: 80, height: 24))
    #expect(t.colorDepth == .indexed256)

    draw(t, figure: "4.45")
    let first = String(decoding: pty.readAll(), as: UTF8.self)
    #expect(first.contains("carbontop"))
    #expect(first.contains("net 4.45 Mt"))
    #expect(first.contains("\u{1B}[38;5;196m"))  // #FF0000 -> 196

    // The same frame again: nothing at all is sent.
    draw(t, figure: "4.45")
    #expect(pty.readAll().isEmpty)

    // One figure changes: a few bytes (cursor move + the changed digits).
    draw(t, figure: "4.46")
    let change = pty.readAll()
    #expect(!change.isEmpty && change.count < 40, "\(change.count) bytes")

    // Keys: keypad-mode and normal arrows, a character, Escape after the delay.
    pty.write("\u{1B}OAq\u{1B}[B\u{1B}[5~")
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 100)
    #expect(t.pollInput() == [.key(.up), .key(.char("q")), .key(.down), .key(.pageUp)])

    // Mouse, in the SGR encoding xterm-256color's terminfo asks for (kmous=\E[<): a left
    // press at column 11, row 6 (1-based); its release, ignored; the wheel down and up.
    // (Press and release are written apart, as a hand makes them: ncurses drops the pair
    // when both arrive in one read.)
    pty.write("\u{1B}[<0;11;6M")
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 100)
    #expect(t.pollInput() == [.mouse(.left, x: 10, y: 5)])
    pty.write("\u{1B}[<0;11;6m")
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 100)
    #expect(t.pollInput() == [])
    pty.write("\u{1B}[<65;1;1M\u{1B}[<64;1;1M")
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 100)
    #expect(t.pollInput() == [.mouse(.wheelDown, x: 0, y: 0), .mouse(.wheelUp, x: 0, y: 0)])

    // A lone Escape arrives once ESCDELAY (25 ms) has passed.
    pty.write("\u{1B}")
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 100)
    #expect(t.pollInput() == [.key(.escape)])

    // Resize: the emulator sets the size and the process gets SIGWINCH (here sent to the
    // whole process: ncurses' handler only sets a flag, whichever thread runs it).
    _ = cn_set_winsize(pty.master, 20, 60)
    kill(getpid(), SIGWINCH)
    _ = Poller.wait(fds: [t.inputFD], timeoutMs: 20)
    #expect(t.pollInput() == [.resize(Size(width: 60, height: 20))])
    #expect(t.size == Size(width: 60, height: 20))

    t.restore()
    t.restore()  // idempotent
  }

  /// Issue 11, item 3: when the terminal hangs up and no SIGHUP arrives (a wrapper that traps
  /// HUP), poll() reports the input readable for ever while ncurses reads nothing. The input
  /// layer must say so once (`.hangup`), not return [] and let the loop spin.
  @Test func hangUpIsAnEvent() throws {
    let pty = try #require(PseudoTerminal.open(width: 80, height: 24))
    var options = NcursesTerminal.Options(environment: ["TERM": "xterm-256color"])
    options.termType = "xterm-256color"
    options.ttyPath = pty.slavePath
    let t = try NcursesTerminal(options: options)
    defer { t.restore() }
    #expect(t.pollInput() == [])
    #expect(!t.hungUp)
    // No SIGHUP may reach this process if the pty became its controlling terminal.
    let old = signal(SIGHUP, SIG_IGN)
    defer { signal(SIGHUP, old) }
    close(pty.master)
    // The closed master makes the slave hang up: poll returns at once.
    #expect(Poller.wait(fds: [t.inputFD], timeoutMs: 1000) == [t.inputFD])
    #expect(t.pollInput() == [.hangup])
    #expect(t.hungUp)
    #expect(t.pollInput() == [])
  }

  @Test func inputEndedTellsEndOfFileFromNothingYet() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer { close(fds[0]) }
    // An open pipe with nothing in it: not ended.
    #expect(!NcursesTerminal.inputEnded(fd: fds[0]))
    var byte: UInt8 = 65
    _ = write(fds[1], &byte, 1)
    #expect(!NcursesTerminal.inputEnded(fd: fds[0]))
    _ = read(fds[0], &byte, 1)
    // The writer gone: POLLHUP, end of file.
    close(fds[1])
    #expect(NcursesTerminal.inputEnded(fd: fds[0]))
    // A descriptor that is not open: POLLNVAL.
    #expect(NcursesTerminal.inputEnded(fd: 9999))
  }
}
