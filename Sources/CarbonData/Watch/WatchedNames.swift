/// Which names in a dataset folder matter to the dataset, and which are editors' litter.
///
/// Top level: `dataset.toml` and `*.csv`. Subfolders: `events/*.csv` and `scenarios/*.toml`.
/// Hidden names (`.x.swp`, `.#x.csv`, `.~lock.x.csv#`, `.tmp123.csv`), backups (`x.csv~`),
/// autosaves (`#x.csv#`), vim's probe file `4913` and everything else are ignored.
enum WatchedNames {
  /// The subfolders watched, with the extension of the files that matter in each.
  static let subfolders: [(name: String, suffix: String)] = [
    ("events", ".csv"), ("scenarios", ".toml"),
  ]

  /// True when `name` (one component, no slash) is an editor's temporary or backup file.
  static func isEditorLitter(_ name: String) -> Bool {
    name.isEmpty || name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~")
      || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
      || name == "4913" || name.contains("/")
  }

  /// True when a top-level file named `name` matters to the dataset.
  static func isRelevantTopLevel(_ name: String) -> Bool {
    if isEditorLitter(name) { return false }
    return name == "dataset.toml" || (name.hasSuffix(".csv") && name.count > 4)
  }

  /// True when a file `name` inside subfolder `subfolder` matters to the dataset.
  static func isRelevant(_ name: String, in subfolder: String) -> Bool {
    if isEditorLitter(name) { return false }
    guard let entry = subfolders.first(where: { $0.name == subfolder }) else { return false }
    return name.hasSuffix(entry.suffix) && name.count > entry.suffix.count
  }

  /// True when a relative path (`"operations.csv"`, `"events/x.csv"`) matters to the dataset.
  static func isRelevant(path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return isRelevantTopLevel(String(parts[0]))
    case 2: return isRelevant(String(parts[1]), in: String(parts[0]))
    default: return false
    }
  }

  /// True when a relative path is an events ledger file (the only kind reported `.appended`).
  static func isEventsFile(_ path: String) -> Bool {
    path.hasPrefix("events/")
  }
}
