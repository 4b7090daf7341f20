import CarbonKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Parsed tables kept between loads of one dataset, for live reload: a table whose file is
/// unchanged (same inode, size and modification time, read under the same fiscal calendar)
/// is taken from here with its diagnostics instead of being read again, so a reload re-reads
/// only the files that changed. Thread-safe; one cache per dataset folder.
public final class TableCache: Sendable {
  struct Signature: Equatable {
    var inode: UInt64
    var size: Int64
    var mtime: Int64
    var ctime: Int64

    init?(path: String) {
      var st = stat()
      guard stat(path, &st) == 0 else { return nil }
      inode = UInt64(st.st_ino)
      size = Int64(st.st_size)
      mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
      ctime = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }
  }

  struct Entry {
    var signature: Signature
    var calendar: FiscalCalendar
    var rows: (any Sendable)?
    var periodColumn: Int?
    var diagnostics: [Diagnostic]
  }

  private struct State {
    var entries: [String: Entry] = [:]
    var read: [String] = []
  }

  private let state = Mutex(State())

  public init() {}

  /// The tables the last load read from disk (the others came from the cache).
  public var lastRead: [String] {
    state.withLock { $0.read }
  }

  /// Forgets files the watcher saw change, so they are read again even if a same-size
  /// rewrite kept their timestamps (file times are only as fine as the kernel's clock tick).
  public func invalidate(_ files: [String]) {
    state.withLock { s in
      for f in files { s.entries[f] = nil }
    }
  }

  func beginLoad() {
    state.withLock { $0.read = [] }
  }

  func lookup(_ file: String, signature: Signature?, calendar: FiscalCalendar) -> Entry? {
    state.withLock { s in
      guard let signature, let e = s.entries[file], e.signature == signature,
        e.calendar == calendar
      else { return nil }
      return e
    }
  }

  func store(_ file: String, _ entry: Entry?) {
    state.withLock { s in
      s.entries[file] = entry
      if entry != nil { s.read.append(file) }
    }
  }
}
