#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the names that matter in a dataset folder (see ``WatchedNames``).
enum DirectoryListing {
  /// The names in `directory` (without `.` and `..`), or nil when it cannot be read.
  static func names(in directory: String) -> [String]? {
    guard let dir = opendir(directory) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The relevant files of one subfolder, as relative paths `"events/x.csv"`.
  static func subfolderPaths(folder: String, subfolder: String) -> [String] {
    (names(in: folder + "/" + subfolder) ?? [])
      .filter { WatchedNames.isRelevant($0, in: subfolder) }
      .map { subfolder + "/" + $0 }
  }

  /// Every relevant file of the dataset folder, as relative paths.
  static func allPaths(folder: String) -> [String] {
    var paths = (names(in: folder) ?? []).filter(WatchedNames.isRelevantTopLevel)
    for sub in WatchedNames.subfolders {
      paths += subfolderPaths(folder: folder, subfolder: sub.name)
    }
    return paths
  }

  /// True when `path` is a directory (following symbolic links).
  static func isDirectory(_ path: String) -> Bool {
    FileSnapshot.statKey(path)?.isDirectory ?? false
  }
}
