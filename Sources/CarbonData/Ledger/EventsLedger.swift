import CarbonKit
import FoundationEssentials
import TOMLKit

/// The avoided-emissions ledger (`events/*.csv`) summed per (fiscal year, entity, program).
public enum EventsLedger {
  /// Reads the ledger files in parallel and adds them up: exact milli-kg sums, event counts,
  /// exact distinct participants, first sources, months with data. Malformed rows are left
  /// out and counted; the first 100 get a diagnostic each, then one says how many more.
  public static func aggregate(
    files: [LedgerFile], calendar: FiscalCalendar,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void)? = nil
  ) -> (LedgerSummary, [Diagnostic]) {
    let acc = LedgerAccumulator(calendar: calendar, threads: threads, completeOnly: false)
    let diags = acc.ingest(files: files, progress: progress)
    return (acc.summary(), diags)
  }

  /// The fiscal calendar of a dataset.toml (`[organization] fiscal_year_end`, default
  /// "12-31"); nil with a message when the file cannot be read or the value is not a day.
  public static func fiscalCalendar(datasetTOML path: String) -> Result<
    FiscalCalendar, LedgerConfigError
  > {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      return .failure(LedgerConfigError(message: "\(path): cannot read"))
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch {
      return .failure(LedgerConfigError(message: "\(path): not valid TOML"))
    }
    guard let end = table["organization"]?.table?["fiscal_year_end"] else {
      return .success(FiscalCalendar())
    }
    guard let s = end.string, let cal = FiscalCalendar(fiscalYearEnd: s) else {
      return .failure(
        LedgerConfigError(
          message: "\(path): fiscal_year_end: expected \"MM-DD\", the last day of a month"))
    }
    return .success(cal)
  }
}

/// A problem with the ledger's configuration (dataset.toml, options).
public struct LedgerConfigError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}
