import ArgumentParser
import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

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
  /// A `postgres://` URL reads the dataset from its schema (docs/postgres.md).
  static func load(_ folder: String, progress: ProgressBar? = nil) throws -> LoadedDataset {
    if let target = PGTarget(url: folder) {
      do {
        return try PostgresDataset.load(PGConnection(target))
      } catch {
        throw UsageError(error.message)
      }
    }
    do {
      return try DatasetLoader.load(folder: folder, ledger: ledgerHook(progress: progress))
    } catch {
      throw UsageError("\(error)")
    }
  }

  /// How messages name the dataset: the folder, or the URL without its password.
  static func display(_ location: String) -> String {
    PGTarget(url: location)?.display ?? Sanitize.text(location)
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
