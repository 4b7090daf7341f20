import ArgumentParser
import CarbonData
import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the dataset is: the DATASET argument, else `sample-data/alibaba` when that folder
/// exists in the current directory.
enum DatasetLocation {
  static let defaultFolder = "sample-data/alibaba"

  /// Resolves the DATASET argument or its default; a clear usage error when neither exists.
  static func resolve(_ argument: String?) throws -> String {
    if let argument { return argument }
    if FileBytes.isFolder(defaultFolder) {
      return defaultFolder
    }
    throw UsageError(
      "no DATASET given and no \(defaultFolder) folder here: pass the dataset folder, e.g. `carbontop report path/to/dataset`"
    )
  }

  /// Loads a dataset with the fast events ledger, reporting a usage error for a missing folder.
  static func load(_ folder: String, progress: ProgressBar? = nil) throws -> LoadedDataset {
    do {
      return try DatasetLoader.load(folder: folder, ledger: ledgerHook(progress: progress))
    } catch {
      throw UsageError("\(error)")
    }
  }

  /// The events/*.csv aggregation used by every command and the dashboard.
  static func ledgerHook(progress: ProgressBar?) -> LedgerHook {
    { files, calendar in
      EventsLedger.aggregate(
        files: files, calendar: calendar,
        progress: progress.map { bar in { @Sendable done, total in bar.update(done, total) } })
    }
  }
}
