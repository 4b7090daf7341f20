import CarbonText

/// What changed in a dataset folder since the previous change (or since the watcher started).
///
/// Produced by ``DatasetWatcher/takeChanges(now:)`` once a burst of file activity has settled.
/// Entries are sorted: the folder's own entry (path `"."`) first, then files by path.
public struct DatasetChange: Sendable, Equatable {
  /// How one file (or the folder itself) changed.
  public enum Kind: Sendable, Equatable, CustomStringConvertible {
    /// An `events/*.csv` file only grew: same inode, bigger size, and the bytes seen before
    /// (sampled: the first and the last 4 KiB before the old end) are untouched. The new bytes
    /// start at `fromOffset` (the previous size). They may end in a partial line while a writer
    /// is still busy; the next change continues from ``Entry/size``.
    case appended(fromOffset: Int64)
    /// Replaced (rename over), truncated, or changed in place.
    case rewritten
    /// The file is gone.
    case deleted
    /// The file appeared.
    case created
    /// The dataset folder itself is gone (removed, renamed away, unmounted). Path `"."`.
    case folderGone
    /// The dataset folder is there again, or was replaced: reload everything. Path `"."`.
    case folderBack

    public var description: String {
      switch self {
      case .appended(let offset): return "appended from \(offset)"
      case .rewritten: return "rewritten"
      case .deleted: return "deleted"
      case .created: return "created"
      case .folderGone: return "folder gone"
      case .folderBack: return "folder back"
      }
    }
  }

  /// One changed file.
  public struct Entry: Sendable, Equatable {
    /// The path relative to the dataset folder, `/`-separated (`"operations.csv"`,
    /// `"events/2024.csv"`), or `"."` for the folder itself.
    public var path: String
    /// How it changed.
    public var kind: Kind
    /// The file's size in bytes when the change was taken; nil when deleted or for the folder.
    public var size: Int64?

    /// Creates an entry.
    public init(path: String, kind: Kind, size: Int64? = nil) {
      self.path = path
      self.kind = kind
      self.size = size
    }
  }

  /// The changed files, folder entry first, then by path.
  public var entries: [Entry]

  /// Creates a change; entries are put in the documented order.
  public init(entries: [Entry]) {
    self.entries = entries.sorted { a, b in
      if (a.path == ".") != (b.path == ".") { return a.path == "." }
      return ByteOrder.less(a.path, b.path)
    }
  }

  /// The changed paths, in order.
  public var paths: [String] { entries.map(\.path) }

  /// The kind of change of one path, or nil when it did not change.
  public func kind(of path: String) -> Kind? {
    entries.first { $0.path == path }?.kind
  }

  /// True when the folder is gone now (the app should keep showing the last data, marked stale).
  public var folderGone: Bool { entries.contains { $0.kind == .folderGone } }

  /// True when every entry is an `.appended` events file, so the ledger can be read
  /// incrementally; false when anything else needs a full reload.
  public var onlyAppends: Bool {
    !entries.isEmpty
      && entries.allSatisfy {
        if case .appended = $0.kind { return true }
        return false
      }
  }
}
