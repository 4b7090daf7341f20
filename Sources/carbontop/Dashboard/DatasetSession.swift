import CarbonData
import CarbonKit
import CarbonSystem
import CarbonTerminal
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads the dataset off the UI thread: one load at a time on a serial queue, through the
/// same `DatasetLoader` as `carbontop report`, with a `LiveLedger` so that a grown events
/// file costs only its appended bytes. A finished load wakes the event loop through the
/// wake pipe; the loop takes the result with `take()`.
final class DatasetSession: Sendable {
  struct Result {
    var loaded: LoadedDataset?
    var failure: String?
    /// What caused the load ("start", or the changed files).
    var reason: String
    var ledgerRead: String
    /// The tables read from disk by this load (the others were unchanged).
    var tablesRead: [String] = []
    var seconds: Double
  }

  private struct State {
    var finished: Result?
    var running = false
    var queued: (reason: String, rewritten: [String])?
    var bytesDone: Int64 = 0
    var bytesTotal: Int64 = 0
    var startedAt: UInt64 = 0
  }

  let folder: String
  private let wake: WakePipe
  private let queue = DispatchQueue(label: "carbontop.load")
  private let state = Mutex(State())
  private let ledger: LiveLedger
  private let tables = TableCache()

  init(folder: String, wake: WakePipe) {
    self.folder = folder
    self.wake = wake
    let box = ProgressBox()
    self.ledger = LiveLedger(progress: { done, total in box.session?.progress(done, total) })
    box.session = self
  }

  /// A small indirection so the ledger's progress callback can reach the session.
  private final class ProgressBox: @unchecked Sendable {
    weak var session: DatasetSession?
  }

  private func progress(_ done: Int64, _ total: Int64) {
    state.withLock {
      $0.bytesDone = done
      $0.bytesTotal = total
    }
  }

  /// Starts a load, or queues one after the running load (several requests while a load
  /// runs become one more load).
  func request(reason: String, rewritten: [String] = []) {
    let idle = state.withLock { s in
      if s.running {
        let r = s.queued.map { $0.reason + ", " + reason } ?? reason
        s.queued = (r, (s.queued?.rewritten ?? []) + rewritten)
        return false
      }
      s.running = true
      s.startedAt = DispatchTime.now().uptimeNanoseconds
      s.bytesDone = 0
      s.bytesTotal = 0
      return true
    }
    guard idle else { return }
    start(reason: reason, rewritten: rewritten)
  }

  private func start(reason: String, rewritten: [String]) {
    queue.async { [self] in
      ledger.markRewritten(rewritten)
      tables.invalidate(rewritten)
      let t0 = DispatchTime.now().uptimeNanoseconds
      var result = Result(loaded: nil, failure: nil, reason: reason, ledgerRead: "", seconds: 0)
      do {
        result.loaded = try DatasetLoader.load(folder: folder, ledger: ledger.hook, cache: tables)
      } catch {
        result.failure = "\(error)"
      }
      result.ledgerRead = ledger.lastRead
      result.tablesRead = tables.lastRead
      result.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      let next = state.withLock { s in
        s.finished = result
        let next = s.queued
        s.queued = nil
        if next != nil {
          s.startedAt = DispatchTime.now().uptimeNanoseconds
        } else {
          s.running = false
        }
        return next
      }
      wake.wake()
      if let next { start(reason: next.reason, rewritten: next.rewritten) }
    }
  }

  /// The latest finished load, once.
  func take() -> Result? {
    state.withLock { s in
      let r = s.finished
      s.finished = nil
      return r
    }
  }

  /// While a load has run for more than half a second: its progress (a nil fraction while
  /// the size is not known yet). Nil otherwise: nothing to show.
  func slowProgress() -> (fraction: Double?, Void)? {
    state.withLock { s in
      guard s.running, DispatchTime.now().uptimeNanoseconds - s.startedAt > 500_000_000 else {
        return nil
      }
      return (s.bytesTotal > 0 ? min(1, Double(s.bytesDone) / Double(s.bytesTotal)) : nil, ())
    }
  }

  var isRunning: Bool {
    state.withLock { $0.running }
  }
}
