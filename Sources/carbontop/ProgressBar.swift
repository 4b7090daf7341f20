import CarbonKit
import CarbonSystem
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A progress bar on standard error for long reads: it appears only when reading has taken
/// more than half a second and standard error is a terminal, and is erased when done.
final class ProgressBar: Sendable {
  private struct State {
    var lastDraw: UInt64 = 0
    var shown = false
  }

  private let state = Mutex(State())
  private let label: String
  private let start = DispatchTime.now().uptimeNanoseconds

  private init(label: String) { self.label = label }

  /// A bar for standard error, or nil when standard error is not a terminal.
  static func forStandardError(label: String) -> ProgressBar? {
    isatty(2) == 1 ? ProgressBar(label: label) : nil
  }

  /// Called from any thread with bytes done of bytes total.
  func update(_ done: Int64, _ total: Int64) {
    let now = DispatchTime.now().uptimeNanoseconds
    state.withLock { s in
      guard now - start > 500_000_000, now - s.lastDraw > 100_000_000 || done >= total else {
        return
      }
      s.lastDraw = now
      s.shown = true
      let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar =
        String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      let mb = Double(done) / 1_048_576
      let line = "\r\(label) [\(bar)] " + CFormat.string("%5.1f%%  %.0f MiB", fraction * 100, mb)
      FDText.err(line)
    }
  }

  /// Erases the bar if it was drawn.
  func finish() {
    state.withLock { s in
      if s.shown { FDText.err("\r\u{1B}[K") }
      s.shown = false
    }
  }
}
