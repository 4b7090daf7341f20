import ArgumentParser
import CarbonData
import CarbonKit
import CarbonPostgres
import CarbonSystem
import CarbonText

#if canImport(Glibc)
  import Glibc
#endif

/// `carbontop report`: every figure of the dashboard, headless.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Print every target's figures and status as text, markdown, JSON or CSV.",
    usage: HelpUsage.wrapped([
      "carbontop report", "[<dataset>]", "[--format <format>]", "[--scenario <scenario>]",
      "[--output <output>]", "[--strict]",
    ]),
    discussion: """
      The JSON format is the data contract's report (schema carbontop.report/1, see \
      docs/data-format.md). Data errors are reported inside the output (exit 0) unless \
      --strict is given.

      Examples:
        carbontop report                                   # the bundled Alibaba sample, as text
        carbontop report sample-data/greenfield --format json --output report.json
        carbontop report sample-data/greenfield --scenario sample-data/greenfield/scenarios/faster-clean-power.toml
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv
  }

  @Argument(
    help:
      "The dataset folder, or a postgres:// URL (default: sample-data/alibaba when it exists)."
  )
  var dataset: String?

  @Option(help: "Output format: text, markdown, json or csv.")
  var format: Format = .text

  @Option(help: "A scenario file (scenarios/NAME.toml) whose levers drive the projections.")
  var scenario: String?

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?

  @Flag(help: "Exit 1 when the data has errors.")
  var strict = false

  func run() throws {
    let folder = try DatasetLocation.resolve(dataset)
    let progress = ProgressBar.forStandardError(label: "reading events")
    let loaded = try DatasetLocation.load(folder, progress: progress)
    progress?.finish()
    guard var data = loaded.dataset else {
      for d in loaded.diagnostics {
        FDText.err(Sanitize.text(d.description) + "\n")
      }
      throw ExitCode(1)
    }
    var chosen: Scenario?
    if let scenario {
      let (s, diags) = try loadScenario(scenario, dataset: folder)
      data.diagnostics += diags
      guard let s else {
        for d in diags {
          FDText.err(Sanitize.text(d.description) + "\n")
        }
        throw ExitCode(1)
      }
      chosen = s
    }
    let report = ReportBuilder.build(dataset: data, scenario: chosen)
    let text: String
    switch format {
    case .text: text = ReportFormatter.text(report)
    case .markdown: text = ReportFormatter.markdown(report)
    case .json: text = ReportFormatter.json(report)
    case .csv: text = ReportFormatter.csv(report)
    }
    try OutputFile.write(text, to: output)
    if strict && data.hasErrors { throw ExitCode(1) }
  }

  /// A scenario file; with a database dataset, a NAME that is no file is the schema's
  /// `scenarios/NAME.toml`.
  private func loadScenario(_ scenario: String, dataset: String) throws -> (Scenario?, [Diagnostic])
  {
    if let target = PGTarget(url: dataset), !FileBytes.exists(scenario) {
      var name = scenario
      if name.hasPrefix("scenarios/") { name.removeFirst(10) }
      if name.hasSuffix(".toml") { name.removeLast(5) }
      let file = "scenarios/" + name + ".toml"
      do {
        guard let text = try PostgresDataset.scenarioText(PGConnection(target), name: name) else {
          return (nil, [Diagnostic(.error, file: file, "no such scenario in the database")])
        }
        return ScenarioFile.parse(text, name: file, path: file)
      } catch {
        throw UsageError(error.message)
      }
    }
    return ScenarioFile.load(path: scenario, name: scenarioDisplayName(scenario, folder: dataset))
  }

  /// A scenario inside the dataset is named relative to it (scenarios/x.toml) in diagnostics.
  private func scenarioDisplayName(_ path: String, folder: String) -> String {
    let abs = FileBytes.absolute(path)
    let root = FileBytes.absolute(folder) + "/"
    return abs.hasPrefix(root) ? String(abs.dropFirst(root.count)) : path
  }
}

/// Writes command output to standard output or a file. A regular file (or a new one) is
/// written atomically (temp file, then rename); anything else that exists, such as
/// /dev/null, a FIFO or a terminal, is written in place, never replaced. Output that goes to
/// a terminal passes through `Sanitize.lines` (a name holding an escape sequence is shown,
/// not obeyed); a file or a pipe gets the text as it is (CSV and JSON escape what their
/// formats require).
enum OutputFile {
  static func write(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
      guard FDText.write(isatty(1) == 1 ? Sanitize.lines(text) : text, to: 1) else {
        throw UsageError("cannot write to standard output: " + String(cString: strerror(errno)))
      }
      return
    }
    var st = stat()
    if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
      // A device or a pipe (/dev/stdout, a FIFO): written in place, never replaced.
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw UsageError(
          "cannot write \(Sanitize.text(path)): " + String(cString: strerror(errno)))
      }
      defer { close(fd) }
      guard FDText.write(isatty(fd) == 1 ? Sanitize.lines(text) : text, to: fd) else {
        throw UsageError(
          "cannot write \(Sanitize.text(path)): " + String(cString: strerror(errno)))
      }
      return
    }
    do {
      try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
      throw UsageError(Sanitize.text(error.description))
    }
  }
}
