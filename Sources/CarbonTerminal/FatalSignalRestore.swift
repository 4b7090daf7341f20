import Glibc

/// The terminal state saved before ncurses started, for the fatal-signal handler.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false

/// The last line of defence for "the terminal is sacred": if the process dies of a fatal
/// signal (a trap in Swift code is SIGILL or SIGTRAP; also SIGSEGV, SIGBUS, SIGFPE, SIGABRT),
/// put the terminal back before dying. The handler only does async-signal-safe things:
/// write(2) of fixed escape sequences (leave the alternate screen, show the cursor, mouse
/// and keypad modes off, attributes reset) and tcsetattr(2) with the modes saved at start,
/// then re-raises the signal with its default action so the exit status stays truthful.
public enum FatalSignalRestore {
  /// Saves the terminal modes of `fd` and installs the handler. Call before ncurses starts.
  public static func install(fd: Int32 = 0) {
    if tcgetattr(fd, &savedModes) == 0 { haveSavedModes = true }
    for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] {
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
}
