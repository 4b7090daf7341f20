import CarbonKit

/// The newest write among a dataset's files (dataset.toml, the four tables, the ledger's
/// files), for the freshness of the dashboard and `check` (docs/live-data.md). Only `stat()`:
/// nothing is read.
public enum DatasetFreshness {
  static let tables = [
    "dataset.toml", "operations.csv", "value_chain.csv", "revenue.csv", "avoided.csv",
  ]

  /// The most recently modified file, or nil when none exists.
  public static func newestWrite(folder: String, dataset: Dataset?) -> FileWrite? {
    var best: FileWrite?
    for name in tables + (dataset?.ledger?.files ?? []) {
      guard let key = FileSnapshot.statKey(folder + "/" + name), key.isRegular else { continue }
      let t = key.modified / 1_000_000_000
      if best == nil || t > best!.time { best = FileWrite(file: name, time: t) }
    }
    return best
  }

  /// The `check` warning when the data are stale at `now` (seconds since the epoch), nil when
  /// they are not or no `[monitor] stale_after` is set.
  public static func staleWarning(folder: String, dataset: Dataset?, now: Int64) -> Diagnostic? {
    guard let limit = dataset?.organization.staleAfterSeconds,
      let w = newestWrite(folder: folder, dataset: dataset),
      Freshness.isStale(written: w.time, now: now, staleAfter: limit)
    else { return nil }
    return Diagnostic(
      .warning, file: w.file,
      "stale data: the newest write (\(w.file)) was \(Freshness.age(now - w.time)), more than stale_after = \"\(Freshness.duration(limit))\""
    )
  }
}
