import CarbonKit
import CarbonSystem
import CarbonText
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The events ledger kept up to date across reloads: a file that only grew is read from
/// where the last read stopped (only the appended bytes), an unchanged file is not read at
/// all, and a replaced, truncated or deleted file costs a rebuild. Its `hook` plugs into
/// `DatasetLoader.load(folder:ledger:)`, so reloads go through the same loader and the same
/// aggregation code as `carbontop report` and `carbontop ledger`.
///
/// Calls are serialized by a mutex; use it from one background queue.
public final class LiveLedger: Sendable {
  private struct Signature: Equatable {
    var inode: UInt64
    var size: Int64
    var mtime: Int64
  }

  private struct State {
    var accumulator: LedgerAccumulator?
    var calendar: FiscalCalendar?
    var known: [String: Signature] = [:]
    var diagnostics: [String: [Diagnostic]] = [:]
    var forced: Set<String> = []
    var lastRead = ""
  }

  private let state = Mutex(State())
  private let threads: Int
  private let progress: (@Sendable (Int64, Int64) -> Void)?

  /// How the last call read the ledger, for the status bar.
  public var lastRead: String { state.withLock { $0.lastRead } }

  public init(
    threads: Int = SystemInfo.activeProcessorCount,
    progress: (@Sendable (Int64, Int64) -> Void)? = nil
  ) {
    self.threads = threads
    self.progress = progress
  }

  /// The hook for `DatasetLoader`.
  public var hook: LedgerHook {
    { [self] files, calendar in self.aggregate(files, calendar) }
  }

  /// Marks files (relative names, e.g. `events/a.csv`) as rewritten, so the next read
  /// takes them whole even if their size grew (a rewrite that happens to be longer).
  public func markRewritten(_ names: [String]) {
    state.withLock { $0.forced.formUnion(names) }
  }

  private func signature(_ path: String) -> Signature? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Signature(
      inode: UInt64(st.st_ino), size: Int64(st.st_size),
      mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
  }

  private func aggregate(_ files: [LedgerFile], _ cal: FiscalCalendar) -> (
    LedgerSummary, [Diagnostic]
  ) {
    state.withLock { s in
      let sigs = Dictionary(uniqueKeysWithValues: files.map { ($0.path, signature($0.path)) })
      let samePaths = Set(files.map(\.path)) == Set(s.known.keys)
      var rebuild = s.accumulator == nil || s.calendar != cal || !samePaths
      var appends: [LedgerFile] = []
      if !rebuild {
        for f in files {
          guard let new = sigs[f.path] ?? nil, let old = s.known[f.path] else {
            rebuild = true
            break
          }
          if s.forced.contains(f.name) || new.inode != old.inode || new.size < old.size {
            rebuild = true
            break
          }
          if new != old { appends.append(f) }
        }
      }
      s.forced = []
      if rebuild {
        let acc = LedgerAccumulator(calendar: cal, threads: threads)
        let diags = acc.ingest(files: files, progress: progress)
        s.accumulator = acc
        s.calendar = cal
        s.diagnostics = Dictionary(grouping: diags, by: \.file)
        s.lastRead = "read \(files.count) ledger file\(files.count == 1 ? "" : "s") whole"
      } else if let acc = s.accumulator {
        var bytes: Int64 = 0
        for f in appends {
          let before = acc.consumedOffset(of: f)
          s.diagnostics[f.name, default: []] += acc.ingest(file: f)
          bytes += acc.consumedOffset(of: f) - before
        }
        s.lastRead =
          appends.isEmpty
          ? "ledger unchanged"
          : "read \(bytes) appended bytes of \(appends.count) ledger file\(appends.count == 1 ? "" : "s")"
      }
      for (path, sig) in sigs { s.known[path] = sig }
      s.known = s.known.filter { sigs[$0.key] != nil }
      let summary = s.accumulator?.summary() ?? LedgerSummary()
      let names = s.diagnostics.keys.sortedByBytes()
      return (summary, names.flatMap { s.diagnostics[$0] ?? [] })
    }
  }
}
