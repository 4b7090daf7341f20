import ArgumentParser
import CarbonData
import CarbonKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop ledger`: the events ledger summed per fiscal year, entity and program (W1).
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Sum the avoided-emissions events ledger (events/*.csv) as a W1 table.",
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
        carbontop ledger samples/alibaba
        carbontop ledger events_10m.csv --fiscal-year-end 03-31 --output w1.csv
      """
  )

  @Argument(help: "A dataset folder, or ledger CSV files.")
  var paths: [String]

  @Option(name: .shortAndLong, help: "Write the CSV to this file instead of stdout.")
  var output: String?

  @Option(help: "Threads to read with (default: the active cores).")
  var threads: Int?

  @Option(help: "MM-DD, for files outside a dataset (default 03-31).")
  var fiscalYearEnd: String?

  func run() throws {
    var files: [LedgerFile] = []
    var calendar: FiscalCalendar?
    let fm = FileManager.default
    for p in paths {
      let abs = URL(fileURLWithPath: p).standardizedFileURL.path
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: abs, isDirectory: &isDir) else {
        fail("\(LedgerCommand.safe(p)): no such file or folder")
      }
      if isDir.boolValue {
        let toml = abs + "/dataset.toml"
        calendar = try datasetCalendar(toml, required: true) ?? calendar
        let dir = abs + "/events"
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter {
          $0.hasSuffix(".csv")
        }
        for n in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
          files.append(LedgerFile(path: dir + "/" + n, name: "events/" + n))
        }
      } else {
        let parent = (abs as NSString).deletingLastPathComponent
        let toml = (parent as NSString).deletingLastPathComponent + "/dataset.toml"
        if (parent as NSString).lastPathComponent == "events", fm.fileExists(atPath: toml),
          fiscalYearEnd == nil
        {
          calendar = try datasetCalendar(toml, required: false) ?? calendar
          files.append(LedgerFile(path: abs, name: "events/" + (abs as NSString).lastPathComponent))
        } else {
          files.append(LedgerFile(path: abs, name: p))
        }
      }
    }
    if let fye = fiscalYearEnd {
      guard let c = FiscalCalendar(fiscalYearEnd: fye) else {
        fail(
          "--fiscal-year-end: expected MM-DD, the last day of a month, found \(LedgerCommand.safe(fye))"
        )
      }
      calendar = c
    }
    let cal = calendar ?? FiscalCalendar(endMonth: 3)
    let bar = ProgressBar()
    let nThreads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    var progress: (@Sendable (Int64, Int64) -> Void)?
    if isatty(2) == 1 { progress = { done, total in bar.update(done, total) } }
    let (summary, diags) = EventsLedger.aggregate(
      files: files, calendar: cal, threads: nThreads, progress: progress)
    bar.finish()
    for d in diags {
      let text = LedgerCommand.safe(d.description) + "\n"
      FileHandle.standardError.write(Data(text.utf8))
    }
    if summary.rowsRejected > 0 {
      FileHandle.standardError.write(
        Data(
          "warning: \(summary.rowsRejected) of \(summary.rowsRead) rows rejected and left out of the sums\n"
            .utf8))
    }
    let csv = W1.csv(summary)
    if let output {
      do {
        try csv.write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        fail("\(LedgerCommand.safe(output)): cannot write")
      }
    } else {
      FileHandle.standardOutput.write(Data(csv.utf8))
    }
  }

  private func datasetCalendar(_ toml: String, required: Bool) throws -> FiscalCalendar? {
    if !required && !FileManager.default.fileExists(atPath: toml) { return nil }
    switch EventsLedger.fiscalCalendar(datasetTOML: toml) {
    case .success(let c): return c
    case .failure(let e): fail(e.message)
    }
  }

  private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("carbontop ledger: \(message)\n".utf8))
    Foundation.exit(2)
  }

  /// Control characters replaced, so no data is printed raw to the terminal.
  static func safe(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
  }
}

/// A progress bar on stderr, shown once reading has taken 0.5 s.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let start = Date()
  private var last = Date.distantPast
  private var shown = false

  func update(_ done: Int64, _ total: Int64) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(last) > 0.1, total > 0 else {
      return
    }
    last = now
    shown = true
    let width = 30
    let filled = Int(Double(width) * Double(done) / Double(total))
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    let mb = { (b: Int64) in String(b >> 20) }
    FileHandle.standardError.write(
      Data("\r[\(bar)] \(done * 100 / total)% \(mb(done))/\(mb(total)) MiB".utf8))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
