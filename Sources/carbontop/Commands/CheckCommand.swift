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

/// `carbontop check`: validate a dataset and print its diagnostics.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a dataset folder and print every warning and error.",
    usage: HelpUsage.wrapped(["carbontop check", "[<dataset>]", "[--watch]", "[--poll <poll>]"]),
    discussion: """
      Prints `file:line:column: severity: message` for each problem, ordered by file, line \
      and column. Exit status: 0 no errors (warnings allowed), 1 data errors, 2 usage.

      Examples:
        carbontop check sample-data/greenfield
        carbontop check --watch sample-data/greenfield    # print again whenever files change
        carbontop check --watch --on-change 'cat >> changes.jsonl' sample-data/greenfield
      """)

  @Argument(
    help:
      "The dataset folder, or a postgres:// URL (default: sample-data/alibaba when it exists)."
  )
  var dataset: String?

  @Flag(
    help:
      "Keep running and print the diagnostics again whenever the dataset changes (Ctrl-C stops).")
  var watch = false

  @Option(help: "With --watch: poll every SECONDS instead of using inotify.")
  var poll: Double?

  @Option(
    name: .customLong("on-change"),
    help: ArgumentHelp(
      "With --watch: run CMD (with /bin/sh -c) when a reload changes a target's status or breaks a file; the changes come as JSON on its standard input.",
      valueName: "CMD"))
  var onChange: String?

  func validate() throws {
    if poll != nil && !watch { throw ValidationError("--poll needs --watch") }
    if onChange != nil && !watch { throw ValidationError("--on-change needs --watch") }
    if let poll, !(0.01...3600).contains(poll) {
      throw ValidationError("--poll: expected seconds between 0.01 and 3600, found \(poll)")
    }
  }

  func run() throws {
    let folder = try DatasetLocation.resolve(dataset)
    if watch {
      if PGTarget.isURL(folder) {
        throw UsageError(
          "--watch follows a folder; a database is followed live by the dashboard (docs/postgres.md)"
        )
      }
      try CheckWatch(folder: folder, poll: poll, onChange: onChange).run()
      return
    }
    let loaded = try DatasetLocation.load(folder)
    let hasErrors = try CheckCommand.print(
      CheckCommand.withStaleness(loaded, folder: folder), folder: folder)
    if hasErrors { throw ExitCode(1) }
  }

  /// The diagnostics of a load, with a warning when the data are stale (`[monitor]
  /// stale_after` in dataset.toml).
  static func withStaleness(_ loaded: LoadedDataset, folder: String) -> [Diagnostic] {
    let now = Int64(time(nil))
    guard let w = DatasetFreshness.staleWarning(folder: folder, dataset: loaded.dataset, now: now)
    else { return loaded.diagnostics }
    return loaded.diagnostics + [w]
  }

  /// Prints diagnostics and a summary line; returns true when there were errors. A failed
  /// write (`check > /dev/full`) is an error (exit 2 with the reason), never a silent 0.
  @discardableResult
  static func print(_ diagnostics: [Diagnostic], folder: String) throws -> Bool {
    var out = ""
    for d in diagnostics { out += Sanitize.text(d.description) + "\n" }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    out +=
      "\(DatasetLocation.display(folder)): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    try OutputFile.write(out, to: nil)
    return errors > 0
  }
}
