import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Guarantees the terminal is given back (ncurses ended, the cursor and echo back) however
/// the program leaves: a normal return, a thrown error (restored before the caller prints
/// the message), `exit()` anywhere (an `atexit` hook), and SIGINT/SIGTERM/SIGHUP when the
/// loop reads them from a `SignalWatcher` and returns.
///
/// How carbontop's `main` uses the pieces:
/// ```swift
/// let signals = try SignalWatcher()          // first: before any thread starts
/// let wake = try WakePipe()                  // background work calls wake.wake()
/// let terminal = try NcursesTerminal(options: .init(noColor: noColor, ascii: ascii))
/// let guard_ = TerminalGuard { NcursesTerminal.restoreScreen() }
/// do {
///   try guard_.run {
///     loop: while true {
///       let ready = Poller.wait(fds: [terminal.inputFD, signals.fd, wake.readFD], timeoutMs: 1000)
///       if ready.contains(signals.fd), !signals.read().isEmpty { break loop }  // exit 0
///       if ready.contains(wake.readFD) { wake.drain() /* apply background results */ }
///       for event in terminal.pollInput() { /* update state; q breaks the loop */ }
///       /* render into terminal, then */ terminal.flush()
///     }
///   }
/// } catch {
///   // The terminal is already restored here.
///   FDText.err("carbontop: \(error)\n"); exit(1)
/// }
/// ```
public final class TerminalGuard: Sendable {
  private struct Registry {
    var hooks: [@Sendable () -> Void] = []
    var atexitInstalled = false
  }
  private static let registry = Mutex(Registry())

  private let done = Mutex(false)
  private let action: @Sendable () -> Void

  /// Registers `restore` to run once: at `restore()`, at the end of `run`, or at exit.
  /// `restore` must be safe to call at exit (e.g. `NcursesTerminal.restoreScreen`).
  public init(restore: @escaping @Sendable () -> Void) {
    action = restore
    let install = Self.registry.withLock { r in
      r.hooks.append { [self] in self.restore() }
      defer { r.atexitInstalled = true }
      return !r.atexitInstalled
    }
    if install { atexit { TerminalGuard.runExitHooks() } }
  }

  private static func runExitHooks() {
    let all = registry.withLock { r in
      defer { r.hooks.removeAll() }
      return r.hooks
    }
    for hook in all { hook() }
  }

  /// Gives the terminal back now. Safe to call more than once.
  public func restore() {
    let first = done.withLock { d in
      defer { d = true }
      return !d
    }
    if first { action() }
  }

  /// Runs the body and restores the terminal when it returns or throws (before the error
  /// reaches the caller, so the message prints on a normal screen).
  public func run<T>(_ body: () throws -> T) rethrows -> T {
    defer { restore() }
    return try body()
  }
}
