import ArgumentParser
import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop ledger`: the events ledger summed per fiscal year, entity and program (W1).
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Sum the avoided-emissions events ledger (events/*.csv) as a W1 table.",
    usage: HelpUsage.wrapped([
      "carbontop ledger", "<paths> ...", "[--output <output>]", "[--threads <threads>]",
      "[--fiscal-year-end <fiscal-year-end>]",
    ]),
    discussion: """
      Prints one CSV row per (fiscal year, entity, program) and per fiscal year (entity = \
      program = *): tCO2e (the exact sum, half-up to whole kg), events, distinct participants.

      A folder is a dataset: its events/*.csv are read, and the fiscal year end comes from \
      its dataset.toml. Files are ledger files: the fiscal year end comes from the \
      dataset.toml two levels up (DATASET/events/x.csv), else from --fiscal-year-end \
      (default 03-31, the benchmark's convention).

      Malformed rows are left out and reported on stderr (the first 100, then a count); the \
      exit status is still 0, with a warning saying how many rows were rejected. Exit 2: \
      usage errors, an unreadable dataset.toml.

      Examples:
        carbontop ledger sample-data/greenfield
        carbontop ledger sample-data/greenfield/events/*.csv --fiscal-year-end 03-31 --output w1.csv
      """
  )

  @Argument(
    help: "A dataset folder, ledger CSV files, or a database (a postgres:// URL).")
  var paths: [String]

  @Option(name: .shortAndLong, help: "Write the CSV to this file instead of stdout.")
  var output: String?

  @Option(help: "Threads to read with (default: the active cores).")
  var threads: Int?

  @Option(help: "MM-DD, for files outside a dataset (default 03-31).")
  var fiscalYearEnd: String?

  @Flag(
    help:
      "With a database: print the W1 query (to run it with psql or on Citus) instead of running it."
  )
  var sql = false

  func run() throws {
    if let url = paths.first, PGTarget.isURL(url) {
      try runInDatabase(url)
      return
    }
    var files: [LedgerFile] = []
    var calendar: FiscalCalendar?
    for p in paths {
      let abs = FileBytes.absolute(p)
      var st = stat()
      guard stat(abs, &st) == 0 else {
        fail("\(Sanitize.text(p)): no such file or folder")
      }
      if (st.st_mode & S_IFMT) == S_IFDIR {
        let toml = abs + "/dataset.toml"
        calendar = try datasetCalendar(toml, required: true) ?? calendar
        // The same listing of events/*.csv as the loader's (name order, folders and hidden
        // files skipped, unreadable entries reported).
        var listing: [Diagnostic] = []
        files += DatasetLoader.ledgerFiles(base: abs + "/", diags: &listing)
        for d in listing {
          FDText.err(Sanitize.text(d.description) + "\n")
        }
      } else if (st.st_mode & S_IFMT) != S_IFREG {
        // A FIFO or a device would block open(2) or never end: refused before opening, as
        // the dataset reader does.
        fail("\(Sanitize.text(p)): not a regular file")
      } else {
        let parent = PathText.parent(abs)
        let toml = PathText.parent(parent) + "/dataset.toml"
        if PathText.lastComponent(parent) == "events", FileBytes.exists(toml),
          fiscalYearEnd == nil
        {
          calendar = try datasetCalendar(toml, required: false) ?? calendar
          files.append(LedgerFile(path: abs, name: "events/" + PathText.lastComponent(abs)))
        } else {
          files.append(LedgerFile(path: abs, name: p))
        }
      }
    }
    if let fye = fiscalYearEnd {
      guard let c = FiscalCalendar(fiscalYearEnd: fye) else {
        fail(
          "--fiscal-year-end: expected MM-DD, the last day of a month, found \(Sanitize.text(fye))"
        )
      }
      calendar = c
    }
    let cal = calendar ?? FiscalCalendar(endMonth: 3)
    let bar = ProgressBar.forStandardError(label: "reading events")
    let nThreads = max(1, threads ?? SystemInfo.activeProcessorCount)
    var progress: (@Sendable (Int64, Int64) -> Void)?
    if let bar { progress = { done, total in bar.update(done, total) } }
    let (summary, diags) = EventsLedger.aggregate(
      files: files, calendar: cal, threads: nThreads, progress: progress)
    bar?.finish()
    for d in diags {
      let text = Sanitize.text(d.description) + "\n"
      FDText.err(text)
    }
    if summary.rowsRejected > 0 {
      FDText.err(
        "warning: \(summary.rowsRejected) of \(summary.rowsRead) rows rejected and left out of the sums\n"
      )
    }
    let csv = W1.csv(summary)
    do {
      try OutputFile.write(csv, to: output)
    } catch {
      fail("\(error)")
    }
  }

  /// W1 of a database dataset: one GROUP BY in the database (docs/postgres.md).
  private func runInDatabase(_ url: String) throws {
    guard paths.count == 1, let target = PGTarget(url: url) else {
      fail("a database URL is the only DATASET when given")
    }
    let summary: LedgerSummary
    let diags: [Diagnostic]
    do {
      let db = try PGConnection(target)
      try PostgresDataset.requireSchema(db)
      var cal = FiscalCalendar(endMonth: 3)
      if let fye = fiscalYearEnd {
        guard let c = FiscalCalendar(fiscalYearEnd: fye) else {
          fail(
            "--fiscal-year-end: expected MM-DD, the last day of a month, found \(Sanitize.text(fye))"
          )
        }
        cal = c
      } else if let config = try db.exec(PostgresDataset.configSQL(schema: target.schema)).rows
        .first?[0], let c = DatasetLoader.calendar(config: Array(config.utf8))
      {
        cal = c
      }
      if sql {
        FDText.out(LedgerQuery.sql(schema: target.schema, endMonth: cal.endMonth) + ";\n")
        return
      }
      let (s, d) = try PostgresDataset.ledger(db, calendar: cal)
      summary = s ?? LedgerSummary(files: ["events"])
      diags = d
    } catch {
      fail(error.message)
    }
    for d in diags {
      FDText.err(Sanitize.text(d.description) + "\n")
    }
    if summary.rowsRejected > 0 {
      FDText.err(
        "warning: \(summary.rowsRejected) of \(summary.rowsRead) rows rejected and left out of the sums\n"
      )
    }
    do {
      try OutputFile.write(W1.csv(summary), to: output)
    } catch {
      fail("\(error)")
    }
  }

  private func datasetCalendar(_ toml: String, required: Bool) throws -> FiscalCalendar? {
    if !required && !FileBytes.exists(toml) { return nil }
    switch EventsLedger.fiscalCalendar(datasetTOML: toml) {
    case .success(let c): return c
    case .failure(let e): fail(e.message)
    }
  }

  private func fail(_ message: String) -> Never {
    FDText.err("carbontop ledger: \(message)\n")
    Glibc.exit(2)
  }
}
