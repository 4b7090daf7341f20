import CNcursesW
import Glibc

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\) into something the event loop reads: the signals are
/// blocked with `pthread_sigmask` and read from a `signalfd` (add `fd` to the poll set).
///
/// Create it first thing in `main`, before any thread starts: threads inherit the mask, so
/// no thread receives these signals the default way (which would kill the process without
/// restoring the terminal). SIGWINCH is never blocked: ncurses needs it to see resizes.
public final class SignalWatcher {
  /// The signalfd to poll; readable when a watched signal is pending.
  public let fd: Int32
  /// The signals watched.
  public let signals: [Int32]
  /// The signals that end the dashboard as `q` does: SIGINT, SIGTERM, SIGHUP, and SIGQUIT,
  /// whose default action (a core dump) would leave the terminal raw.
  public static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  private var oldMask = sigset_t()
  private var closed = false

  /// Blocks the signals in the calling thread (and threads it starts later) and opens a
  /// non-blocking signalfd for them.
  public init(signals: [Int32] = SignalWatcher.quitSignals) throws {
    // ncurses learns of resizes through SIGWINCH, and installs its handler only when the
    // signal has its default disposition: undo an ignored SIGWINCH inherited from the parent
    // (a blocked one is unblocked below). A handler already installed (ncurses' own) stays.
    var current = sigaction()
    if sigaction(SIGWINCH, nil, &current) == 0,
      unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        == unsafeBitCast(SIG_IGN, to: Int.self)
    {
      signal(SIGWINCH, SIG_DFL)
    }
    var winch = sigset_t()
    sigemptyset(&winch)
    sigaddset(&winch, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &winch, nil)
    let watched = signals.filter { $0 != SIGWINCH }
    var mask = sigset_t()
    sigemptyset(&mask)
    for s in watched { sigaddset(&mask, s) }
    var old = sigset_t()
    let rc = pthread_sigmask(SIG_BLOCK, &mask, &old)
    guard rc == 0 else { throw SystemError("pthread_sigmask", errno: rc) }
    let fd = signalfd(-1, &mask, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
    guard fd >= 0 else {
      let e = errno
      _ = pthread_sigmask(SIG_SETMASK, &old, nil)
      throw SystemError("signalfd", errno: e)
    }
    self.fd = fd
    self.signals = watched
    self.oldMask = old
  }

  deinit {
    if !closed { Glibc.close(fd) }
  }

  /// The signals that arrived since the last call (empty when none): read without blocking.
  public func read() -> [Int32] {
    var out: [Int32] = []
    var info = signalfd_siginfo()
    let size = MemoryLayout<signalfd_siginfo>.size
    while !closed {
      let n = withUnsafeMutableBytes(of: &info) { Glibc.read(fd, $0.baseAddress, size) }
      if n == size {
        out.append(Int32(bitPattern: info.ssi_signo))
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    return out
  }

  /// Closes the signalfd and restores the calling thread's previous signal mask (call it
  /// from the thread that created the watcher). Pending watched signals are then delivered.
  public func stop() {
    guard !closed else { return }
    closed = true
    Glibc.close(fd)
    _ = pthread_sigmask(SIG_SETMASK, &oldMask, nil)
  }
}
