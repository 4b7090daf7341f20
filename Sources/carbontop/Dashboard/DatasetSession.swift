import CarbonData
import CarbonKit
import CarbonSystem
import CarbonTerminal
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads the dataset off the UI thread: one load at a time on a serial queue, through the
/// same `DatasetLoader` as `carbontop report`, with a `LiveLedger` so that a grown events
/// file costs only its appended bytes. A finished load wakes the event loop through the
/// wake pipe; the loop takes the result with `take()`.
final class DatasetSession: @unchecked Sendable {
  struct Result {
    var loaded: LoadedDataset?
    var failure: String?
    /// What caused the load ("start", or the changed files).
    var reason: String
    var ledgerRead: String
    /// The tables read from disk by this load (the others were unchanged).
    var tablesRead: [String] = []
    var seconds: Double
    /// The newest write among the dataset's files, for the freshness in the header.
    var newestWrite: FileWrite?
  }

  let folder: String
  private let wake: WakePipe
  private let queue = DispatchQueue(label: "carbontop.load")
  private let lock = Lock()
  private var finished: Result?
  private var running = false
  private var queued: (reason: String, rewritten: [String])?
  private var bytesDone: Int64 = 0
  private var bytesTotal: Int64 = 0
  private var startedAt: UInt64 = 0
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
    lock.lock()
    bytesDone = done
    bytesTotal = total
    lock.unlock()
  }

  /// Starts a load, or queues one after the running load (several requests while a load
  /// runs become one more load).
  func request(reason: String, rewritten: [String] = []) {
    lock.lock()
    if running {
      let r = queued.map { $0.reason + ", " + reason } ?? reason
      queued = (r, (queued?.rewritten ?? []) + rewritten)
      lock.unlock()
      return
    }
    running = true
    startedAt = DispatchTime.now().uptimeNanoseconds
    bytesDone = 0
    bytesTotal = 0
    lock.unlock()
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
      result.newestWrite = DatasetFreshness.newestWrite(
        folder: folder, dataset: result.loaded?.dataset)
      result.ledgerRead = ledger.lastRead
      result.tablesRead = tables.lastRead
      result.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      lock.lock()
      finished = result
      let next = queued
      queued = nil
      if next != nil {
        startedAt = DispatchTime.now().uptimeNanoseconds
      } else {
        running = false
      }
      lock.unlock()
      wake.wake()
      if let next { start(reason: next.reason, rewritten: next.rewritten) }
    }
  }

  /// The latest finished load, once.
  func take() -> Result? {
    lock.lock()
    defer { lock.unlock() }
    let r = finished
    finished = nil
    return r
  }

  /// While a load has run for more than half a second: its progress (a nil fraction while
  /// the size is not known yet). Nil otherwise: nothing to show.
  func slowProgress() -> (fraction: Double?, Void)? {
    lock.lock()
    defer { lock.unlock() }
    guard running, DispatchTime.now().uptimeNanoseconds - startedAt > 500_000_000 else {
      return nil
    }
    return (bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : nil, ())
  }

  var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }
}
