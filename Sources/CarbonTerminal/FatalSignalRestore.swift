import Glibc

/// The terminal state saved before ncurses started, for the fatal-signal handler.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false

/// The last line of defence for "the terminal is sacred": if the process dies of a signal
/// (a trap in Swift code is SIGILL or SIGTRAP; also SIGSEGV, SIGBUS, SIGFPE, SIGABRT, and every
/// other signal whose default action ends the process: SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
/// SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, SIGXCPU, SIGXFSZ, SIGSYS and the real-time
/// signals), put the terminal back before dying. The handler only does async-signal-safe
/// things: write(2) of fixed escape sequences (leave the alternate screen, show the cursor,
/// mouse and keypad modes off, attributes reset) and tcsetattr(2) with the modes saved at
/// start, then re-raises the signal with its default action so the exit status stays truthful.
///
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT are not here: `SignalWatcher` turns them into a clean
/// quit. A signal the parent set to be ignored (`nohup`, `trap '' USR1`) stays ignored.
public enum FatalSignalRestore {
  /// Crashes: always handled.
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

  /// The other signals whose default action ends the process (signal(7)), SIGKILL aside.
  static var terminatingSignals: [Int32] {
    var out: [Int32] = [
      SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, SIGXCPU,
      SIGXFSZ, SIGSYS,
    ]
    // The real-time signals end the process too; glibc keeps the first two for itself and
    // reports the usable range.
    let low = __libc_current_sigrtmin()
    let high = __libc_current_sigrtmax()
    if low <= high { out += Array(low...high) }
    return out
  }

  /// Every signal the handler is installed for (the inherited-ignored ones aside).
  public static var handledSignals: [Int32] { crashSignals + terminatingSignals }

  /// Saves the terminal modes of `fd` and installs the handler. Call before ncurses starts.
  public static func install(fd: Int32 = 0) {
    if tcgetattr(fd, &savedModes) == 0 { haveSavedModes = true }
    for sig in crashSignals { handle(sig) }
    for sig in terminatingSignals where !isIgnored(sig) { handle(sig) }
  }

  /// True when the signal's disposition is SIG_IGN (inherited from the parent).
  static func isIgnored(_ sig: Int32) -> Bool {
    var current = sigaction()
    guard sigaction(sig, nil, &current) == 0 else { return false }
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
      == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  private static func handle(_ sig: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { sig in
      let reset =
        "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
      reset.utf8CString.withUnsafeBufferPointer { p in
        _ = Glibc.write(1, p.baseAddress, p.count - 1)
      }
      if haveSavedModes { tcsetattr(0, TCSANOW, &savedModes) }
      signal(sig, SIG_DFL)
      raise(sig)
    }
    action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
    sigemptyset(&action.sa_mask)
    sigaction(sig, &action, nil)
  }
}
