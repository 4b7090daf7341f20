import CNcursesW
import CarbonText
import Glibc

/// The real terminal: the only code in carbontop that calls ncurses.
///
/// Frames are drawn into ncurses' virtual screen; `flush()` sends only what changed since
/// the last frame (an idle dashboard sends nothing). `clear(style:)` uses `werase`, never
/// `clear()`, which would repaint the whole screen.
public final class NcursesTerminal: Terminal {
  /// How to set the terminal up.
  public struct Options: Sendable {
    /// `--no-color`.
    public var noColor: Bool
    /// `--ascii`: no Unicode glyphs even in a UTF-8 locale.
    public var ascii: Bool
    /// Report mouse clicks and the wheel.
    public var mouse: Bool
    /// raw() instead of cbreak(): Ctrl-C and Ctrl-Z arrive as keys instead of signals.
    public var raw: Bool
    /// How long ncurses waits after ESC for the rest of a sequence.
    public var escapeDelayMs: Int32
    /// The environment, for NO_COLOR and COLORTERM.
    public var environment: [String: String]
    /// The terminal type; nil: $TERM.
    public var termType: String?
    /// A terminal device to use instead of stdin/stdout (a pty in tests, or /dev/tty).
    public var ttyPath: String?

    public init(
      noColor: Bool = false, ascii: Bool = false, mouse: Bool = true, raw: Bool = false,
      escapeDelayMs: Int32 = 25,
      environment: [String: String] = NcursesTerminal.processEnvironment()
    ) {
      self.noColor = noColor
      self.ascii = ascii
      self.mouse = mouse
      self.raw = raw
      self.escapeDelayMs = escapeDelayMs
      self.environment = environment
      self.termType = nil
      self.ttyPath = nil
    }
  }

  /// Why the terminal could not start.
  public enum StartError: Error, CustomStringConvertible {
    case unknownTerminal(String)
    case cannotOpen(String)
    public var description: String {
      switch self {
      case .cannotOpen(let path):
        return "cannot start the terminal: cannot open \(path)"
      case .unknownTerminal(let term):
        return "cannot start the terminal: unknown terminal type \"\(term)\" (check TERM)"
      }
    }
  }

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  public private(set) var colorDepth: ColorDepth
  public let unicode: Bool
  /// The number of colours ncurses reported (COLORS after start_color; -1 without colour).
  public let terminfoColors: Int
  /// The file descriptor to poll for input (stdin, 0, unless `ttyPath` was given).
  public let inputFD: Int32
  /// The depth colours are actually sent at: true colour only with a direct-colour
  /// terminfo entry (COLORS >= 2^24); otherwise RGB is mapped to the nearest of 256.
  private let renderDepth: ColorDepth
  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  private let maxPairs: Int32
  /// False in a non-UTF-8 locale, where ncurses blanks non-ASCII text: it is drawn as `?`.
  private let localeIsUTF8: Bool
  private var restored = false
  private var screen: OpaquePointer?

  /// Starts ncurses on stdin/stdout. Throws when TERM is unknown.
  public init(options: Options = Options()) throws {
    cn_setlocale_all()
    let term = options.termType ?? options.environment["TERM"] ?? ""
    var fd: Int32 = 0
    let created: OpaquePointer?
    if let path = options.ttyPath {
      guard access(path, R_OK | W_OK) == 0 else { throw StartError.cannotOpen(path) }
      created = cn_newterm_tty(options.termType, path, &fd)
    } else {
      created = cn_newterm(options.termType)
    }
    guard let screen = created else { throw StartError.unknownTerminal(term) }
    self.screen = screen
    inputFD = fd
    _ = set_term(screen)
    let codeset = UnicodeSupport.currentCodeset()
    localeIsUTF8 = UnicodeSupport.detect(codeset: codeset, asciiFlag: false)
    unicode = UnicodeSupport.detect(codeset: codeset, asciiFlag: options.ascii)
    if options.raw { raw() } else { cbreak() }
    noecho()
    nonl()
    let win = cn_stdscr()
    keypad(win, true)
    nodelay(win, true)
    cn_set_escdelay(options.escapeDelayMs)
    curs_set(0)
    leaveok(win, true)
    if options.mouse {
      mouseinterval(0)
      _ = mousemask(cn_all_mouse_events(), nil)
    }
    var colors: Int32 = -1
    if has_colors() {
      start_color()
      _ = use_default_colors()
      colors = cn_colors()
    }
    terminfoColors = Int(colors)
    let depth = ColorDepth.detect(
      environment: options.environment, noColorFlag: options.noColor, ncursesColors: Int(colors))
    colorDepth = depth
    if depth == .trueColor && colors < 16_777_216 {
      renderDepth = .indexed256
    } else {
      renderDepth = depth
    }
    maxPairs = max(0, cn_color_pairs())
  }

  deinit { restore() }

  /// The environment of this process.
  public static func processEnvironment() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") {
        env[String(s[..<eq])] = String(s[s.index(after: eq)...])
      }
      p += 1
    }
    return env
  }

  /// Ends ncurses and gives the terminal back as it was. Safe to call more than once.
  public func restore() {
    guard !restored else { return }
    restored = true
    Self.restoreScreen()
  }

  /// Ends ncurses if it is running: for exit hooks, which cannot hold the terminal object.
  public static func restoreScreen() {
    if cn_stdscr() != nil && !isendwin() { endwin() }
  }

  /// Leaves curses mode for a while (e.g. to run an editor); the next flush returns.
  public func suspend() { endwin() }

  public var size: Size {
    let win = cn_stdscr()
    return Size(width: Int(max(0, cn_getmaxx(win))), height: Int(max(0, cn_getmaxy(win))))
  }

  // MARK: Drawing

  private func colorNumber(_ c: Color) -> Int32 {
    switch ColorMapper.map(c, to: renderDepth) {
    case .default: return -1
    case .indexed(let i): return Int32(i)
    case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }
  }

  /// The colour pair for a style, allocated on first use; pair 0 (the terminal's default
  /// colours) when there is no colour or the pairs run out.
  private func pair(for style: Style) -> Int32 {
    guard renderDepth != .none else { return 0 }
    let key = PairKey(fg: colorNumber(style.fg), bg: colorNumber(style.bg))
    if key.fg == -1 && key.bg == -1 { return 0 }
    if let p = pairs[key] { return p }
    guard nextPair < maxPairs else { return 0 }
    let p = nextPair
    let ok: Int32
    if cn_has_extended_colors() != 0 {
      ok = init_extended_pair(p, key.fg, key.bg)
    } else {
      ok = init_pair(Int16(p), Int16(clamping: key.fg), Int16(clamping: key.bg))
    }
    guard ok != cn_err() else { return 0 }
    nextPair += 1
    pairs[key] = p
    return p
  }

  private func attributes(for style: Style) -> attr_t {
    var a = cn_a_normal()
    let at = style.attributes
    if at.contains(.bold) { a |= cn_a_bold() }
    if at.contains(.dim) { a |= cn_a_dim() }
    if at.contains(.underline) { a |= cn_a_underline() }
    if at.contains(.reverse) { a |= cn_a_reverse() }
    if at.contains(.italic) { a |= cn_a_italic() }
    return a
  }

  private func setStyle(_ style: Style) {
    var p = pair(for: style)
    _ = wattr_set(cn_stdscr(), attributes(for: style), Int16(clamping: p), &p)
  }

  public func put(x: Int, y: Int, _ text: String, style: Style) {
    let sz = size
    guard y >= 0, y < sz.height, x < sz.width else { return }
    // Clip: skip what lies left of column 0, stop before the right edge.
    var col = x
    var chars: [wchar_t] = []
    chars.reserveCapacity(min(text.utf8.count, sz.width) + 1)
    var start = -1
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      // Printable ASCII (most of a frame): one cell per byte.
      for b in text.utf8 {
        if col >= sz.width { break }
        if col >= 0 {
          if start < 0 { start = col }
          chars.append(wchar_t(b))
        }
        col += 1
      }
    } else {
      for ch in text {
        let safe: Character = InMemoryTerminal.isControl(ch) ? Sanitize.replacement : ch
        let w = CellWidth.of(safe)
        // Outside UTF-8 ncurses would blank non-ASCII: a ? per cell keeps the layout.
        let asQuestionMarks = !localeIsUTF8 && !safe.isASCII
        if w == 0 {
          if start >= 0 && !asQuestionMarks {
            for u in safe.unicodeScalars { chars.append(wchar_t(bitPattern: u.value)) }
          }
          continue
        }
        if col + w > sz.width { break }
        if col >= 0 {
          if start < 0 { start = col }
          if asQuestionMarks {
            for _ in 0..<w { chars.append(63) }
          } else {
            for u in safe.unicodeScalars { chars.append(wchar_t(bitPattern: u.value)) }
          }
        }
        col += w
      }
    }
    guard start >= 0, !chars.isEmpty else { return }
    write(chars, x: start, y: y, style: style)
  }

  /// Sends wide characters at (x, y) in a style (the caller has clipped them).
  private func write(_ chars: [wchar_t], x: Int, y: Int, style: Style) {
    setStyle(style)
    let win = cn_stdscr()
    _ = wmove(win, Int32(y), Int32(x))
    // Writing the bottom-right cell returns ERR (the cursor cannot advance) but draws it.
    _ = chars.withUnsafeBufferPointer { waddnwstr(win, $0.baseAddress, Int32($0.count)) }
    setStyle(.plain)
  }

  /// A row of spaces, reused by `fill`.
  private var spaces: [wchar_t] = []

  public func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
    guard width > 0, height > 0 else { return }
    let x0 = max(0, x)
    let w = min(width - (x0 - x), size.width - x0)
    guard w > 0 else { return }
    if spaces.count < w { spaces = [wchar_t](repeating: 32, count: max(w, size.width)) }
    let row = Array(spaces[0..<w])
    for r in max(0, y)..<min(y + height, size.height) { write(row, x: x0, y: r, style: style) }
  }

  public func clear(style: Style) {
    // werase, not clear: clear() would make the next refresh repaint every cell.
    _ = werase(cn_stdscr())
    if style != .plain { fill(x: 0, y: 0, width: size.width, height: size.height, style: style) }
  }

  public func flush() {
    _ = wnoutrefresh(cn_stdscr())
    _ = doupdate()
  }

  // MARK: Input

  private enum Read {
    case none
    case char(Int32)
    case keyCode(Int32)
  }

  private func read() -> Read {
    var wch: wint_t = 0
    let r = wget_wch(cn_stdscr(), &wch)
    if r == cn_key_code_yes() { return .keyCode(Int32(bitPattern: wch)) }
    if r == cn_ok() { return .char(Int32(bitPattern: wch)) }
    return .none
  }

  /// True once the terminal has hung up: `pollInput` then gives `.hangup` (once) and nothing
  /// more.
  public private(set) var hungUp = false

  public func pollInput() -> [InputEvent] {
    guard !hungUp else { return [] }
    var events: [InputEvent] = []
    var budget = 256  // never spin forever on a flood of input
    loop: while budget > 0 {
      budget -= 1
      switch read() {
      case .none:
        // Nothing to read: a hung-up terminal (a closed pty, a dropped SSH link whose SIGHUP
        // went elsewhere) looks the same to ncurses, but poll() would report it readable for
        // ever and the loop would spin. Tell it apart and end the dashboard.
        if events.isEmpty, Self.inputEnded(fd: inputFD) {
          hungUp = true
          events.append(.hangup)
        }
        break loop
      case .keyCode(let code):
        if code == cn_key_resize() {
          events.append(.resize(size))
        } else if code == cn_key_mouse() {
          if let m = readMouse() { events.append(m) }
        } else if let key = KeyDecoder.decode(code: code, isKeyCode: true) {
          events.append(.key(key))
        }
      case .char(27):
        events.append(contentsOf: readEscape())
      case .char(let c):
        if let key = KeyDecoder.decode(code: c, isKeyCode: false) { events.append(.key(key)) }
      }
    }
    return events
  }

  /// True when `fd` has hung up or failed (POLLHUP, POLLERR, POLLNVAL), or is readable with
  /// nothing to read (end of file). Does not wait and reads nothing.
  static func inputEnded(fd: Int32) -> Bool {
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, 0) > 0 else { return false }
    if p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
    var pending: Int32 = 0
    if p.revents & Int16(POLLIN) != 0, ioctl(fd, UInt(FIONREAD), &pending) == 0, pending == 0 {
      return true
    }
    return false
  }

  /// After ESC: an escape sequence ncurses did not know (decoded by `KeyDecoder`), Alt+key
  /// (given as ESC then the key), or a lone Escape.
  private func readEscape() -> [InputEvent] {
    guard case .char(let first) = read() else { return [.key(.escape)] }
    guard first == 0x5B || first == 0x4F else {
      var out: [InputEvent] = [.key(.escape)]
      if let k = KeyDecoder.decode(code: first, isKeyCode: false) { out.append(.key(k)) }
      return out
    }
    var rest: [UInt32] = [UInt32(first)]
    while rest.count < 16, case .char(let c) = read(), c >= 0 {
      rest.append(UInt32(c))
      if KeyDecoder.isFinal(UInt32(c)) { break }
    }
    if let key = KeyDecoder.decodeEscapeSequence(rest) { return [.key(key)] }
    return []
  }

  /// One event per click, on the button's press (mouseinterval 0: no wait for a release);
  /// releases are ignored. Known limit: ncurses 6.4 drops a press and its release that
  /// arrive in one read (never seen from a hand, which takes tens of milliseconds).
  private func readMouse() -> InputEvent? {
    var event = MEVENT()
    guard getmouse(&event) == cn_ok() else { return nil }
    let s = event.bstate
    let button: MouseButton
    if s & cn_button4_pressed() != 0 {
      button = .wheelUp
    } else if cn_button5_pressed() != 0 && s & cn_button5_pressed() != 0 {
      button = .wheelDown
    } else if s & (cn_button1_pressed() | cn_button1_clicked()) != 0 {
      button = .left
    } else if s & (cn_button2_pressed() | cn_button2_clicked()) != 0 {
      button = .middle
    } else if s & (cn_button3_pressed() | cn_button3_clicked()) != 0 {
      button = .right
    } else {
      return nil
    }
    return .mouse(button, x: Int(event.x), y: Int(event.y))
  }
}
