import CarbonKit
import CarbonSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The avoided-emissions ledger (`events/*.csv`) summed per (fiscal year, entity, program).
public enum EventsLedger {
  /// Reads the ledger files in parallel and adds them up: exact milli-kg sums, event counts,
  /// exact distinct participants, first sources, months with data. Malformed rows are left
  /// out and counted; the first 100 get a diagnostic each, then one says how many more.
  public static func aggregate(
    files: [LedgerFile], calendar: FiscalCalendar,
    threads: Int = SystemInfo.activeProcessorCount,
    progress: (@Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void)? = nil
  ) -> (LedgerSummary, [Diagnostic]) {
    let acc = LedgerAccumulator(calendar: calendar, threads: threads, completeOnly: false)
    let diags = acc.ingest(files: files, progress: progress)
    return (acc.summary(), diags)
  }

  /// The fiscal calendar of a dataset.toml (`[organization] fiscal_year_end`, default
  /// "12-31"), read by the same rules as the dataset loader; nil with the first error (file,
  /// line, column and message) when the file cannot be read or its organization is unusable.
  public static func fiscalCalendar(datasetTOML path: String) -> Result<
    FiscalCalendar, LedgerConfigError
  > {
    let bytes: [UInt8]
    switch FileBytes.contents(of: path, limit: InputLimits.settingsFileBytes) {
    case .missing: return .failure(LedgerConfigError(message: "\(path): no such file"))
    case .failed(let m): return .failure(LedgerConfigError(message: "\(path): \(m)"))
    case .bytes(let b): bytes = b
    }
    var diags: [Diagnostic] = []
    guard let (organization, _) = DatasetConfig.parse(bytes, diags: &diags) else {
      var d = diags.first { $0.severity == .error } ?? Diagnostic(.error, file: "", "unusable")
      d.file = path
      return .failure(LedgerConfigError(message: d.description))
    }
    return .success(organization.calendar)
  }
}

/// A problem with the ledger's configuration (dataset.toml, options).
public struct LedgerConfigError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}
